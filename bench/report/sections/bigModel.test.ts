import { describe, expect, it } from 'vitest'
import type { BigModelSection } from '../schema'
import { renderBigModel } from './bigModel'

const section: BigModelSection = {
	provenance: { commit: 'f'.repeat(40), dirty: false, measuredAt: '2026-12-06T02:00:00.000Z', node: 'v22.23.5', otherBusyPct: 5, otherBusyMaxPct: 9 },
	reps: 3,
	setup: { elements: 300, boundaries: 10, threats: 2000, votes: 4000, baseElements: 50, keystrokes: 30, keyGapMs: 120 },
	chromium: '140.0',
	join: {
		big: { interactiveMs: { samples: [2100, 2200, 2300] }, drawnMs: { samples: [2000, 2100, 2200] } },
		base: { interactiveMs: { samples: [1000, 1100, 1200] }, drawnMs: { samples: [900, 1000, 1100] } },
	},
	exports: { md: { ms: { samples: [520, 530, 540] }, bytes: 2048 }, csv: { ms: { samples: [200, 210, 220] }, bytes: 1024 } },
	typing: { p50: { samples: [12, 14, 16] }, p95: { samples: [40, 45, 60] }, max: { samples: [70, 80, 90] }, keystrokes: 90, unpainted: 0 },
}

describe('the big-model section', () => {
	it('judges the join ratio, every export and the typing p95 against the issue', () => {
		const { summary } = renderBigModel(section, { judged: true })
		expect(summary.map((row) => [row.figure.split(' of ')[0], row.verdict.ok])).toEqual([
			['9. join, interactive with 300 elements, 2000 threats', true],
			['9. export `md`', false],
			['9. export `csv`', true],
			['9. typing a threat title with 300 elements, 2000 threats, key → next frame, p95', true],
		])
	})

	it('names the figures the analysis uses, the slowest export among them', () => {
		const { figures } = renderBigModel(section, { judged: true })
		expect(figures['bigModel.join.ratio']).toBe('2.00×')
		expect(figures['bigModel.export.slowest']).toBe('`md` 530 ms (520–540)')
		expect(figures['bigModel.export.csv']).toBe('210 ms (200–220)')
		expect(figures['bigModel.typing.p95']).toBe('45 ms (40–60)')
		expect(Object.keys(figures)).toEqual(
			expect.arrayContaining(['bigModel.join.big.interactive', 'bigModel.join.base.interactive', 'bigModel.typing.p50', 'bigModel.typing.max']),
		)
	})
})
