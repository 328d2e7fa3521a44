// `npm test`: every test there is — types, lint and format, dead code, unit, integration against a real `partykit dev`, a
// production build driven by Playwright in Debian Chromium, and the benchmark harness in its smoke
// mode. Every step runs even when an earlier one failed, so one red step never hides the state of
// the others; the end is one line per step and the closing "N passed, N failed" over all of them.

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { requireSupportedNode } from './lib/nodeVersion.mjs'
import { ROOT } from './lib/processes.mjs'

await requireSupportedNode('npm test')

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
		if (run('apt-get update', ['apt-get', 'update', '-qq'], env) && run('apt-get install chromium', ['apt-get', 'install', '-y', '-qq', 'chromium'], env))
			return
	}
	console.error(`Chromium not found at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`)
	process.exit(1)
}

/**
 * A vitest or Playwright JSON report as {passed, failed}; null when the runner wrote none (it
 * crashed, or a file did not load).
 */
function countsFrom(file, kind) {
	if (!fs.existsSync(file)) return null
	const report = JSON.parse(fs.readFileSync(file, 'utf8'))
	if (kind === 'vitest') return { passed: report.numPassedTests, failed: report.numFailedTests }
	return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky }
}

/**
 * @typedef {{ passed: number, failed: number, note?: string }} StepResult
 * A step that fails without a failed test (a runner that crashed, a build error) counts as one
 * failure, so the closing line can never read "0 failed" after a red step.
 */

/** @param {boolean} ok @param {{ passed: number, failed: number } | null} counts @returns {StepResult} */
function resultOf(ok, counts) {
	if (counts === null) return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, note: 'no report' }
	return { passed: counts.passed, failed: ok || counts.failed > 0 ? counts.failed : 1 }
}

/** @param {string} title @param {string[]} args @param {Record<string, string>} [env] @returns {StepResult} */
function commandStep(title, args, env) {
	return resultOf(run(title, args, env), null)
}

/**
 * Biome (lint rules and the formatter) and typescript-eslint's floating-promise rule (it reads
 * library types, which Biome's does not): both run, and either one failing fails the step.
 * @returns {StepResult}
 */
function lintStep() {
	const biome = run('lint and format (biome check)', [process.execPath, 'node_modules/@biomejs/biome/bin/biome', 'check', '.'])
	const eslint = run('floating promises (eslint)', [process.execPath, 'node_modules/eslint/bin/eslint.js', '.'])
	return resultOf(biome && eslint, null)
}

/** @param {'unit' | 'integration'} project @returns {StepResult} */
function vitestStep(project) {
	const out = path.join(reportDir, `${project}.json`)
	const ok = run(`vitest (${project})`, [
		process.execPath,
		'node_modules/vitest/vitest.mjs',
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${out}`,
	])
	return resultOf(ok, countsFrom(out, 'vitest'))
}

ensureChromium()

/** @type {{ name: string, needsBuild?: boolean, run: () => StepResult }[]} */
const steps = [
	{ name: 'type check', run: () => commandStep('type check', [process.execPath, 'node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']) },
	{ name: 'lint', run: lintStep },
	{ name: 'dead code', run: () => commandStep('dead code (knip)', [process.execPath, 'node_modules/knip/bin/knip.js', '--no-progress']) },
	{ name: 'unit tests', run: () => vitestStep('unit') },
	{ name: 'integration tests', run: () => vitestStep('integration') },
	{
		name: 'production build',
		run: () => commandStep('next build', [process.execPath, 'node_modules/next/dist/bin/next', 'build'], { NEXT_TELEMETRY_DISABLED: '1' }),
	},
	{
		name: 'end-to-end tests',
		needsBuild: true,
		run: () => {
			const out = path.join(reportDir, 'e2e.json')
			const ok = run('playwright (e2e)', [process.execPath, 'node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], {
				PLAYWRIGHT_JSON_OUTPUT_NAME: out,
			})
			return resultOf(ok, countsFrom(out, 'playwright'))
		},
	},
	// Benchmarks are not timed tests: the smoke version (N = 5, one repetition, no targets) only
	// proves the harness still works.
	{
		name: 'benchmark harness (smoke)',
		needsBuild: true,
		run: () => commandStep('benchmark harness (smoke)', ['npm', 'run', '--silent', 'bench', '--', '--smoke']),
	},
]

/** @type {{ name: string, result: StepResult, seconds: number }[]} */
const outcomes = []
for (const step of steps) {
	const buildFailed = outcomes.some((outcome) => outcome.name === 'production build' && outcome.result.failed > 0)
	const started = Date.now()
	const result = step.needsBuild && buildFailed ? { passed: 0, failed: 1, note: 'not run: the production build failed' } : step.run()
	outcomes.push({ name: step.name, result, seconds: Math.round((Date.now() - started) / 1000) })
}

console.log('\nSteps:')
for (const { name, result, seconds } of outcomes) {
	const mark = result.failed === 0 ? '✔' : '✘'
	const note = result.note ? `, ${result.note}` : ''
	console.log(`  ${mark} ${name.padEnd(26)} ${result.passed} passed, ${result.failed} failed${note} (${seconds} s)`)
}
const total = outcomes.reduce((sum, { result }) => ({ passed: sum.passed + result.passed, failed: sum.failed + result.failed }), { passed: 0, failed: 0 })
console.log(`\n${total.passed} passed, ${total.failed} failed`)
process.exit(total.failed === 0 ? 0 : 1)
