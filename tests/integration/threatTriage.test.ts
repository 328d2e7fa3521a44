import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { loadSessionModel } from '@/lib/db/sessionModelRepo'
import { getSessionDetails } from '@/lib/db/sessionDetailsRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { toCsv } from '@/lib/reports/csv'
import { toJson } from '@/lib/reports/json'
import { toMarkdown } from '@/lib/reports/markdownReport'
import { exportThreatDragon } from '@/lib/threatDragon'
import { newScopeItemRecord } from '@/lib/session/recordFactories'
import type { ThreatId, ThreatRecord } from '@/lib/session/records/threatRecord'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import { seededCanvas } from '../support/roleActions'

// A model-level "Other" threat with its triage and its links to the scope, through the real
// room: written by a participant, refused to those who may not change it, kept when the asset it
// names is deleted, kept through a crash of the room, and read back from the app's database into
// the exports.

const harness = usePartyHarness(FAST_SAVES)
useTemporaryDatabase()

const INSIDER = 'threat:insider' as ThreatId
const VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N'

const threatIn = (records: readonly TLRecord[], id: string) =>
	records.find((record): record is ThreatRecord => record.typeName === 'threat' && record.id === id)

let n = 0
const newId = () => `triage${++n}`

describe('model-level threats, their triage and scope links in the room', () => {
	it('are written by a participant, guarded by the room, survive a deleted asset and reach every export', async () => {
		const session = harness.app.addSession('triage', {
			'tok-fac': 'facilitator',
			'tok-part': 'participant',
			'tok-other': 'participant',
			'tok-po': 'productOwner',
			'tok-obs': 'observer',
		})
		session.canvas = seededCanvas(await userIdFor('pat'))
		const fay = harness.connect('triage', 'tok-fac', 'Fay', 'fay')
		const pat = harness.connect('triage', 'tok-part', 'Pat', 'pat')
		const dana = harness.connect('triage', 'tok-other', 'Dana', 'dana')
		const paula = harness.connect('triage', 'tok-po', 'Paula', 'paula')
		const oli = harness.connect('triage', 'tok-obs', 'Oli', 'oli')
		await loaded(fay, pat, dana, paula, oli)

		// The facilitator writes the scope: an asset, a second asset, a threat agent.
		const cia = { confidentiality: 'high', integrity: 'high', availability: 'low' } as const
		const customers = newScopeItemRecord('asset', { title: 'Customer list', description: '', ...cia, inScope: true }, newId)
		const prices = newScopeItemRecord('asset', { title: 'Price list', description: '', ...cia, inScope: true }, newId)
		const insider = newScopeItemRecord(
			'threatAgent',
			{ title: 'Disgruntled insider', description: '', confidentiality: null, integrity: null, availability: null, inScope: true },
			newId,
		)
		fay.store.put([customers, prices, insider])
		await expect.poll(() => pat.store.get(insider.id)?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('TA1')

		// Pat adds a model-level "Other" threat naming two assets and the agent, with a severity and a CVSS vector.
		pat.store.put([
			fixtureThreat({
				id: INSIDER,
				shapeId: null,
				categories: ['other'],
				title: 'Insider sells the customer list',
				severity: 'High',
				cvssVector: VECTOR,
				assetIds: [customers.id, prices.id],
				agentIds: [insider.id],
			}),
		])
		await expect.poll(() => threatIn(fay.store.allRecords(), INSIDER)?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('T-003')
		expect(threatIn(fay.store.allRecords(), INSIDER)).toMatchObject({
			shapeId: null,
			categories: ['other'],
			severity: 'High',
			cvssVector: VECTOR,
			priority: null,
			includeInReport: true,
			createdByName: 'Pat',
		})

		// Dana and the product owner may not re-triage Pat's threat; the observer may not add one.
		const seen = threatIn(dana.store.allRecords(), INSIDER)
		if (!seen) throw new Error('everyone sees the threat')
		dana.store.put([{ ...seen, severity: 'Low' }])
		paula.store.put([{ ...seen, includeInReport: false }])
		oli.store.put([fixtureThreat({ id: 'threat:watcher' as ThreatId, shapeId: null, categories: ['other'] })])
		await expect.poll(() => rejectionsOf(dana).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.threatNotOwn])
		await expect.poll(() => rejectionsOf(paula).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.threatNotOwn])
		await expect.poll(() => rejectionsOf(oli).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.observer])
		expect(threatIn(pat.store.allRecords(), 'threat:watcher')).toBeUndefined()

		// The facilitator sets its priority by hand; then deletes one of the assets it names.
		const current = threatIn(fay.store.allRecords(), INSIDER)
		if (!current) throw new Error('the facilitator sees the threat')
		fay.store.put([{ ...current, priority: 'P0' }])
		fay.store.remove([prices.id])
		await expect.poll(() => threatIn(pat.store.allRecords(), INSIDER)?.priority, { timeout: SYNC_TIMEOUT_MS }).toBe('P0')
		await expect.poll(() => pat.store.get(prices.id), { timeout: SYNC_TIMEOUT_MS }).toBeUndefined()
		expect(threatIn(pat.store.allRecords(), INSIDER)?.assetIds).toEqual([customers.id, prices.id])
		expect(threatIn(pat.store.allRecords(), INSIDER)?.severity).toBe('High')

		await expect.poll(() => threatIn(lastSavedRecords(session), INSIDER)?.priority, { timeout: SYNC_TIMEOUT_MS }).toBe('P0')
		await expect.poll(() => lastSavedRecords(session).some((record) => record.id === prices.id), { timeout: SYNC_TIMEOUT_MS }).toBe(false)

		// The room is killed: it comes back with the triage as it was, and still guards it.
		for (const client of [fay, pat, dana, paula, oli]) client.close()
		await harness.crashAndRestart()
		const patAgain = harness.connect('triage', 'tok-part', 'Pat', 'pat')
		const danaAgain = harness.connect('triage', 'tok-other', 'Dana', 'dana')
		await loaded(patAgain, danaAgain)
		const revived = threatIn(patAgain.store.allRecords(), INSIDER)
		expect(revived).toMatchObject({
			shapeId: null,
			categories: ['other'],
			severity: 'High',
			cvssVector: VECTOR,
			priority: 'P0',
			includeInReport: true,
			assetIds: [customers.id, prices.id],
			agentIds: [insider.id],
		})
		if (!revived) throw new Error('the threat survived the crash')
		danaAgain.store.put([{ ...revived, severity: 'Low' }])
		await expect.poll(() => rejectionsOf(danaAgain).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.threatNotOwn])
		patAgain.close()
		danaAgain.close()

		// The app, started afresh on its database, exports it from the stored snapshot.
		const canvas = session.saves.at(-1)
		if (!canvas) throw new Error('nothing saved')
		const { id } = await createSession({ name: 'Triage', description: '', framework: 'STRIDE' })
		await saveCanvas(id, canvas)
		const model = await loadSessionModel(id)
		if (!model) throw new Error('no model')
		const json = JSON.parse(toJson(model)) as { threats: { humanId: string }[] }
		expect(json.threats.find((threat) => threat.humanId === 'T-003')).toMatchObject({
			elementShapeId: null,
			categories: ['other'],
			severity: 'High',
			cvss: { vector: VECTOR, baseScore: 8.1, severity: 'High' },
			priority: 'P0',
			includeInReport: true,
			assetHumanIds: ['A1'],
			agentHumanIds: ['TA1'],
		})
		const markdown = toMarkdown(model)
		expect(markdown).toMatch(
			/\| T-003 \| Whole model \| \*\*Insider sells the customer list\*\* \|.*\| Other \|.*\| High \| 8\.1 \(CVSS:3\.1\/AV:N\/AC:L\/PR:L\/UI:N\/S:U\/C:H\/I:H\/A:N\) \| P0 \(set\) \| A1 Customer list \| TA1 Disgruntled insider \|/,
		)
		expect(toCsv(model)).toContain('Whole model')
		const tdThreats = exportThreatDragon(model).detail.diagrams.flatMap((diagram) => diagram.cells.flatMap((cell) => cell.data.threats ?? []))
		expect(tdThreats.map((threat) => threat.title)).not.toContain('Insider sells the customer list')
		// GET /api/sessions/:id has it too, on no element, with its triage.
		const stored = (await getSessionDetails(id))?.records
		expect(stored?.threats.find((threat) => threat.id === INSIDER)).toMatchObject({ shapeId: null, elementHumanId: null, humanId: 'T-003', severity: 'High' })
	})
})
