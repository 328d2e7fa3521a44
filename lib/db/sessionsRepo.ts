import { eq } from 'drizzle-orm'
import { nanoid } from 'nanoid'
import type { CreateSessionBody } from '@/lib/api/sessionSchemas'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { ROLES, type Role } from '@/lib/sessionEnums'
import { generateToken, hashToken } from '@/lib/tokens'
import { getDb } from './client'
import { listDfdElements } from './dfdElementsRepo'
import { linkTokens, type SessionRow, sessions } from './schema'

/** 12 nanoid characters = 72 bits: the id is in every link but grants nothing by itself. */
const SESSION_ID_LENGTH = 12

export interface CreatedSession {
	id: string
	/** Plaintext link tokens, one per role. Only their hashes are stored: this is the only chance to read them. */
	tokens: Record<Role, string>
}

export async function createSession(input: CreateSessionBody, now: number = Date.now()): Promise<CreatedSession> {
	const db = await getDb()
	const id = nanoid(SESSION_ID_LENGTH)
	const tokens: Record<Role, string> = {
		facilitator: generateToken(),
		participant: generateToken(),
		productOwner: generateToken(),
		observer: generateToken(),
	}
	await db.batch([
		db.insert(sessions).values({
			id,
			name: input.name,
			description: input.description,
			framework: input.framework,
			projectPrefix: input.projectPrefix ?? null,
			status: 'active',
			createdAt: now,
			updatedAt: now,
		}),
		db.insert(linkTokens).values(ROLES.map((role) => ({ tokenHash: hashToken(tokens[role]), sessionId: id, role, createdAt: now }))),
	])
	return { id, tokens }
}

/** Sets or clears the project prefix; the session as it now is, or null for an unknown one. */
export async function setProjectPrefix(id: string, projectPrefix: string | null, now: number = Date.now()): Promise<SessionRow | null> {
	const db = await getDb()
	const [updated] = await db.update(sessions).set({ projectPrefix, updatedAt: now }).where(eq(sessions.id, id)).returning()
	return updated ?? null
}

export async function findSession(id: string): Promise<SessionRow | null> {
	const db = await getDb()
	const row = await db.select().from(sessions).where(eq(sessions.id, id)).get()
	return row ?? null
}

export async function getSessionWithElements(id: string): Promise<{ session: SessionRow; elements: DfdElement[] } | null> {
	const session = await findSession(id)
	if (!session) return null
	const db = await getDb()
	return { session, elements: await listDfdElements(db, id) }
}
