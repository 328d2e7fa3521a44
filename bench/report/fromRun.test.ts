import { describe, expect, it } from 'vitest'
import { benchConfig } from '../config'
import type { PropagationRun } from '../measure/canvasPropagation'
import type { JoinLoad } from '../measure/join'
import { distribution } from '../stats'
import { fmt } from './figures'
import { canvasSection, joinSection } from './fromRun'
import type { Provenance } from './schema'

const provenance: Provenance = {
	commit: 'f'.repeat(40),
	dirty: true,
	measuredAt: '2026-12-01T10:00:00.000Z',
	node: 'v22.23.5',
	otherBusyPct: 40,
	otherBusyMaxPct: 70,
}
const config = benchConfig(false)

function run(engine: 'ours' | 'bare', n: number, rep: number, edits: number[], overrides: Partial<PropagationRun> = {}): PropagationRun {
	return {
		engine,
		n,
		rep,
		all: distribution(edits),
		perReceiver: distribution(edits),
		edits: edits.length,
		missing: 0,
		joinMs: 300,
		errors: [],
		drops: 0,
		harnessCpuPct: 40,
		harnessLoopDelayP95Ms: 2,
		...overrides,
	}
}

function load(page: JoinLoad['page'], rep: number, drawnMs: number, clickedMs: number, selectedMs: number): JoinLoad {
	const bytes = { count: 10, transfer: 700_000, encoded: 690_000, decoded: 2_400_000 }
	return {
		page,
		rep,
		drawnMs,
		clickedMs,
		selectedMs,
		interactiveMs: drawnMs + selectedMs - clickedMs,
		submittedMs: page === 'ours' ? 500 : null,
		js: bytes,
		jsAfterDrawn: { count: 1, transfer: 40_000, encoded: 39_000, decoded: 150_000 },
		css: { count: 1, transfer: 20_000, encoded: 20_000, decoded: 100_000 },
		scripts: [{ path: '/a.js', encoded: 500_000, decoded: 1_800_000 }],
	}
}

describe('sections from a run', () => {
	it("keeps one sample per repetition for every figure, and adds up each repetition's health", () => {
		const runs = [run('ours', 50, 0, [60, 70, 80]), run('ours', 50, 1, [62, 72, 90], { missing: 1, drops: 2, errors: ['x'] }), run('bare', 50, 0, [60, 66, 70])]
		const section = canvasSection(runs, config, provenance)
		const ours = section.rows.find((row) => row.n === 50 && row.engine === 'ours')
		expect(ours?.p50).toEqual({ samples: [70, 72] })
		expect(ours).toMatchObject({ missing: 1, drops: 2, errors: 1 })
		expect(section.provenance).toBe(provenance)
		expect(section.rows.map((row) => `${row.n} ${row.engine}`)).toEqual([
			'10 ours',
			'10 bare',
			'50 ours',
			'50 bare',
			'100 ours',
			'100 bare',
			'200 ours',
			'200 bare',
		])
	})

	it('counts a load as interactive when drawn plus the editor’s answer to the click, without the harness between', () => {
		const loads = [
			load('ours', 0, 1000, 1150, 1170),
			load('ours', 1, 1100, 1300, 1330),
			load('bareSync', 0, 900, 1100, 1140),
			load('bareLocal', 0, 800, 950, 980),
		]
		const section = joinSection(loads, '156.0', config, provenance)
		expect(section.pages.ours.interactiveMs).toEqual({ samples: [1020, 1130] })
		expect(fmt(section.pages.ours.drawnToClickMs)).toBe('175 ms (150–200)')
		expect(section.pages.ours.submittedMs).toEqual({ samples: [500, 500] })
		expect(section.pages.bareSync.submittedMs).toBeNull()
	})
})
