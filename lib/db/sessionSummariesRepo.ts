import { and, count, countDistinct, eq, inArray, isNull, notInArray } from 'drizzle-orm'
import { CLOSED_THREAT_STATUSES } from '@/lib/risk/threatStatus'
import { higherRole, type Role } from '@/lib/roles'
import { hashToken } from '@/lib/tokens'
import { getDb } from './client'
import { decisions, dfdElements, linkTokens, type SessionRow, sessions, threats } from './schema'

export interface SessionLink {
	id: string
	token: string
}

export interface SessionListEntry {
	session: SessionRow
	role: Role
	counts: { elements: number; threats: number; openThreats: number; decided: number }
}

/** `[{sessionId, n}]` as a lookup with 0 for sessions that have no row. */
function countsBy(rows: readonly { sessionId: string; n: number }[]): (sessionId: string) => number {
	const bySession = new Map(rows.map((row) => [row.sessionId, row.n]))
	return (sessionId) => bySession.get(sessionId) ?? 0
}

/**
 * The sessions these links open, each with the role its token grants and its counts, in the order
 * of the links. A link whose token is unknown, revoked or for another session is left out without
 * a word: a browser's list keeps stale links, and telling which are stale tells a guesser nothing
 * they could not learn from /join. A session listed twice keeps its strongest role.
 *
 * Counts are those of the last save: elements (DFD elements of every diagram), live threats, the
 * open ones among them (not Resolved, Accepted, False Positive or Closed), and those with a decision.
 */
export async function listSessionsForLinks(links: readonly SessionLink[]): Promise<SessionListEntry[]> {
	if (links.length === 0) return []
	const db = await getDb()
	const grants = await db
		.select({ tokenHash: linkTokens.tokenHash, sessionId: linkTokens.sessionId, role: linkTokens.role })
		.from(linkTokens)
		.where(
			and(
				inArray(
					linkTokens.tokenHash,
					links.map((link) => hashToken(link.token)),
				),
				isNull(linkTokens.revokedAt),
			),
		)
		.all()
	const grantOf = new Map(grants.map((grant) => [grant.tokenHash, grant]))
	const roles = new Map<string, Role>()
	for (const link of links) {
		const grant = grantOf.get(hashToken(link.token))
		if (grant?.sessionId !== link.id) continue
		const known = roles.get(link.id)
		roles.set(link.id, known ? higherRole(known, grant.role) : grant.role)
	}
	const ids = [...roles.keys()]
	if (ids.length === 0) return []

	const liveThreats = and(inArray(threats.sessionId, ids), eq(threats.isDeleted, false))
	const [rows, elementCounts, threatCounts, openCounts, decidedCounts] = await Promise.all([
		db.select().from(sessions).where(inArray(sessions.id, ids)).all(),
		db
			.select({ sessionId: dfdElements.sessionId, n: count() })
			.from(dfdElements)
			.where(inArray(dfdElements.sessionId, ids))
			.groupBy(dfdElements.sessionId)
			.all(),
		db.select({ sessionId: threats.sessionId, n: count() }).from(threats).where(liveThreats).groupBy(threats.sessionId).all(),
		db
			.select({ sessionId: threats.sessionId, n: count() })
			.from(threats)
			.where(and(liveThreats, notInArray(threats.status, [...CLOSED_THREAT_STATUSES])))
			.groupBy(threats.sessionId)
			.all(),
		db
			.select({ sessionId: threats.sessionId, n: countDistinct(threats.id) })
			.from(threats)
			.innerJoin(decisions, and(eq(decisions.sessionId, threats.sessionId), eq(decisions.threatId, threats.id)))
			.where(liveThreats)
			.groupBy(threats.sessionId)
			.all(),
	])
	const byId = new Map(rows.map((row) => [row.id, row]))
	const elements = countsBy(elementCounts)
	const live = countsBy(threatCounts)
	const open = countsBy(openCounts)
	const decided = countsBy(decidedCounts)
	return ids.flatMap((id) => {
		const session = byId.get(id)
		const role = roles.get(id)
		if (!session || !role) return []
		return [{ session, role, counts: { elements: elements(id), threats: live(id), openThreats: open(id), decided: decided(id) } }]
	})
}
