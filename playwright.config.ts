import { defineConfig } from '@playwright/test'

/**
 * Debian's Chromium: Playwright cannot download its own browser here. The background-networking
 * flags keep Chromium from calling home, which this machine's closed network refuses.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// Ceilings for a busy 2-CPU machine, not speed goals (those are npm run bench's): a page of a
	// production build can take many seconds to load tldraw while something else compiles.
	timeout: 600_000,
	expect: { timeout: 30_000 },
	reporter: [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
			],
		},
		viewport: { width: 1400, height: 900 },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
})
