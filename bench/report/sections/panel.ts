import { fmt, fmtRatio, judge, judgeBoth, median, ratioOf, spread, table, type Verdict } from '../figures'
import { PANEL_ENGINES, type PanelEngine, type PanelSection } from '../schema'
import { provenanceNote, type RenderedSection, type RenderOptions, type SummaryRow } from '../section'

// 2. Panel events: the room's object lane against a bare TLSocketRoom and a plain relay, per N.

const ENGINE_LABEL: Record<PanelEngine, string> = {
	ours: 'Threatroom room',
	bare: 'bare TLSocketRoom',
	relay: 'partysocket relay',
}

export function renderPanel(section: PanelSection, { judged }: RenderOptions): RenderedSection {
	const rows: string[][] = []
	const kindRows: string[][] = []
	const summary: SummaryRow[] = []
	const figures: Record<string, string> = {}
	const ns = [...new Set(section.rows.map((row) => row.n))]
	for (const n of ns) {
		const of = (engine: PanelEngine) => section.rows.find((row) => row.n === n && row.engine === engine)
		const ratio = (stat: 'p50' | 'p95' | 'max') => ratioOf(of('ours')?.[stat], of('bare')?.[stat], section.recordedRatios?.[`n${n}.${stat}`])
		for (const engine of PANEL_ENGINES) {
			const row = of(engine)
			if (!row) continue
			rows.push([`${n}`, ENGINE_LABEL[engine], fmt(row.p50), fmt(row.p95), fmt(row.max), `${row.missing} / ${row.drops} / ${row.errors}`])
			kindRows.push([`${n}`, ENGINE_LABEL[engine], fmt(row.byKind.threat), fmt(row.byKind.vote), fmt(row.byKind.phase)])
			for (const stat of ['p50', 'p95', 'max'] as const) figures[`panel.n${n}.${engine}.${stat}`] = fmt(row[stat])
		}
		rows.push([`${n}`, '**ours / bare**', fmtRatio(ratio('p50')), fmtRatio(ratio('p95')), fmtRatio(ratio('max')), ''])
		for (const stat of ['p50', 'p95', 'max'] as const) figures[`panel.n${n}.ratio.${stat}`] = fmtRatio(ratio(stat))
		if (n === 50 || !judged) {
			const verdict = judgeBoth(judge(judged, median(of('ours')?.p95), 100, ' ms'), judge(judged, ratio('p95'), 1.2, '×', 2))
			summary.push({
				module: 'panel',
				figure: `2. panel events, N = ${n}, p95`,
				ours: fmt(of('ours')?.p95),
				baseline: `bare ${fmt(of('bare')?.p95)} · relay ${fmt(of('relay')?.p95)}`,
				ratio: fmtRatio(ratio('p95')),
				target: '≤ 100 ms and ≤ 1.2 × bare',
				verdict,
			})
		}
		if (n === 100 || (!judged && n === Math.max(...ns))) {
			const ours = of('ours')
			const missing = ours?.missing ?? 0
			const drops = ours?.drops ?? 0
			const errors = ours?.errors ?? 0
			const clean = ours !== undefined && missing + drops + errors === 0
			const verdict: Verdict = judged
				? { ok: clean, text: clean ? 'met' : '**missed**' }
				: { ok: null, text: clean ? 'clean (not judged)' : 'not clean (not judged)' }
			summary.push({
				module: 'panel',
				figure: `2. panel events, N = ${n}, health`,
				ours: `${missing} missing, ${drops} drops, ${errors} errors`,
				baseline: '',
				ratio: '',
				target: 'no error, no dropped client',
				verdict,
			})
		}
	}
	figures['panel.p50.range'] = spread(section.rows.filter((row) => row.engine !== 'relay').map((row) => median(row.p50)))
	figures['panel.relay.p50.range'] = spread(section.rows.filter((row) => row.engine === 'relay').map((row) => median(row.p50)))
	const body = [
		'## 2. Panel events',
		'',
		provenanceNote(section.provenance),
		'',
		`The same N clients; per repetition ${section.setup.events} timed events (after ${section.setup.warmup} untimed) in turn: a participant adds a threat, another participant votes on it, the facilitator changes the phase. Time until every other client has the record. **ours**: the room's object lane (authorizers, T-number / author / clock stamps, projection to libSQL on save); **bare**: \`TLSocketRoom\` whose object lane carries the same payloads as three pass-through custom record types; **relay**: a party that only rebroadcasts (bench/relayParty), partysocket clients that parse each message — no sync engine, no throttle: the transport's floor.`,
		'',
		table(['N', 'engine', 'p50', 'p95', 'max', 'missing / drops / errors'], rows),
		'',
		'p95 by event kind (median over repetitions):',
		'',
		table(['N', 'engine', 'threat added', 'vote', 'phase change'], kindRows),
		'',
	]
	return { body, summary, figures }
}
