import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { loadSessionModel } from '@/lib/db/sessionModelRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { toJson } from '@/lib/reports/json'
import { toMarkdown } from '@/lib/reports/markdownReport'
import { ATTACK_TREES_COUNTER, attackTreeCounter } from '@/lib/session/authorizeWorkshopNotebook'
import { newAttackGoal, newAttackStep, newParkedQuestion, resolvedQuestion, savedNote } from '@/lib/session/notebookFactories'
import { newScopeItemRecord } from '@/lib/session/recordFactories'
import type { AttackNodeRecord } from '@/lib/session/records/attackNodeRecord'
import type { ParkedQuestionRecord } from '@/lib/session/records/parkedQuestionRecord'
import { workshopNoteIdFor } from '@/lib/session/records/workshopNoteRecord'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import { OTHERS_THREAT_ID, SEED_PROCESS_ID, seededCanvas } from '../support/roleActions'
import type { TestClient } from '../support/syncClient'

// Attack trees, the "What if…?" parking lot and Markdown notes through the real room: written by
// the roles that may, refused for the others with a reason, kept through a crash of the room, and
// read back from the app's database into every export.

const harness = usePartyHarness(FAST_SAVES)
useTemporaryDatabase()

const ofType = <T extends TLRecord>(client: TestClient, typeName: T['typeName']) =>
	client.store.allRecords().filter((record): record is T => record.typeName === typeName)

let n = 0
const newId = () => `it${++n}`

