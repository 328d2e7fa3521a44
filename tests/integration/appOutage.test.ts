import type { TLPageId, TLRecord } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loadCanvas } from '@/lib/db/canvasRepo'
import { getDb } from '@/lib/db/client'
import { listDfdElements } from '@/lib/db/dfdElementsRepo'
import { getSessionDetails } from '@/lib/db/sessionDetailsRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import { extractElements } from '@/lib/dfd/extractElements'
import { legacyMitigationColumns, mitigationsOfThreat } from '@/lib/session/mitigationSummary'
import type { SessionEventId } from '@/lib/session/records/sessionEventRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureSessionEvent, fixtureThreat } from '@/fixtures/workshopRecords'
import { dfdShape } from '../support/canvasRecords'
import { type DatabaseApp, startDatabaseApp } from '../support/dbApp'
import { allAcknowledged, firstTurnWhen, writeRound } from '../support/faultRecords'
import { loaded, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import { SEED_PROCESS_ID } from '../support/roleActions'
import { recordsOfSnapshot } from '../support/savedRecords'
import type { TestClient } from '../support/syncClient'

// The app (Next.js, the only way to libSQL) goes away for 30 s in the middle of a session, with
// the real internal API, saveCanvas and projections over a real libSQL file. The room keeps
// working, retries its save with backoff, and once the app is back the database holds exactly
// what the room holds, with the append-only rows written once each.

const harness = usePartyHarness<DatabaseApp>({ app: startDatabaseApp })

const OUTAGE_MS = 30_000
const ROUND_EVERY_MS = 2_500
/** The room's longest retry delay (persistence.ts) and a save's own time. */
const BACK_IN_SYNC_WITHIN_MS = 60_000

/** Document records as a client holds them (what the room holds, once acknowledged). */
function documentRecords(client: TestClient): TLRecord[] {
	const documentTypes = new Set(
		Object.values(client.store.schema.types)
			.filter((type) => type.scope === 'document')
			.map((type) => type.typeName),
	)
	return client.store
		.allRecords()
		.filter((record) => documentTypes.has(record.typeName))
		.sort((a, b) => a.id.localeCompare(b.id))
}

function ofType<T extends TLRecord['typeName']>(records: readonly TLRecord[], typeName: T): Extract<TLRecord, { typeName: T }>[] {
	return records.filter((record): record is Extract<TLRecord, { typeName: T }> => record.typeName === typeName)
}

const withoutTypeName = ({ typeName: _, ...rest }: TLRecord) => rest
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))

async function installAudit(): Promise<void> {
	const db = await getDb()
	await db.run(sql.raw('CREATE TABLE test_audit (tbl TEXT NOT NULL, op TEXT NOT NULL, id TEXT NOT NULL)'))
	for (const table of ['decisions', 'session_events']) {
		for (const [op, row] of [
			['INSERT', 'NEW'],
			['UPDATE', 'NEW'],
			['DELETE', 'OLD'],
		] as const) {
			await db.run(
				sql.raw(`CREATE TRIGGER audit_${table}_${op} AFTER ${op} ON ${table} BEGIN INSERT INTO test_audit VALUES ('${table}', '${op}', ${row}.id); END`),
			)
		}
	}
}

async function audit(): Promise<{ tbl: string; op: string; id: string }[]> {
	const db = await getDb()
	return db.all<{ tbl: string; op: string; id: string }>(sql.raw('SELECT tbl, op, id FROM test_audit'))
}

