import * as z from 'zod/mini'

/** Threat statuses as in OWASP Threat Modeling Interchange (TMI), in lifecycle order. */
export const THREAT_STATUSES = [
	'Open',
	'Confirmed',
	'Mitigation Planned',
	'Mitigation In Progress',
	'Verification Pending',
	'Resolved',
	'Accepted',
	'False Positive',
	'Deferred',
	'Closed',
] as const
export const threatStatusSchema = z.enum(THREAT_STATUSES)
export type ThreatStatus = z.infer<typeof threatStatusSchema>

/**
 * Statuses that need no further work. Deferred is deliberately not closed: it is a decision to
 * look again at a date, so it stays on the open list (and in the "unmitigated" report extraction).
 */
export const CLOSED_THREAT_STATUSES = ['Resolved', 'Accepted', 'False Positive', 'Closed'] as const satisfies readonly ThreatStatus[]

const CLOSED = new Set<ThreatStatus>(CLOSED_THREAT_STATUSES)

export function isClosedStatus(status: ThreatStatus): boolean {
	return CLOSED.has(status)
}

/** For threats entered with a severity instead of a likelihood × impact score. */
export const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Informational', 'Unknown'] as const
export const severitySchema = z.enum(SEVERITIES)
export type Severity = z.infer<typeof severitySchema>
