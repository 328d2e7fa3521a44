// `npm test`: every test there is, in the order that fails fastest — types, unit, integration
// against a real `partykit dev`, then a production build driven by Playwright in Debian Chromium,
// and last the benchmark harness in its smoke mode.
// Prints one closing line "N passed, N failed" over all runners.

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './lib/processes.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-test-'))

/** @param {string} title @param {string[]} args @param {Record<string, string>} [env] */
function run(title, args, env = {}) {
	console.log(`\n▶ ${title}`)
	const result = spawnSync(args[0], args.slice(1), { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
	return result.status === 0
}

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return
	const isRoot = process.getuid?.() === 0
	if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
		console.log('Debian Chromium is missing: installing it (apt-get install chromium)')
		const env = { DEBIAN_FRONTEND: 'noninteractive' }
		if (run('apt-get update', ['apt-get', 'update', '-qq'], env) && run('apt-get install chromium', ['apt-get', 'install', '-y', '-qq', 'chromium'], env)) return
	}
	console.error(`Chromium not found at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`)
	process.exit(1)
}

/** Sums a vitest or Playwright JSON report into {passed, failed}. */
function countsFrom(file, kind) {
	if (!fs.existsSync(file)) return { passed: 0, failed: 0 }
	const report = JSON.parse(fs.readFileSync(file, 'utf8'))
	if (kind === 'vitest') return { passed: report.numPassedTests, failed: report.numFailedTests }
	return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky }
}

const totals = { passed: 0, failed: 0 }
/** A runner that failed without a failed test (a file that did not load, a crash) still counts as one failure. */
function add(counts, ok) {
	totals.passed += counts.passed
	totals.failed += ok || counts.failed > 0 ? counts.failed : 1
}

ensureChromium()
const steps = [
	() => {
		const ok = run('type check', [process.execPath, 'node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'])
		if (!ok) totals.failed += 1
		return ok
	},
	...['unit', 'integration'].map((project) => () => {
		const out = path.join(reportDir, `${project}.json`)
		const ok = run(`vitest (${project})`, [process.execPath, 'node_modules/vitest/vitest.mjs', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
		add(countsFrom(out, 'vitest'), ok)
		return ok
	}),
	() => {
		const ok = run('next build', [process.execPath, 'node_modules/next/dist/bin/next', 'build'], { NEXT_TELEMETRY_DISABLED: '1' })
		if (!ok) totals.failed += 1
		return ok
	},
	() => {
		const out = path.join(reportDir, 'e2e.json')
		const ok = run('playwright (e2e)', [process.execPath, 'node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out })
		add(countsFrom(out, 'playwright'), ok)
		return ok
	},
	// Benchmarks are not timed tests: CI runs the smoke version (N = 5, one repetition, no targets)
	// so the harness keeps working.
	() => {
		const ok = run('benchmark harness (smoke)', ['npm', 'run', '--silent', 'bench', '--', '--smoke'])
		if (!ok) totals.failed += 1
		return ok
	},
]

let ok = true
for (const step of steps) {
	if (!step()) {
		ok = false
		break
	}
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed`)
process.exit(ok && totals.failed === 0 ? 0 : 1)
