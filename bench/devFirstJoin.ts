// `npm run bench:dev-join` — what a newcomer's first minutes cost: `npm run dev` from an empty
// Next.js dev cache until it says it is ready, then the first person's join in headless Chromium,
// from opening the participant link to an interactive canvas. Not part of `npm test` (it deletes
// .next/dev, the dev server's compile cache, to start cold). Prints the figures and writes them to
// bench/devFirstJoin.md (committed, like BENCHMARKS.md). Target: the first join in under 20 s.

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { requireSupportedNode } from '../scripts/lib/nodeVersion.mjs'
import { spawnManaged, stopAll } from '../scripts/lib/processes.mjs'
import { createSession } from './lib/appApi'
import { freePort, ROOT } from './lib/processes'

await requireSupportedNode('npm run bench:dev-join')

const READY_TIMEOUT_MS = 600_000
const JOIN_TIMEOUT_MS = 180_000
const TARGET_MS = 20_000
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OUT_FILE = path.join(ROOT, 'bench', 'devFirstJoin.md')

const [port, partyPort] = [await freePort(), await freePort()]
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-dev-join-'))
fs.rmSync(path.join(ROOT, '.next', 'dev'), { recursive: true, force: true })
const loadBefore = os.loadavg()

const startedAt = Date.now()
let markReady: () => void = () => {}
const ready = new Promise<number>((resolve) => {
	markReady = () => resolve(Date.now() - startedAt)
})
const dev = spawnManaged('npm run dev', [path.join(ROOT, 'scripts', 'dev.mjs')], {
	env: {
		PORT: String(port),
		PARTY_PORT: String(partyPort),
		DATABASE_URL: `file:${path.join(dataDir, 'threatroom.db')}`,
		INTERNAL_SECRET: randomBytes(24).toString('base64url'),
	},
	onOutput: (line) => {
		if (process.argv.includes('--verbose')) console.log(line)
		if (line.includes('Threatroom (dev) is ready')) markReady()
	},
})

const readyAfterMs = await Promise.race([
	ready,
	dev.exited.then(({ code }) => Promise.reject(new Error(`npm run dev exited (${code}) before it was ready:\n${dev.output()}`))),
	new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`npm run dev was not ready within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS).unref()),
])

const appUrl = `http://127.0.0.1:${port}`
const session = await createSession({ appUrl }, 'Dev first join')
const browser = await chromium.launch({
	executablePath: CHROMIUM,
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
let formMs = 0
let canvasMs = 0
try {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
	const openedAt = Date.now()
	await page.goto(session.links.participantUrl.replace(/^https?:\/\/[^/]+/, appUrl))
	await page.getByTestId('join.name').waitFor({ timeout: JOIN_TIMEOUT_MS })
	formMs = Date.now() - openedAt
	await page.getByTestId('join.name').fill('First participant')
	await page.getByTestId('join.submit').click()
	await page.locator('.tl-canvas').waitFor({ timeout: JOIN_TIMEOUT_MS })
	await page.getByTestId('connection.status').filter({ hasText: 'Connected' }).waitFor({ timeout: JOIN_TIMEOUT_MS })
	canvasMs = Date.now() - openedAt
} finally {
	await browser.close()
	await stopAll()
	fs.rmSync(dataDir, { recursive: true, force: true })
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ')
const lines = [
	'# Dev first join',
	'',
	`_Written by \`npm run bench:dev-join\` (bench/devFirstJoin.ts) on ${new Date().toISOString()}, Node ${process.versions.node}, ${os.cpus().length} CPUs; loadavg ${load(loadBefore)} at start, ${load(os.loadavg())} at the end._`,
	'',
	'| step | time | target |',
	'|---|---|---|',
	`| \`npm run dev\` from an empty dev cache until "ready" (routes and chunks compiled) | ${seconds(readyAfterMs)} | — |`,
	`| first join: link opened → name form | ${seconds(formMs)} | — |`,
	`| first join: link opened → interactive canvas, Connected | ${seconds(canvasMs)} | < ${seconds(TARGET_MS)} ${canvasMs < TARGET_MS ? '✅' : '❌'} |`,
	'',
]
fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true })
fs.writeFileSync(OUT_FILE, lines.join('\n'))
console.log(lines.join('\n'))
process.exit(0)
