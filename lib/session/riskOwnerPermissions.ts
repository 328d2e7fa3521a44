import type { Role } from '../roles'

// What the panel offers those who own the session's risks. The room enforces the same decision rule
// (authorizeSessionRecords.ts): the product owner decides; the facilitator records decisions only on
// a named person's behalf. The export API checks the same roles.

export function canDecide(role: Role): boolean {
	return role === 'productOwner' || role === 'facilitator'
}

/** The facilitator speaks for someone else, so their decisions name that person. */
export function decidesOnBehalf(role: Role): boolean {
	return role === 'facilitator'
}

/** Reports carry every threat and decision: for those who run the session and own its risks. */
export function canExport(role: Role): boolean {
	return role === 'facilitator' || role === 'productOwner'
}
