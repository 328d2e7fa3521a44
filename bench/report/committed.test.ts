import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BENCHMARKS, FULL_RESULTS, REPO, readResults, renderCommittedBenchmarks } from './files'

describe('BENCHMARKS.md', () => {
	it('is what the committed raw results and analysis give (a hand edit or a stale figure fails: run `npm run bench:report`)', () => {
		const committed = fs.readFileSync(path.join(REPO, BENCHMARKS), 'utf8')
		expect(committed, 'BENCHMARKS.md differs from bench/results/full.json + bench/analysis.md: run `npm run bench:report`').toBe(renderCommittedBenchmarks())
	})

	it('comes from full-run results in which every section says which commit it measured', () => {
		const results = readResults(path.join(REPO, FULL_RESULTS))
		expect(results.mode).toBe('full')
		for (const section of Object.values(results.sections)) expect(section?.provenance.commit).toBeTruthy()
	})
})
