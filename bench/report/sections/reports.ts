import { fmt, judge, KIB, median, num, table } from '../figures'
import { REPORT_FORMATS, type ReportFormat, type ReportsSection } from '../schema'
import { provenanceNote, type RenderedSection, type RenderOptions, type SummaryRow } from '../section'

// 7. Reports: each export format of a 500-threat session, built in process and through the route.

const LABEL: Record<ReportFormat, string> = { markdown: 'Markdown', csv: 'CSV', json: 'JSON', threatDragon: 'Threat Dragon' }

export function renderReports(section: ReportsSection, { judged }: RenderOptions): RenderedSection {
	const summary: SummaryRow[] = []
	const figures: Record<string, string> = {}
	for (const format of REPORT_FORMATS) {
		const { totalMs, route } = section.formats[format]
		summary.push({
			module: 'reports',
			figure: `7. ${LABEL[format]} of ${section.threats} threats (model + format)`,
			ours: fmt(totalMs),
			baseline: '',
			ratio: '',
			target: '≤ 200 ms',
			verdict: judge(judged, median(totalMs), 200, ' ms'),
		})
		if (route)
			summary.push({
				module: 'reports',
				figure: `7. ${LABEL[format]} via GET /export`,
				ours: fmt(route.ms),
				baseline: '',
				ratio: '',
				target: '≤ 200 ms',
				verdict: judge(judged, median(route.ms), 200, ' ms'),
			})
		figures[`reports.${format}.total`] = fmt(totalMs)
		figures[`reports.${format}.route`] = fmt(route?.ms)
	}
	const routed = REPORT_FORMATS.some((format) => section.formats[format].route !== null)
	const body = [
		'## 7. Reports',
		'',
		provenanceNote(section.provenance),
		'',
		`Pure builders in the bench process (after one untimed call each): the web-shop fixture with ${section.threats} threats, three votes and a decision each. The session model is built once per export; "model + format" is what one export does.`,
		'',
		table(
			['format', 'model + format', 'format alone', 'output'],
			REPORT_FORMATS.map((format) => {
				const entry = section.formats[format]
				return [LABEL[format], `**${fmt(entry.totalMs)}**`, fmt(entry.formatMs), `${num(entry.outputBytes / KIB)} KiB`]
			}),
		),
		'',
		`Session model alone: ${fmt(section.modelMs)}.`,
		'',
		`HTTP route: ${section.routeNote}.`,
		'',
	]
	if (routed) {
		body.push(
			table(
				['format', 'GET /api/sessions/:id/export (HTTP, end to end)', 'bytes'],
				REPORT_FORMATS.map((format) => {
					const route = section.formats[format].route
					return [LABEL[format], fmt(route?.ms), route ? `${num(route.bytes / KIB)} KiB` : '—']
				}),
			),
			'',
		)
	}
	return { body, summary, figures }
}