describe('the app down for 30 s during a session', () => {
	it('keeps the room working, retries with backoff, and ends with libSQL holding exactly the room, nothing written twice', { timeout: 240_000 }, async () => {
		const { id, tokens } = await createSession({ name: 'Outage', description: '', framework: 'STRIDE' })
		const [participantId, productOwnerId] = await Promise.all([userIdFor('pat'), userIdFor('pol')])
		const facilitator = harness.connect(id, tokens.facilitator, 'Fay', 'fay')
		const participant = harness.connect(id, tokens.participant, 'Pat', 'pat')
		const productOwner = harness.connect(id, tokens.productOwner, 'Pol', 'pol')
		const clients = [facilitator, participant, productOwner]
		await loaded(...clients)
		const people = { facilitator, participant, productOwner, participantId, productOwnerId }

		// Before the outage: the element and two threats the rounds work on, saved.
		const page = 'page:page' as TLPageId
		facilitator.store.put([dfdShape('dfd-process', page, { name: 'Checkout' }, SEED_PROCESS_ID)])
		participant.store.put([fixtureThreat({ id: 'threat:own' as ThreatId, title: 'Replay', createdBy: participantId })])
		facilitator.store.put([fixtureThreat({ id: 'threat:others' as ThreatId, title: 'Tampering' })])
		await firstTurnWhen(() => allAcknowledged(clients) && facilitator.store.has('threat:own' as ThreatId), SYNC_TIMEOUT_MS, 'seeded')
		// Against the room's records as they are now: the change history it writes for the seed may reach the facilitator a moment after the seed's acknowledgement.
		await expect
			.poll(async () => isEqual(byId(recordsOfSnapshot((await loadCanvas(id))?.snapshot)), byId(documentRecords(facilitator))), { timeout: SYNC_TIMEOUT_MS })
			.toBe(true)
		const clockBeforeOutage = (await loadCanvas(id))?.clock
		await installAudit()

		// The app goes away. The room keeps taking writes from everyone, round after round, and the
		// facilitator ends and reopens the session meanwhile (two append-only session events).
		await harness.app.stop()
		const outageStartedAt = Date.now()
		let rounds = 0
		while (Date.now() - outageStartedAt < OUTAGE_MS - ROUND_EVERY_MS) {
			rounds++
			writeRound(people, rounds, 'outage')
			await firstTurnWhen(() => allAcknowledged(clients), SYNC_TIMEOUT_MS, `round ${rounds} acknowledged during the outage`)
			if (rounds === 6) {
				facilitator.store.put([fixtureSessionEvent({ id: 'session-event:end' as SessionEventId, action: 'end' })])
				await firstTurnWhen(() => allAcknowledged(clients), SYNC_TIMEOUT_MS, 'ended')
				facilitator.store.put([fixtureSessionEvent({ id: 'session-event:reopen' as SessionEventId, action: 'reopen', nextSessionDate: '' })])
				await firstTurnWhen(() => allAcknowledged(clients), SYNC_TIMEOUT_MS, 'reopened')
			}
			// Everyone sees everyone's writes while the app is away.
			await expect.poll(() => isEqual(documentRecords(participant), documentRecords(facilitator)), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
			await new Promise((resolve) => setTimeout(resolve, ROUND_EVERY_MS))
		}
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStartedAt))))
		const outageMs = Date.now() - outageStartedAt
		expect((await loadCanvas(id))?.clock).toBe(clockBeforeOutage)
		await harness.app.start()
		const appBackAt = Date.now()

		// Back: libSQL catches up with the room, exactly.
		const room = documentRecords(facilitator)
		await expect
			.poll(async () => isEqual(byId(recordsOfSnapshot((await loadCanvas(id))?.snapshot)), room), { timeout: BACK_IN_SYNC_WITHIN_MS, interval: 250 })
			.toBe(true)
		const caughtUpAfterMs = Date.now() - appBackAt
		const db = await getDb()
		const stored = (await getSessionDetails(id))?.records
		if (!stored) throw new Error('the session is gone')
		// The API's threats carry each threat's old single-mitigation columns, summarised from its mitigation records.
		const mitigations = ofType(room, 'mitigation')
		const expectedThreats = ofType(room, 'threat').map((threat) => ({
			...withoutTypeName(threat),
			...legacyMitigationColumns(mitigationsOfThreat(threat.id, mitigations)),
		}))
		expect(byId(stored.threats.map(({ elementHumanId: _, ...threat }) => threat))).toEqual(byId(expectedThreats))
		expect(byId(stored.votes)).toEqual(byId(ofType(room, 'vote').map(withoutTypeName)))
		expect(byId(stored.decisions)).toEqual(byId(ofType(room, 'decision').map(withoutTypeName)))
		expect(byId(stored.sessionEvents)).toEqual(byId(ofType(room, 'session-event').map(withoutTypeName)))
		const elements = (list: { shapeId: string }[]) => [...list].sort((a, b) => a.shapeId.localeCompare(b.shapeId))
		expect(elements(await listDfdElements(db, id))).toEqual(elements(extractElements({ documents: room.map((state) => ({ state })) })))

		// Append-only rows: each inserted exactly once, never updated or deleted.
		const rows = await audit()
		const decisionIds = ofType(room, 'decision')
			.map((decision) => decision.id)
			.sort()
		expect(
			rows
				.filter((row) => row.tbl === 'decisions')
				.map((row) => `${row.op} ${row.id}`)
				.sort(),
		).toEqual(decisionIds.map((id) => `INSERT ${id}`))
		expect(
			rows
				.filter((row) => row.tbl === 'session_events')
				.map((row) => `${row.op} ${row.id}`)
				.sort(),
		).toEqual(['INSERT session-event:end', 'INSERT session-event:reopen'])

		// The save log: one failure after another, each retry later than the last, capped at 10 s.
		await expect.poll(() => harness.partyOutput(), { timeout: SYNC_TIMEOUT_MS }).toMatch(/save failed \(5x\)/)
		const retries = [...harness.partyOutput().matchAll(/save failed \((\d+)x\), retrying in (\d+) ms/g)].map((match) => ({
			failures: Number(match[1]),
			retryInMs: Number(match[2]),
		}))
		expect(retries.map((retry) => retry.failures)).toEqual(retries.map((_, index) => index + 1))
		expect(retries.slice(0, 6).map((retry) => retry.retryInMs)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000])
		expect(retries.every((retry) => retry.retryInMs <= 10_000)).toBe(true)
		const saves = harness.app.requests.filter((request) => request.line.startsWith('PUT') && request.at >= appBackAt)
		expect(saves.every((request) => request.line === 'PUT /canvas 200')).toBe(true)

		console.info(
			`[faults] app outage: ${Math.round(outageMs / 1000)} s, ${rounds} rounds of writes from 3 clients (${room.length} records in the room), ` +
				`${retries.length} failed saves retried after ${retries.map((retry) => retry.retryInMs).join(', ')} ms; libSQL caught up ${caughtUpAfterMs} ms after the app was back ` +
				`with ${saves.length} save(s); ${rows.length} append-only rows inserted once each`,
		)
	})
})
