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
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
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
