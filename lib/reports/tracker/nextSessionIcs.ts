import { residualRiskOf } from '../residualRisk'
import type { SessionModel } from '../sessionModel'
import { byRiskDescending } from '../threatFacts'
import { threatPriority } from './threatPriority'

// "Next session" as an iCalendar file (RFC 5545): one all-day event with the topics to cover.

const CRLF = '\r\n'
const LINE_OCTETS_MAX = 75
const DEFAULT_MONTHS_AHEAD = 3

/** Text values escape backslash, semicolon, comma and newline (RFC 5545 §3.3.11). */
export function escapeIcsText(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/**
 * Lines longer than 75 octets are folded: CRLF then a space, never inside a UTF-8 character
 * (§3.1). A continuation line's leading space counts towards its 75.
 */
export function foldIcsLine(line: string): string {
	const parts: string[] = []
	let start = 0
	let octets = 0
	for (let i = 0; i < line.length; ) {
		const codePoint = line.codePointAt(i) ?? 0
		const units = codePoint > 0xffff ? 2 : 1
		const size = utf8Octets(codePoint)
		const limit = parts.length === 0 ? LINE_OCTETS_MAX : LINE_OCTETS_MAX - 1
		if (octets + size > limit) {
			parts.push(line.slice(start, i))
			start = i
			octets = 0
		}
		octets += size
		i += units
	}
	parts.push(line.slice(start))
	return parts.join(`${CRLF} `)
}

/** A code point's length in UTF-8, counted rather than encoded: a long description folds in one pass. */
function utf8Octets(codePoint: number): number {
	if (codePoint < 0x80) return 1
	if (codePoint < 0x800) return 2
	return codePoint < 0x10000 ? 3 : 4
}

/** YYYY-MM-DD plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
	const [year, month, date] = day.split('-').map(Number)
	if (year === undefined || month === undefined || date === undefined) throw new RangeError(`Expected YYYY-MM-DD, got ${day}`)
	const target = new Date(Date.UTC(year, month - 1 + months, 1))
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
	target.setUTCDate(Math.min(date, lastDay))
	return target.toISOString().slice(0, 10)
}

/** The next session's day: the one the facilitator set, else three months after the session (its end, else its start). */
export function nextSessionDay(model: Pick<SessionModel, 'session'>): string {
	const { session } = model
	return session.nextSessionDate ?? addMonths((session.endedAt ?? session.createdAt).slice(0, 10), DEFAULT_MONTHS_AHEAD)
}

/** What the follow-up should cover: open threats by risk, deferred decisions due by then. */
function nextSessionTopics(model: SessionModel, day: string): string[] {
	const open = model.threats
		.filter((threat) => residualRiskOf(threat)?.kind === 'open')
		.sort(byRiskDescending)
		.map((threat) => `${threat.humanId} [${threatPriority(threat)}] ${threat.title}`)
	const deferred = model.threats
		.filter((threat) => threat.decision?.kind === 'defer' && (threat.decision.deferUntil === null || threat.decision.deferUntil <= day))
		.sort(byRiskDescending)
		.map((threat) => `${threat.humanId} ${threat.title} (deferred until ${threat.decision?.deferUntil ?? 'no date'})`)
	const mitigations = model.mitigations
		.filter((mitigation) => mitigation.status === 'planned' || mitigation.status === 'inProgress')
		.map((mitigation) => `${mitigation.humanId} ${mitigation.title} (${mitigation.dueDate ? `due ${mitigation.dueDate}` : 'no due date'})`)
	const section = (title: string, items: string[]) => (items.length === 0 ? [] : [`${title}:`, ...items.map((item) => `- ${item}`), ''])
	return [
		...section('Open threats', open),
		...section('Deferred decisions coming due', deferred),
		...section('Mitigations still in progress', mitigations),
		'Also: changes to the system since this session, and any open parking-lot or attack-tree items.',
	]
}

const basicDate = (day: string) => day.replace(/-/g, '')
const basicInstant = (instant: string) => `${instant.slice(0, 19).replace(/[-:]/g, '')}Z`

/** The calendar file; the same model gives the same bytes (UID from the session, DTSTAMP from the export time). */
export function toNextSessionIcs(model: SessionModel): string {
	const day = nextSessionDay(model)
	const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
	const name = model.session.name || 'Untitled session'
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Threatroom//Next session//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:next-session-${model.session.id}@threatroom`,
		`DTSTAMP:${basicInstant(model.exportedAt)}`,
		`DTSTART;VALUE=DATE:${basicDate(day)}`,
		`DTEND;VALUE=DATE:${basicDate(nextDay)}`,
		`SUMMARY:${escapeIcsText(`Threat model follow-up: ${name}`)}`,
		`DESCRIPTION:${escapeIcsText(nextSessionTopics(model, day).join('\n'))}`,
		'TRANSP:TRANSPARENT',
		'END:VEVENT',
		'END:VCALENDAR',
	]
	return `${lines.map(foldIcsLine).join(CRLF)}${CRLF}`
}
