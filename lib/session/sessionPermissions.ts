import type { Role } from '../roles'
import type { ThreatRecord } from './records/threatRecord'

// What the panel offers each role. The room enforces the same rules
// (authorizeSessionRecords.ts) whatever the panel shows; these only keep people from trying
// what would be refused.

/** Runs the agenda, the timer, the scope, the focus, n/a marks and the agreed ratings. */
export function canFacilitate(role: Role): boolean {
	return role === 'facilitator'
}

/** Adds threats and votes: everyone but observers. */
export function canContribute(role: Role): boolean {
	return role !== 'observer'
}

/** Authors edit (and delete, and undo the delete of) their own threats; the facilitator edits all. */
export function canEditThreat(role: Role, userId: string, threat: Pick<ThreatRecord, 'createdBy'>): boolean {
	if (!canContribute(role)) return false
	return canFacilitate(role) || threat.createdBy === userId
}

/** The facilitator and the product owner plan the work, so they edit, link and delete any mitigation; others their own. */
export function canEditMitigation(role: Role, userId: string, mitigation: { createdBy: string }): boolean {
	if (!canContribute(role)) return false
	return role === 'facilitator' || role === 'productOwner' || mitigation.createdBy === userId
}

/** The facilitator and the participants tag the model with key=value metadata; the product owner and observers read it. */
export function canEditMetadata(role: Role): boolean {
	return role === 'facilitator' || role === 'participant'
}