describe('the workshop notebook in the room', () => {
	it('lets each role write what it may, keeps it through a crash of the room, and exports it from the database', async () => {
		const session = harness.app.addSession('notebook', { 'tok-fac': 'facilitator', 'tok-part': 'participant', 'tok-obs': 'observer' })
		session.canvas = seededCanvas(await userIdFor('pat'))
		const fay = harness.connect('notebook', 'tok-fac', 'Fay', 'fay')
		const pat = harness.connect('notebook', 'tok-part', 'Pat', 'pat')
		const oli = harness.connect('notebook', 'tok-obs', 'Oli', 'oli')
		await loaded(fay, pat, oli)
		const fayPerson = { userId: await userIdFor('fay'), name: 'Fay', role: 'facilitator' as const }
		const patPerson = { userId: await userIdFor('pat'), name: 'Pat', role: 'participant' as const }

		// Pat builds a tree on T-002 and parks a question; Fay adds a step under Pat's goal.
		const goal = { ...newAttackGoal('Steal card data', OTHERS_THREAT_ID, newId), gate: 'and' as const }
		const phish = newAttackStep(goal, 'Phish an admin', 1, newId)
		pat.store.put([goal, phish, newParkedQuestion('What if the PSP is down?', SEED_PROCESS_ID, newId)])
		await expect.poll(() => ofType<AttackNodeRecord>(fay, 'attack-node').length, { timeout: SYNC_TIMEOUT_MS }).toBe(2)
		const faysStep = { ...newAttackStep(goal, 'Skim the checkout page', 2, newId), linkedThreatId: OTHERS_THREAT_ID }
		fay.store.put([faysStep])
		await expect.poll(() => ofType<AttackNodeRecord>(pat, 'attack-node').length, { timeout: SYNC_TIMEOUT_MS }).toBe(3)
		expect(pat.store.get(faysStep.id)).toMatchObject({ createdBy: fayPerson.userId, createdByName: 'Fay', ancestors: [goal.id] })

		// Pat may not rename Fay's step; Oli may not write at all.
		const stamped = pat.store.get(faysStep.id)
		if (!stamped) throw new Error('step not synced')
		pat.store.put([{ ...stamped, label: 'Mine now' }])
		oli.store.put([savedNote(undefined, null, { markdown: 'Watching', includeInReport: true }, { userId: 'oli', name: 'Oli', role: 'observer' }, Date.now())])
		await expect.poll(() => rejectionsOf(pat).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.attackNodeNotOwn])
		await expect.poll(() => rejectionsOf(oli).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.observer])
		await expect.poll(() => pat.store.get(faysStep.id)?.label, { timeout: SYNC_TIMEOUT_MS }).toBe('Skim the checkout page')

		// Pat writes the element's note; Fay resolves the question into an assumption in one push.
		pat.store.put([
			savedNote(undefined, SEED_PROCESS_ID, { markdown: '## Checkout\n\n```mermaid\ngraph TD\n  A --> B\n```', includeInReport: true }, patPerson, Date.now()),
		])
		await expect.poll(() => ofType<ParkedQuestionRecord>(fay, 'parked-question'), { timeout: SYNC_TIMEOUT_MS }).toHaveLength(1)
		const [question] = ofType<ParkedQuestionRecord>(fay, 'parked-question')
		if (!question) throw new Error('question not synced')
		expect(question).toMatchObject({ askedBy: patPerson.userId, askedByName: 'Pat', resolution: null })
		const assumption = newScopeItemRecord('assumption', {
			title: question.question,
			description: '',
			confidentiality: null,
			integrity: null,
			availability: null,
			inScope: true,
		})
		fay.store.put([assumption, resolvedQuestion(question, { resolution: 'assumption', resolvedTo: assumption.id, reason: '' }, fayPerson, Date.now())])
		await expect.poll(() => pat.store.get(question.id)?.resolution, { timeout: SYNC_TIMEOUT_MS }).toBe('assumption')
		await expect.poll(() => pat.store.get(assumption.id)?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('AS1')
		await expect.poll(() => fay.store.get(workshopNoteIdFor(SEED_PROCESS_ID))?.updatedByName, { timeout: SYNC_TIMEOUT_MS }).toBe('Pat')

		// Saved, then the room is killed and comes back with every notebook record.
		const notebook = (records: readonly TLRecord[]) =>
			records.filter((record) => ['attack-node', 'parked-question', 'workshop-note'].includes(record.typeName)).sort((a, b) => a.id.localeCompare(b.id))
		await expect.poll(() => notebook(lastSavedRecords(session)).length, { timeout: SYNC_TIMEOUT_MS }).toBe(5)
		await expect
			.poll(() => lastSavedRecords(session).find((record) => record.id === question.id), { timeout: SYNC_TIMEOUT_MS })
			.toMatchObject({ resolution: 'assumption' })
		const saved = notebook(lastSavedRecords(session))
		expect(session.saves.at(-1)?.humanIdCounters).toMatchObject({ [ATTACK_TREES_COUNTER]: 1, [attackTreeCounter(goal.id)]: 2, AS: 1 })
		for (const client of [fay, pat, oli]) client.close()
		await harness.crashAndRestart()
		const after = harness.connect('notebook', 'tok-fac', 'Fay', 'fay')
		await loaded(after)
		expect(notebook(after.store.allRecords())).toEqual(saved)

		// The app, started afresh on its database, exports the notebook from the stored snapshot.
		const canvas = session.saves.at(-1)
		if (!canvas) throw new Error('nothing saved')
		const { id } = await createSession({ name: 'Notebook', description: '', framework: 'STRIDE' })
		await saveCanvas(id, canvas)
		const model = await loadSessionModel(id)
		if (!model) throw new Error('no model')
		const json = JSON.parse(toJson(model))
		expect(json.attackTrees).toHaveLength(1)
		expect(json.attackTrees[0]).toMatchObject({ goal: 'Steal card data', threat: { humanId: 'T-002' } })
		expect(json.attackTrees[0].nodes.map((node: { label: string }) => node.label)).toEqual(['Steal card data', 'Phish an admin', 'Skim the checkout page'])
		expect(json.parkingLot).toMatchObject([
			{ question: 'What if the PSP is down?', status: 'assumption', elementHumanId: 'P1', resolvedTo: { kind: 'scopeItem', humanId: 'AS1' } },
		])
		expect(json.notes).toMatchObject([{ elementHumanId: 'P1', includeInReport: true, updatedByName: 'Pat' }])
		const markdown = toMarkdown(model)
		expect(markdown).toContain('```mermaid\ngraph TD\n  n0["Steal card data (AND)"]')
		expect(markdown).toContain('## Checkout\n\n```mermaid\ngraph TD\n  A --> B\n```')
	})
})
