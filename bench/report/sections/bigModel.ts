import { fmt, fmtRatio, judge, KIB, median, named, num, ratioOf, table } from '../figures'
import type { BigModelSection } from '../schema'
import { provenanceNote, type RenderedSection, type RenderOptions, type SummaryRow } from '../section'

// 9. Big models: join, exports and typing with a 300-element, 2,000-threat session.

const JOIN_RATIO_MAX = 2
const EXPORT_MAX_MS = 500
const KEYSTROKE_P95_MAX_MS = 50

export function renderBigModel(section: BigModelSection, { judged }: RenderOptions): RenderedSection {
	const { setup, join, exports, typing } = section
	const joinRatio = ratioOf(join.big.interactiveMs, join.base.interactiveMs, undefined)
	const formats = Object.keys(exports)
	const slowest = formats.reduce<string | null>(
		(worst, format) => (worst === null || median(exports[format]?.ms) > median(exports[worst]?.ms) ? format : worst),
		null,
	)
	const slowestMs = slowest === null ? undefined : exports[slowest]?.ms
	const model = `${setup.elements} elements, ${setup.threats} threats`
	const summary: SummaryRow[] = [
		{
			module: 'bigModel',
			figure: `9. join, interactive with ${model}`,
			ours: fmt(join.big.interactiveMs),
			baseline: `${setup.baseElements}-element session ${fmt(join.base.interactiveMs)}`,
			ratio: fmtRatio(joinRatio),
			target: `≤ ${JOIN_RATIO_MAX} × the ${setup.baseElements}-element join`,
			verdict: judge(judged, joinRatio, JOIN_RATIO_MAX, '×', 2),
		},
		...formats.map((format) => ({
			module: 'bigModel' as const,
			figure: `9. export \`${format}\` of ${model} (GET /export)`,
			ours: fmt(exports[format]?.ms),
			baseline: '',
			ratio: '',
			target: `≤ ${EXPORT_MAX_MS} ms`,
			verdict: judge(judged, median(exports[format]?.ms), EXPORT_MAX_MS, ' ms'),
		})),
		{
			module: 'bigModel',
			figure: `9. typing a threat title with ${model}, key → next frame, p95`,
			ours: fmt(typing.p95),
			baseline: '',
			ratio: '',
			target: `≤ ${KEYSTROKE_P95_MAX_MS} ms`,
			verdict: judge(judged, median(typing.p95), KEYSTROKE_P95_MAX_MS, ' ms'),
		},
	]
	const figures: Record<string, string> = {
		'bigModel.join.ratio': fmtRatio(joinRatio),
		...named('bigModel.join.big.interactive', join.big.interactiveMs),
		...named('bigModel.join.base.interactive', join.base.interactiveMs),
		'bigModel.export.slowest': slowest === null ? '—' : `\`${slowest}\` ${fmt(slowestMs)}`,
		...named('bigModel.typing.p50', typing.p50),
		...named('bigModel.typing.p95', typing.p95),
		...named('bigModel.typing.max', typing.max),
	}
	for (const format of formats) Object.assign(figures, named(`bigModel.export.${format}`, exports[format]?.ms))
	const body = [
		'## 9. Big models',
		'',
		provenanceNote(section.provenance),
		'',
		`A session of ${setup.elements} DFD elements (${setup.boundaries} trust boundaries, boxes and flows bound to them), ${setup.threats} threats spread over the elements and ${setup.votes} votes, saved through the app's internal canvas route as its room would save it; against it, a session of the join's ${setup.baseElements}-element diagram, in the same run.`,
		'',
		`**Join.** Headless Chromium${section.chromium ? ` ${section.chromium}` : ''}, a participant's first visit in a fresh context, 1400×900, measured as in section 3 (every shape drawn, then a click answered); a facilitator (Node client) keeps each room loaded; the two sessions interleaved, order alternated per repetition.`,
		'',
		table(
			['session', 'drawn', 'interactive'],
			[
				[`${setup.elements} elements, ${setup.threats} threats`, fmt(join.big.drawnMs), `**${fmt(join.big.interactiveMs)}**`],
				[`${setup.baseElements} elements`, fmt(join.base.drawnMs), fmt(join.base.interactiveMs)],
			],
		),
		'',
		`Ratio (big / ${setup.baseElements}-element): **${fmtRatio(joinRatio)}**.`,
		'',
		'**Exports.** GET /api/sessions/:id/export, facilitator token, end to end over HTTP from the bench process (one untimed request per format first, then the formats interleaved; tracker formats with every priority).',
		'',
		table(
			['format', 'time', 'bytes'],
			formats.map((format) => [`\`${format}\``, fmt(exports[format]?.ms), `${num((exports[format]?.bytes ?? Number.NaN) / KIB)} KiB`]),
		),
		'',
		`**Typing.** The facilitator opens the big session, moves to Analyse, focuses the first element and opens a new threat's form; ${setup.keystrokes} characters typed into its title, one every ${setup.keyGapMs} ms, under a Chromium performance trace. Per key: from the renderer dispatching its keydown to the end of the first frame the page's main thread commits after the key's input event (${typing.keystrokes} keystrokes over all repetitions${typing.unpainted ? `, ${typing.unpainted} without a frame in the trace` : ''}).`,
		'',
		table(['p50', 'p95', 'max'], [[fmt(typing.p50), `**${fmt(typing.p95)}**`, fmt(typing.max)]]),
		'',
	]
	return { body, summary, figures }
}
