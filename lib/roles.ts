import * as z from 'zod/mini'
import { ROLES, type Role } from './sessionEnums'

// The list itself lives in sessionEnums.ts (the DB schema's CHECK uses it); this module adds what
// the app, the party and the browser decide from a role.
export { ROLES, type Role }

export const roleSchema = z.enum(ROLES)

/** Observers watch; every other role may draw. The party turns this into `isReadonly`. */
export function canEditCanvas(role: Role): boolean {
	return role !== 'observer'
}

// Higher is more: when one person is connected twice (two tabs, two links), they show once, with
// the strongest role they hold.
const ROLE_RANK: Record<Role, number> = { observer: 0, participant: 1, productOwner: 2, facilitator: 3 }

export function higherRole(a: Role, b: Role): Role {
	return ROLE_RANK[b] > ROLE_RANK[a] ? b : a
}
