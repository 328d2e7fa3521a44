import { describe, expect, it } from 'vitest'
import { fmt, ratioOf } from './figures'
import { renderBenchmarks } from './render'
import { type BenchResultsFile, benchResultsSchema, type PersistenceSection, type Provenance } from './schema'
import { fillTemplate } from './template'

const provenance: Provenance = {
	commit: '0123456789abcdef0123456789abcdef01234567',
	dirty: false,
	measuredAt: '2026-12-01T10:00:00.000Z',
	node: 'v22.23.5',
	otherBusyPct: 3,
	otherBusyMaxPct: 12,
}

function persistence(httpMs: number[], rawMs: number[]): PersistenceSection {
	return {
		provenance,
		reps: httpMs.length,
		save: {
			threats: 1000,
			elements: 10,
			bodyBytes: 600 * 1024,
			httpMs: { samples: httpMs },
			directMs: { samples: [50, 52, 54] },
			extractRecordsMs: { samples: [4, 4, 5] },
			jsonParseMs: { samples: [2, 2, 3] },
			bodySchemaMs: { samples: [1, 1, 1] },
			rawMs: { samples: rawMs },
		},
		load: {
			elements: 200,
			threats: 500,
			snapshotBytes: 400 * 1024,
			getCanvasMs: { samples: [10, 12, 14] },
			coldJoinMs: { samples: [40, 50, 60] },
			warmJoinMs: { samples: [20, 21, 22] },
		},
	}
}

function results(mode: 'full' | 'smoke', section: PersistenceSection): BenchResultsFile {
	return {
		format: 'threatroom-bench-results',
		version: 1,
		mode,
		run: {
			startedAt: provenance.measuredAt,
			cpus: 2,
			cpuModel: 'Test CPU',
			memoryGiB: 8,
			memoryAvailableGiB: 6,
			os: 'Linux',
			node: 'v22.23.5',
			versions: { next: '16.4.6' },
			commit: provenance.commit,
			dirty: false,
			loadavgAtStart: [0.5, 0.4, 0.3],
			load: null,
			builds: { appMs: 20_000, bareMs: null },
			durationMs: 60_000,
			errors: [],
			warnings: [],
		},
		sections: { canvas: null, panel: null, join: null, persistence: section, reports: null, memory: null },
	}
}

const sources = { resultsPath: 'bench/results/full.json', analysisPath: 'bench/analysis.md' }

describe('figures', () => {
	it('prints the median of the samples with their range, or "all n" when they round alike', () => {
		expect(fmt({ samples: [30, 10, 20] })).toBe('20 ms (10–30)')
		expect(fmt({ samples: [7.2, 6.9, 7.1] })).toBe('7 ms (all 3)')
		expect(fmt({ samples: [42] })).toBe('42 ms')
		expect(fmt({ samples: [] })).toBe('—')
	})

	it('prints a transcribed summary as it was recorded', () => {
		expect(fmt({ median: 71, min: 71, max: 72, n: 3 })).toBe('71 ms (71–72)')
		expect(fmt({ median: 749_568, min: 749_568, max: 749_568, n: 3 }, 'KiB', 0, 1024)).toBe('732 KiB (all 3)')
	})

	it('derives a ratio from samples, and takes the recorded one for summaries, whose medians are rounded', () => {
		expect(ratioOf({ samples: [71.4] }, { samples: [69.6] }, 9)).toBeCloseTo(71.4 / 69.6)
		expect(ratioOf({ median: 71, min: 71, max: 72, n: 3 }, { median: 69, min: 69, max: 70, n: 3 }, 1.02)).toBe(1.02)
		expect(ratioOf({ median: 71, min: 71, max: 72, n: 3 }, { samples: [69] }, undefined)).toBeNaN()
	})
})

describe('fillTemplate', () => {
	it('fills every placeholder with its figure', () => {
		expect(fillTemplate('ours is {{ join.ratio }} bare, {{x}} again {{x}}', { 'join.ratio': '1.19×', x: '3 ms' })).toBe('ours is 1.19× bare, 3 ms again 3 ms')
	})

	it('refuses a placeholder the results have no figure for, naming it', () => {
		expect(() => fillTemplate('{{canvas.n50.ratio.p95}} and {{typo.figure}}', { 'canvas.n50.ratio.p95': '1.02×' })).toThrow(/typo\.figure/)
	})
})

describe('renderBenchmarks', () => {
	it('judges a full run against the targets and lists a miss with how far it is over', () => {
		const markdown = renderBenchmarks(results('full', persistence([150, 160, 170], [30, 31, 35])), null, sources)
		expect(markdown).toContain(
			'| 6. save 1000 threats (PUT internal canvas → saveCanvas) | 160 ms (150–170) | raw batch 31 ms (30–35) | 5.16× | ≤ 4 × raw | ❌ **missed** by 1.16× (29 % over 4×) |',
		)
		expect(markdown).toContain('### Missed targets\n\n- **6. save 1000 threats')
	})

	it('does not judge a smoke run', () => {
		const markdown = renderBenchmarks(results('smoke', persistence([150], [30])), null, { resultsPath: 'bench/results/smoke.json', analysisPath: null })
		expect(markdown).toContain('· not judged (smoke)')
		expect(markdown).not.toContain('### Missed targets')
		expect(markdown).not.toContain('## Analysis')
	})

	it("names each section's commit, working tree and Node, and says when figures were transcribed", () => {
		const transcribed = persistence([80], [30])
		transcribed.provenance = { ...provenance, commit: 'unknown (transcribed)', dirty: null, transcribedFrom: 'an old BENCHMARKS.md' }
		const markdown = renderBenchmarks(results('full', transcribed), null, sources)
		expect(markdown).toContain(
			'| 6. Persistence | 2026-12-01T10:00:00.000Z | unknown (transcribed) | working tree unknown | v22.23.5 | 3 % | transcribed (summaries) |',
		)
		expect(markdown).toContain('Transcribed from an old BENCHMARKS.md')
		const measured = renderBenchmarks(results('full', { ...persistence([80], [30]), provenance: { ...provenance, dirty: true } }), null, sources)
		expect(measured).toContain(
			'| 6. Persistence | 2026-12-01T10:00:00.000Z | `0123456789ab` | uncommitted changes in the working tree, measured as they were |',
		)
	})

	it('fills the analysis with figures of the results, so its numbers follow them', () => {
		const analysis = 'Saving is {{persistence.save.ratio}} raw ({{persistence.save.http}}).'
		expect(renderBenchmarks(results('full', persistence([80, 90, 100], [30, 30, 30])), analysis, sources)).toContain(
			'## Analysis\n\nSaving is 3.00× raw (90 ms (80–100)).',
		)
		expect(renderBenchmarks(results('full', persistence([60, 60, 60], [30, 30, 30])), analysis, sources)).toContain('Saving is 2.00× raw (60 ms (all 3)).')
	})

	it('is the same text for the same results, and the results survive their schema', () => {
		const input = results('full', persistence([80, 90, 100], [30, 31, 32]))
		expect(benchResultsSchema.parse(JSON.parse(JSON.stringify(input)))).toEqual(input)
		expect(renderBenchmarks(input, null, sources)).toBe(renderBenchmarks(structuredClone(input), null, sources))
	})
})
