import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { SaveCanvasBody } from '@/lib/api/internalSchemas'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { ROLES } from '@/lib/sessionEnums'
import { hashToken } from '@/lib/tokens'
import { loadCanvas, saveCanvas } from './canvasRepo'
import { getDb, localFilePath } from './client'
import { lookupToken, resolveToken } from './linkTokensRepo'
import { dfdElements, linkTokens, sessions } from './schema'
import { createSession, findSession, getSessionWithElements } from './sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'

const database = useTemporaryDatabase()

function element(overrides: Partial<DfdElement> = {}): DfdElement {
	return {
		shapeId: 'shape:checkout',
		humanId: 'P1',
		kind: 'process',
		name: 'Checkout',
		description: 'Takes the order',
		outOfScope: false,
		reasonOutOfScope: '',
		properties: { technology: 'node', replicas: 2, authenticated: true, owner: null },
		pageId: 'page:main',
		sourceShapeId: null,
		targetShapeId: null,
		...overrides,
	}
}

function canvas(clock: number, elements: DfdElement[]): SaveCanvasBody {
	return { snapshot: { documents: [{ clock }], schema: { schemaVersion: 2 } }, clock, humanIdCounters: { P: 1, EE: 1, DF: 1 }, elements }
}

describe('persistence in a real libSQL file', () => {
	it('creates the database file and runs the migrations on first use', async () => {
		const db = await getDb()
		const tables = await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table'`)
		expect(tables.map((row) => row.name)).toEqual(
			expect.arrayContaining(['canvas_documents', 'decisions', 'dfd_elements', 'link_tokens', 'session_events', 'sessions']),
		)
		expect(await db.get<{ journal_mode: string }>(sql`PRAGMA journal_mode`)).toEqual({ journal_mode: 'wal' })
		expect(localFilePath(database.url())).toMatch(/threatroom\.db$/)
	})

	it('creates a session with one token per role and stores only their hashes', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: 'Q3 review', framework: 'LINDDUN' })
		expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/)
		expect(await findSession(id)).toMatchObject({ id, name: 'Payments', framework: 'LINDDUN', status: 'active' })

		const db = await getDb()
		const stored = await db.select().from(linkTokens).where(eq(linkTokens.sessionId, id)).all()
		expect(stored.map((row) => row.role).sort()).toEqual([...ROLES].sort())
		for (const role of ROLES) {
			expect(stored.map((row) => row.tokenHash)).toContain(hashToken(tokens[role]))
			expect(stored.map((row) => row.tokenHash)).not.toContain(tokens[role])
		}
	})

	it('resolves each role from its own token and nothing from a wrong, foreign or revoked one', async () => {
		const first = await createSession({ name: 'A', description: '', framework: 'STRIDE' })
		const second = await createSession({ name: 'B', description: '', framework: 'STRIDE' })
		for (const role of ROLES) expect(await resolveToken(first.id, first.tokens[role])).toBe(role)

		expect(await resolveToken(first.id, 'not-a-token')).toBeNull()
		expect(await resolveToken(first.id, '')).toBeNull()
		expect(await resolveToken(first.id, second.tokens.facilitator)).toBeNull()
		expect(await lookupToken(second.tokens.observer)).toEqual({ sessionId: second.id, role: 'observer' })

		const db = await getDb()
		await db
			.update(linkTokens)
			.set({ revokedAt: Date.now() })
			.where(eq(linkTokens.tokenHash, hashToken(first.tokens.participant)))
		expect(await resolveToken(first.id, first.tokens.participant)).toBeNull()
	})

	it('loads nothing for a canvas never saved', async () => {
		const { id } = await createSession({ name: 'Empty', description: '', framework: 'CIA' })
		expect(await loadCanvas(id)).toBeNull()
		expect((await getSessionWithElements(id))?.elements).toEqual([])
	})

	it('saves a canvas with its elements and loads the same thing back', async () => {
		const { id } = await createSession({ name: 'Round trip', description: '', framework: 'STRIDE' })
		const flow = element({ shapeId: 'shape:flow', humanId: 'DF1', kind: 'flow', name: 'order', sourceShapeId: 'shape:user', targetShapeId: 'shape:checkout' })
		const user = element({
			shapeId: 'shape:user',
			humanId: 'EE1',
			kind: 'entity',
			name: 'User',
			outOfScope: true,
			reasonOutOfScope: 'third party',
			properties: {},
		})
		const body = canvas(5, [element(), flow, user])

		expect(await saveCanvas(id, body)).toEqual({ saved: true, clock: 5 })
		expect(await loadCanvas(id)).toEqual({ snapshot: body.snapshot, clock: 5, humanIdCounters: body.humanIdCounters })
		const found = await getSessionWithElements(id)
		expect(found?.session.id).toBe(id)
		expect(found?.elements).toHaveLength(3)
		expect(found?.elements).toEqual(expect.arrayContaining([element(), flow, user]))
	})

	it('ignores and reports a save older than the stored clock, and saves an equal clock again', async () => {
		const { id } = await createSession({ name: 'Clock', description: '', framework: 'STRIDE' })
		await saveCanvas(id, canvas(10, [element()]))

		expect(await saveCanvas(id, canvas(9, [element({ name: 'stale' })]))).toEqual({ saved: false, clock: 10 })
		expect((await loadCanvas(id))?.clock).toBe(10)
		expect((await getSessionWithElements(id))?.elements.map((e) => e.name)).toEqual(['Checkout'])

		expect(await saveCanvas(id, canvas(10, [element({ name: 'retried' })]))).toEqual({ saved: true, clock: 10 })
		expect((await getSessionWithElements(id))?.elements.map((e) => e.name)).toEqual(['retried'])
	})

	it('replaces the elements with those of the newer save, dropping deleted ones', async () => {
		const { id } = await createSession({ name: 'Replace', description: '', framework: 'STRIDE' })
		await saveCanvas(id, canvas(1, [element(), element({ shapeId: 'shape:db', humanId: 'DS1', kind: 'store' })]))
		await saveCanvas(id, canvas(2, [element({ shapeId: 'shape:db', humanId: 'DS1', kind: 'store', name: 'Orders DB' })]))

		const elements = (await getSessionWithElements(id))?.elements
		expect(elements).toEqual([element({ shapeId: 'shape:db', humanId: 'DS1', kind: 'store', name: 'Orders DB' })])
	})

	it('keeps the elements of different sessions apart', async () => {
		const first = await createSession({ name: 'One', description: '', framework: 'STRIDE' })
		const second = await createSession({ name: 'Two', description: '', framework: 'STRIDE' })
		await saveCanvas(first.id, canvas(1, [element()]))
		await saveCanvas(second.id, canvas(1, [element({ name: 'Other' })]))
		expect((await getSessionWithElements(first.id))?.elements.map((e) => e.name)).toEqual(['Checkout'])
	})

	it('saves a large canvas in chunks', async () => {
		const { id } = await createSession({ name: 'Large', description: '', framework: 'STRIDE' })
		const many = Array.from({ length: 1_200 }, (_, i) => element({ shapeId: `shape:${i}`, humanId: `P${i + 1}` }))
		expect(await saveCanvas(id, canvas(1, many))).toEqual({ saved: true, clock: 1 })
		expect((await getSessionWithElements(id))?.elements).toHaveLength(1_200)
	})

	it('refuses to save the canvas of a session that does not exist', async () => {
		await expect(saveCanvas('no-such-session', canvas(1, []))).rejects.toMatchObject({ status: 404 })
	})

	it('deletes tokens, canvas and elements with their session', async () => {
		const { id, tokens } = await createSession({ name: 'Gone', description: '', framework: 'STRIDE' })
		await saveCanvas(id, canvas(1, [element()]))
		const db = await getDb()
		await db.delete(sessions).where(eq(sessions.id, id))
		expect(await lookupToken(tokens.facilitator)).toBeNull()
		expect(await loadCanvas(id)).toBeNull()
		expect(await db.select().from(dfdElements).where(eq(dfdElements.sessionId, id)).all()).toEqual([])
	})
})
