import fs from 'node:fs'
import { median } from '../stats'
import { num } from './figures'
import { provenanceNote } from './section'
import { type SoakResults, soakResultsSchema, type WriteAheadReport } from './soakSchema'

// docs/security.md's paragraph on the soak (`npm run soak`), from its raw results. Pure but for
// readSoakResults.

export function readSoakResults(file: string): SoakResults {
	const parsed = soakResultsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
	if (!parsed.success) throw new Error(`${file} does not match the soak results schema (bench/report/soakSchema.ts):\n${parsed.error.message}`)
	return parsed.data
}

const WRITE_AHEAD =
	/write-ahead: (\d+) writes of \d+ records \(p50 ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms\); messages: \d+ sent at once, \d+ held for a write \((?:p50 ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms|none)\)/

/** The room's write-ahead report lines (party/durability.ts) among the party's output, parsed. */
export function parseWriteAheadReports(partyOutput: string): WriteAheadReport[] {
	return partyOutput.split('\n').flatMap((line) => {
		const match = WRITE_AHEAD.exec(line)
		if (!match) return []
		const held = (index: number) => (match[index] === undefined ? null : Number(match[index]))
		return [
			{
				writes: Number(match[1]),
				p50Ms: Number(match[2]),
				p95Ms: Number(match[3]),
				maxMs: Number(match[4]),
				heldP50Ms: held(5),
				heldP95Ms: held(6),
				heldMaxMs: held(7),
			},
		]
	})
}

const known = (values: readonly (number | null)[]) => values.filter((value): value is number => value !== null && Number.isFinite(value))
const ms = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '—' : `${num(value, digits)} ms`)
const mb = (value: number | null | undefined) => (value === null || value === undefined ? '?' : num(value))

function writeAheadText(results: SoakResults): string | null {
	const reports = results.writeAhead
	if (reports.length > 0) {
		const of = (pick: (report: WriteAheadReport) => number | null) => median(known(reports.map(pick)))
		return `≈ ${num(of((report) => report.writes))} write-ahead writes per minute, p50 ${num(of((report) => report.p50Ms))} ms, p95 ${num(of((report) => report.p95Ms))} ms, max ${num(Math.max(...reports.map((report) => report.maxMs)))} ms; messages held for them p50 ${num(of((report) => report.heldP50Ms))} ms, p95 ${num(of((report) => report.heldP95Ms))} ms (medians over its ${reports.length} reports)`
	}
	const recorded = results.recorded?.writeAhead
	if (!recorded) return null
	return `≈ ${num(recorded.writesPerMinute)} write-ahead writes per minute, p50 ${num(recorded.p50Ms)} ms, p95 ${num(recorded.p95Ms)} ms, max ${num(recorded.maxMs)} ms; messages held for them p50 ${num(recorded.heldP50Ms)} ms, p95 ${num(recorded.heldP95Ms)} ms`
}

export function renderSoak(results: SoakResults): string {
	const first = results.perMinute[0]
	const last = results.perMinute.at(-1)
	const others = results.clients - 1
	const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? '—' : `×${(a / b).toFixed(2)}`)
	const maxes = known(results.perMinute.map((minute) => minute.maxMs))
	const maxOver = maxes.length === results.perMinute.length ? Math.max(...maxes) : results.recorded?.maxMsOverMinutes
	const delivered = results.missing === 0 ? `every one delivered to all ${others} others` : `${results.missing} not delivered to all ${others} others in time`
	const writeAhead = writeAheadText(results)
	return [
		provenanceNote(results.provenance),
		'',
		`${results.clients} clients, ${num(results.minutes)} minutes: **${results.edits.toLocaleString('en')} edits, ${delivered}**; propagation p50 ${ms(first?.p50Ms)} → ${ms(last?.p50Ms)}, p95 ${ms(first?.p95Ms)} → ${ms(last?.p95Ms)} (**${ratio(last?.p95Ms, first?.p95Ms)}**, first minute → last)${maxOver === undefined ? '' : `, max ≤ ${num(maxOver)} ms in every minute`}; workerd ${mb(first?.workerdMb)} → ${mb(last?.workerdMb)} MB (**${ratio(last?.workerdMb, first?.workerdMb)}**), by minute: ${results.perMinute.map((minute) => mb(minute.workerdMb)).join(', ')} MB; the party's process tree ${mb(first?.treeMb)} → ${mb(last?.treeMb)} MB (partykit's CLI hands memory back after start-up, which is why the criterion reads workerd alone); ${results.connectedAtEnd}/${results.clients} clients connected at the end, ${results.drops} drops, ${results.syncErrors} sync errors${writeAhead ? `; the room's own log, once a minute: ${writeAhead}` : ''}.`,
	].join('\n')
}
