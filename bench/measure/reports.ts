import { buildSessionModel, type SessionModelInput, toCsv, toJson, toMarkdown } from '@/lib/reports'
import { WEB_SHOP_INPUT } from '@/fixtures/sessionModel'
import { formatThreatId } from '@/lib/session/threatIds'
import { exportThreatDragon } from '@/lib/threatDragon'
import type { BenchConfig } from '../config'
import { createSession, putInternalCanvas } from '../lib/appApi'
import type { BenchStack } from '../lib/stack'
import { roomSavedBody } from './persistence'

// 7. Reports of a 500-threat session: the pure builders in this process (the session model, then
// Markdown, CSV, JSON, Threat Dragon — each timed alone and as model + format, which is what an
// export does), and the HTTP export route when the build has it (GET /api/sessions/:id/export,
// facilitator's token), on a session of 200 elements and 500 threats saved by the room.

const REPORT_FORMATS = ['markdown', 'csv', 'json', 'threatDragon'] as const
type ReportFormat = (typeof REPORT_FORMATS)[number]

/** The route's `format` values, tried in order (the route is being built alongside the bench). */
const ROUTE_FORMATS: Record<ReportFormat, string[]> = {
	markdown: ['md', 'markdown'],
	csv: ['csv'],
	json: ['json'],
	threatDragon: ['threat-dragon', 'threatdragon', 'td'],
}

export interface ReportsResult {
	threats: number
	modelMs: number[]
	/** Format alone, on a built model. */
	formatMs: Record<ReportFormat, number[]>
	/** Model + format: one export's work. */
	totalMs: Record<ReportFormat, number[]>
	outputBytes: Record<ReportFormat, number>
	route: { present: boolean; note: string; ms: Partial<Record<ReportFormat, number[]>>; bytes: Partial<Record<ReportFormat, number>> }
}

/** The web shop fixture with `count` threats spread over its elements, each voted on three times and decided. */
function largeInput(count: number): SessionModelInput {
	const base = WEB_SHOP_INPUT
	const threatTemplate = base.threats[0]
	const voteTemplate = base.votes[0]
	const decisionTemplate = base.decisions[0]
	if (!threatTemplate || !voteTemplate || !decisionTemplate) throw new Error('the web shop fixture lost its threats, votes or decisions')
	const targets = base.elements.filter((element) => element.kind !== 'boundary' && element.kind !== 'text')
	const threats = Array.from({ length: count }, (_, i) => ({
		...threatTemplate,
		id: `threat:bench${i}`,
		humanId: formatThreatId(i + 1),
		shapeId: targets[i % targets.length]?.shapeId ?? threatTemplate.shapeId,
		title: `Generated threat ${i} <b>|*_`,
		description: 'A generated description, with commas, "quotes" and\na second line.',
		likelihood: (i % 5) + 1,
		impact: ((i * 3) % 5) + 1,
		createdAt: base.session.createdAt + i * 1000,
	}))
	return {
		...base,
		threats,
		votes: threats.flatMap((threat, i) =>
			['Fay', 'Pat', 'Dana'].map((voterName, j) => ({
				...voteTemplate,
				threatId: threat.id,
				voterName,
				likelihood: ((i + j) % 5) + 1,
				impact: ((i + 2 * j) % 5) + 1,
				votedAt: threat.createdAt + j,
			})),
		),
		decisions: threats.map((threat, i) => ({ ...decisionTemplate, id: `decision:bench${i}`, threatId: threat.id, decidedAt: threat.createdAt + 10 })),
	}
}

function time(work: () => unknown): number {
	const started = performance.now()
	work()
	return performance.now() - started
}

export async function measureReports(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<ReportsResult> {
	const count = config.reports.threats
	const input = largeInput(count)
	const formats: Record<ReportFormat, (model: ReturnType<typeof buildSessionModel>) => string> = {
		markdown: (model) => toMarkdown(model),
		csv: (model) => toCsv(model),
		json: (model) => toJson(model),
		threatDragon: (model) => JSON.stringify(exportThreatDragon(model)),
	}
	// Builders are cheap: at least 5 repetitions, after one untimed warm-up (first-call JIT).
	const reps = Math.max(config.reps, 5)
	const model = buildSessionModel(input)
	if (model.threats.length !== count) throw new Error(`the model holds ${model.threats.length} threats, not ${count}`)
	for (const format of REPORT_FORMATS) formats[format](model)

	const modelMs: number[] = []
	const formatMs = Object.fromEntries(REPORT_FORMATS.map((format) => [format, [] as number[]])) as Record<ReportFormat, number[]>
	const totalMs = Object.fromEntries(REPORT_FORMATS.map((format) => [format, [] as number[]])) as Record<ReportFormat, number[]>
	const outputBytes = Object.fromEntries(REPORT_FORMATS.map((format) => [format, Buffer.byteLength(formats[format](model))])) as Record<ReportFormat, number>
	for (let rep = 0; rep < reps; rep++) {
		modelMs.push(time(() => buildSessionModel(input)))
		for (const format of REPORT_FORMATS) {
			formatMs[format].push(time(() => formats[format](model)))
			totalMs[format].push(time(() => formats[format](buildSessionModel(input))))
		}
	}
	log(`reports (${count} threats): ${REPORT_FORMATS.map((format) => `${format} ${totalMs[format].map((ms) => ms.toFixed(0)).join('/')} ms`).join(', ')}`)

	// The HTTP route, if this build has it.
	const route: ReportsResult['route'] = { present: false, note: '', ms: {}, bytes: {} }
	const body = await roomSavedBody(stack, config.persistence.loadElements, config.persistence.loadThreats)
	const session = await createSession(stack, 'Bench export')
	await putInternalCanvas(stack, session.id, body)
	const get = async (format: string) => {
		const started = performance.now()
		const response = await fetch(`${stack.appUrl}/api/sessions/${encodeURIComponent(session.id)}/export?format=${encodeURIComponent(format)}`, {
			headers: { authorization: `Bearer ${session.tokens.facilitator}` },
			signal: AbortSignal.timeout(60_000),
		})
		const bytes = (await response.arrayBuffer()).byteLength
		return { status: response.status, contentType: response.headers.get('content-type') ?? '', ms: performance.now() - started, bytes }
	}
	const probe = await get('json')
	if (probe.status === 404 && !probe.contentType.includes('json')) {
		route.note = 'GET /api/sessions/:id/export is not in this build (404 from Next.js)'
	} else {
		route.present = true
		const statuses: string[] = []
		for (const format of REPORT_FORMATS) {
			for (const name of ROUTE_FORMATS[format]) {
				const first = await get(name)
				statuses.push(`${name} ${first.status}`)
				if (first.status !== 200) continue
				const samples: number[] = []
				for (let rep = 0; rep < reps; rep++) samples.push((await get(name)).ms)
				route.ms[format] = samples
				route.bytes[format] = first.bytes
				break
			}
		}
		route.note = `route answered: ${statuses.join(', ')} (session of ${config.persistence.loadElements} elements, ${config.persistence.loadThreats} threats)`
		log(`export route: ${REPORT_FORMATS.map((format) => `${format} ${route.ms[format]?.map((ms) => ms.toFixed(0)).join('/') ?? '—'} ms`).join(', ')}`)
	}
	return { threats: count, modelMs, formatMs, totalMs, outputBytes, route }
}
