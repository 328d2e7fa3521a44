import { describe, expect, it } from 'vitest'
import { parseWriteAheadReports, renderSoak } from './soakRender'
import type { SoakResults } from './soakSchema'

const minute = (index: number, p95Ms: number, workerdMb: number) => ({
	minute: index,
	edits: 270,
	missing: 0,
	p50Ms: 68,
	p95Ms,
	maxMs: 80 + index,
	workerdMb,
	treeMb: 450 - index,
})

function soak(overrides: Partial<SoakResults> = {}): SoakResults {
	return {
		format: 'threatroom-soak-results',
		version: 1,
		provenance: {
			commit: 'abcdef0123456789abcdef0123456789abcdef01',
			dirty: false,
			measuredAt: '2026-12-01T10:00:00.000Z',
			node: 'v22.23.5',
			otherBusyPct: 2,
			otherBusyMaxPct: 9,
		},
		clients: 50,
		minutes: 3,
		edits: 810,
		missing: 0,
		connectedAtEnd: 50,
		drops: 0,
		syncErrors: 0,
		perMinute: [minute(1, 72, 117), minute(2, 71, 121), minute(3, 70, 124)],
		writeAhead: [
			{ writes: 270, p50Ms: 1, p95Ms: 2, maxMs: 8, heldP50Ms: 1, heldP95Ms: 2, heldMaxMs: 4 },
			{ writes: 280, p50Ms: 1, p95Ms: 1, maxMs: 5, heldP50Ms: 1, heldP95Ms: 3, heldMaxMs: 3 },
		],
		...overrides,
	}
}

describe('parseWriteAheadReports', () => {
	it("reads the room's once-a-minute write-ahead lines out of the party's output", () => {
		const output = [
			'[party s1] loaded',
			'\x1b[2m[party s1] write-ahead: 274 writes of 812 records (p50 1 ms, p95 1 ms, max 8 ms); messages: 300 sent at once, 20 held for a write (p50 1 ms, p95 2 ms, max 3 ms); 0 entries not in the app yet',
			'[party s1] write-ahead: 3 writes of 3 records (p50 0.5 ms, p95 0.7 ms, max 0.7 ms); messages: 3 sent at once, 0 held for a write (none); 3 entries not in the app yet',
		].join('\n')
		expect(parseWriteAheadReports(output)).toEqual([
			{ writes: 274, p50Ms: 1, p95Ms: 1, maxMs: 8, heldP50Ms: 1, heldP95Ms: 2, heldMaxMs: 3 },
			{ writes: 3, p50Ms: 0.5, p95Ms: 0.7, maxMs: 0.7, heldP50Ms: null, heldP95Ms: null, heldMaxMs: null },
		])
	})
})

describe('renderSoak', () => {
	it('gives first and last minute, their ratios and the write-ahead medians from the raw results', () => {
		const text = renderSoak(soak())
		expect(text).toContain('**810 edits, every one delivered to all 49 others**')
		expect(text).toContain('p95 72.0 ms → 70.0 ms (**×0.97**, first minute → last), max ≤ 83 ms in every minute')
		expect(text).toContain('workerd 117 → 124 MB (**×1.06**), by minute: 117, 121, 124 MB')
		expect(text).toContain(
			'≈ 275 write-ahead writes per minute, p50 1 ms, p95 2 ms, max 8 ms; messages held for them p50 1 ms, p95 3 ms (medians over its 2 reports)',
		)
		expect(text).toContain('commit: abcdef012345; clean working tree')
	})

	it('says what did not arrive, and marks minutes a transcription did not record', () => {
		const text = renderSoak(
			soak({ missing: 2, writeAhead: [], perMinute: [minute(1, 72, 117), { ...minute(2, 71, 120), workerdMb: null, maxMs: null }, minute(3, 70, 124)] }),
		)
		expect(text).toContain('2 not delivered to all 49 others in time')
		expect(text).toContain('by minute: 117, ?, 124 MB')
		expect(text).not.toContain('max ≤')
		expect(text).not.toContain('write-ahead writes')
	})
})
