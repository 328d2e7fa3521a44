import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { loadSessionModel } from './sessionModelRepo'
import { findSession } from './sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'

// A database written by the release before migration 0003 (project prefixes, session numbers):
// migrated on the app's first start, its sessions load and export as before, with no prefix.

const database = useTemporaryDatabase()
const journalSchema = z.object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() }).loose()) }).loose()

/** The migrations folder as the release before 0003 shipped it. */
function migrationsBefore0003(into: string): string {
	const folder = path.join(into, 'drizzle')
	mkdirSync(path.join(folder, 'meta'), { recursive: true })
	const journal = journalSchema.parse(JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')))
	const entries = journal.entries.filter((entry) => entry.idx < 3)
	for (const entry of entries) copyFileSync(`drizzle/${entry.tag}.sql`, path.join(folder, `${entry.tag}.sql`))
	writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
	return folder
}

let scratch = ''

beforeAll(async () => {
	scratch = mkdtempSync(path.join(tmpdir(), 'threatroom-0002-'))
	const client = createClient({ url: database.url() })
	await migrate(drizzle(client), { migrationsFolder: migrationsBefore0003(scratch) })
	// A session and its saved (empty) canvas, as that release wrote them.
	await client.execute(
		"INSERT INTO sessions (id, name, description, framework, status, created_at, updated_at, next_session_date) VALUES ('old-session', 'Payments', '', 'STRIDE', 'active', 1, 1, '')",
	)
	const threat = fixtureThreat({ id: 'threat:t1' as ThreatId, humanId: 'T-001', createdAt: 1 })
	await client.execute({
		sql: "INSERT INTO canvas_documents (session_id, snapshot, clock, human_id_counters, saved_at) VALUES ('old-session', ?, 1, '{\"T\":1}', 1)",
		args: [JSON.stringify(roomSnapshotOf([threat], 1))],
	})
	client.close()
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('migration 0003 on a database of the release before', () => {
	it('keeps its sessions, with no project prefix and as the first of their chain', async () => {
		expect(await findSession('old-session')).toMatchObject({ name: 'Payments', projectPrefix: null, sessionNumber: 1 })
	})

	it('exports them as before: threat IDs uncomposed, not reviewed, no metadata', async () => {
		const model = await loadSessionModel('old-session', 2)
		expect(model?.session).toMatchObject({ id: 'old-session', projectPrefix: null, sessionNumber: 1, review: { status: 'notStarted' } })
		expect(model?.threats.map((threat) => threat.humanId)).toEqual(['T-001'])
		expect(model?.metadata).toEqual([])
	})
})
