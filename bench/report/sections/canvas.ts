import { fmt, fmtRatio, judge, judgeBoth, median, ratioOf, spread, table } from '../figures'
import type { CanvasSection } from '../schema'
import { provenanceNote, type RenderedSection, type RenderOptions, type SummaryRow } from '../section'

// 1. Canvas edit propagation: ours against a bare TLSocketRoom, per N.

export function renderCanvas(section: CanvasSection, { judged }: RenderOptions): RenderedSection {
	const rows: string[][] = []
	const summary: SummaryRow[] = []
	const figures: Record<string, string> = {}
	const ns = [...new Set(section.rows.map((row) => row.n))]
	// Runs before the harness was measured have no such figures: their table keeps its columns.
	const withHarness = section.rows.some((row) => row.harnessCpuPct)
	for (const n of ns) {
		const ours = section.rows.find((row) => row.n === n && row.engine === 'ours')
		const bare = section.rows.find((row) => row.n === n && row.engine === 'bare')
		const ratio = (stat: 'p50' | 'p95' | 'max') => ratioOf(ours?.[stat], bare?.[stat], section.recordedRatios?.[`n${n}.${stat}`])
		for (const row of [ours, bare]) {
			if (!row) continue
			const harness = withHarness ? [fmt(row.harnessCpuPct, '%'), fmt(row.harnessLoopDelayP95Ms, 'ms', 1)] : []
			rows.push([
				`${n}`,
				row.engine,
				fmt(row.p50),
				fmt(row.p95),
				fmt(row.max),
				`${row.missing} / ${row.drops} / ${row.errors}`,
				fmt(row.joinMs, 's', 1, 1000),
				...harness,
			])
			for (const stat of ['p50', 'p95', 'max'] as const) figures[`canvas.n${n}.${row.engine}.${stat}`] = fmt(row[stat])
			figures[`canvas.n${n}.${row.engine}.harnessCpu`] = fmt(row.harnessCpuPct, '%')
			figures[`canvas.n${n}.${row.engine}.harnessLoopP95`] = fmt(row.harnessLoopDelayP95Ms, 'ms', 1)
		}
		rows.push([`${n}`, '**ours / bare**', fmtRatio(ratio('p50')), fmtRatio(ratio('p95')), fmtRatio(ratio('max')), '', '', ...(withHarness ? ['', ''] : [])])
		for (const stat of ['p50', 'p95', 'max'] as const) figures[`canvas.n${n}.ratio.${stat}`] = fmtRatio(ratio(stat))
		if (n === 50 || n === 100 || !judged) {
			const r = ratio('p95')
			summary.push({
				module: 'canvas',
				figure: `1. canvas edit propagation, N = ${n}, p95`,
				ours: fmt(ours?.p95),
				baseline: `bare ${fmt(bare?.p95)}`,
				ratio: fmtRatio(r),
				target: '≤ 1.2 × bare',
				verdict: judge(judged && (n === 50 || n === 100), r, 1.2, '×', 2),
			})
			if (n === 50 || !judged) {
				summary.push({
					module: 'canvas',
					figure: `1. canvas edit propagation, N = ${n}, p95 absolute`,
					ours: fmt(ours?.p95),
					baseline: '',
					ratio: '',
					target: '≤ 100 ms',
					verdict: judge(judged && n === 50, median(ours?.p95), 100, ' ms'),
				})
			}
		}
	}
	const big = bigRoomSummary(section, judged)
	if (big) summary.push(big)
	const oursAndBare = section.rows.filter((row) => row.engine === 'ours' || row.engine === 'bare')
	figures['canvas.p50.range'] = spread(oursAndBare.map((row) => median(row.p50)))
	figures['canvas.extra.p50'] = spread(
		ns.map((n) => {
			const of = (engine: 'ours' | 'bare') => median(section.rows.find((row) => row.n === n && row.engine === engine)?.p50)
			return of('ours') - of('bare')
		}),
	)
	const { setup } = section
	const body = [
		'## 1. Canvas edit propagation',
		'',
		provenanceNote(section.provenance),
		'',
		`N headless tldraw clients (Node \`TLSyncClient\`, ${setup.seedElements} boxes drawn first) in one room; per repetition ${setup.edits} timed edits (after ${setup.warmup} untimed), alternately moving a box and creating one, each by a random client, ${setup.gapMs[0]}–${setup.gapMs[1]} ms apart. Time: from the sender's \`store.put\` to the moment the **last** other client's store listener sees the change (what its screen would show next frame). p50/p95/max are over the edits of one repetition; the table gives their median (min–max) over repetitions. Clients run tldraw's real throttles: 'full' presence mode (30 fps pushes), frames of 16 ms. **ours**: \`next start\` + our party (real tokens from POST /api/sessions, our schema, authorizers, human-ID stamps, debounced saves to libSQL); **bare**: \`TLSocketRoom\` with tldraw's default schema, no auth, no persistence (bench/bareParty).`,
		'',
		...(withHarness
			? [
					'The last two columns are the bench process itself over the timed edits (all N clients live in it): its CPU in % of one core, and how late its event loop ran callbacks (p95), which adds onto every latency measured. Near 100 % or with a large delay, the harness, not the room, sets the figure.',
					'',
				]
			: []),
		table(
			['N', 'room', 'p50', 'p95', 'max', 'missing / drops / errors', 'all joined in', ...(withHarness ? ['harness CPU', 'harness loop delay p95'] : [])],
			rows,
		),
		'',
	]
	return { body, summary, figures }
}

/** Issue 13 item 3: a room of 200 within 1.1 × bare at p95, and no client that missed an edit, dropped or failed. */
const BIG_ROOM_N = 200
const BIG_ROOM_RATIO = 1.1

function bigRoomSummary(section: CanvasSection, judged: boolean): SummaryRow | null {
	const ours = section.rows.find((row) => row.n === BIG_ROOM_N && row.engine === 'ours')
	const bare = section.rows.find((row) => row.n === BIG_ROOM_N && row.engine === 'bare')
	if (!ours || !bare) return null
	const r = ratioOf(ours.p95, bare.p95, section.recordedRatios?.[`n${BIG_ROOM_N}.p95`])
	const unhealthy = ours.missing + ours.drops + ours.errors
	const ratioVerdict = judge(judged, r, BIG_ROOM_RATIO, '×', 2)
	const healthVerdict = judge(judged, unhealthy, 0, ' missing/dropped/failed')
	return {
		module: 'canvas',
		figure: `3. bigger rooms: canvas edit propagation, N = ${BIG_ROOM_N}, p95; no dropped client`,
		ours: `${fmt(ours.p95)}; ${ours.missing} / ${ours.drops} / ${ours.errors}`,
		baseline: `bare ${fmt(bare.p95)}`,
		ratio: fmtRatio(r),
		target: `≤ ${BIG_ROOM_RATIO} × bare, 0 missing / drops / errors`,
		verdict: judgeBoth(healthVerdict, ratioVerdict),
	}
}
