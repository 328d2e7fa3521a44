import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { importSessionResponse } from '@/lib/api/derivedSessionSchemas'
import { sessionDetailsResponse } from '@/lib/api/sessionSchemas'
import { sessionLinkParts } from '@/lib/api/rememberedSessions'
import { getDb } from '@/lib/db/client'
import { sessions } from '@/lib/db/schema'
import { findSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { type ImportedModel, importThreatDragon } from '@/lib/threatDragon'
import { rawTdCounts } from '@/tests/fixtures/threatDragon/rawCounts'
import { readTdFixture, TD_MALFORMED_FILE, tdModelFiles } from '@/tests/fixtures/threatDragon/files'
import { GET as exportSession } from '../[id]/export/route'
import { GET as getSession } from '../[id]/route'
import { POST as importSession } from './route'

// Threat Dragon files through the HTTP layer: upload, what lands in libSQL, and back out again.

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'
const FILES = tdModelFiles()

function post(body: string, query = ''): Promise<Response> {
	return importSession(new Request(`${ORIGIN}/api/sessions/import${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
}

async function imported(json: unknown) {
	const response = await post(JSON.stringify(json))
	expect(response.status, await response.clone().text()).toBe(201)
	const body = importSessionResponse.parse(await response.json())
	const link = sessionLinkParts(body.facilitatorUrl)
	if (!link) throw new Error(`Not a session link: ${body.facilitatorUrl}`)
	return { ...body, token: link.token }
}

async function details(id: string, token: string) {
	const response = await getSession(new Request(`${ORIGIN}/api/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } }), {
		params: Promise.resolve({ id }),
	})
	expect(response.status).toBe(200)
	return sessionDetailsResponse.parse(await response.json())
}

async function exportedTd(id: string, token: string): Promise<unknown> {
	const request = new Request(`${ORIGIN}/api/sessions/${id}/export?format=threat-dragon`, { headers: { authorization: `Bearer ${token}` } })
	const response = await exportSession(request, { params: Promise.resolve({ id }) })
	expect(response.status).toBe(200)
	const json: unknown = JSON.parse(await response.text())
	return json
}

async function sessionCount(): Promise<number> {
	const db = await getDb()
	return (await db.select({ n: count() }).from(sessions).get())?.n ?? 0
}

function modelOf(json: unknown): ImportedModel {
	const result = importThreatDragon(json)
	if (!result.ok) throw new Error(JSON.stringify(result.issues))
	return result.model
}

/** Every element (kind, words, scope, properties, flow ends) and threat (fields and TD's own values), by TD id. */
function facts(model: ImportedModel) {
	return model.diagrams.map((diagram) => ({
		name: diagram.name,
		diagramType: diagram.diagramType,
		elements: Object.fromEntries(
			diagram.elements.map(({ cellId, kind, name, description, outOfScope, reasonOutOfScope, properties, sourceCellId, targetCellId }) => [
				cellId,
				{ kind, name, description, outOfScope, reasonOutOfScope, properties, sourceCellId, targetCellId },
			]),
		),
		threats: Object.fromEntries(diagram.threats.map(({ id, source, ...threat }) => [id, { ...threat, source: { ...source, number: null } }])),
	}))
}

describe('POST /api/sessions/import', () => {
	it.each(FILES)('creates a session holding every element, flow and threat of %s', async (file) => {
		const json = readTdFixture(file)
		const raw = rawTdCounts(json)
		const { id, token, warnings } = await imported(json)
		expect(warnings).toEqual(expect.any(Array))

		const body = await details(id, token)
		const model = modelOf(json)
		expect(body.session).toMatchObject({ name: model.name.trim() || 'Imported threat model', framework: model.framework, status: 'active' })
		// Text notes are annotations, not DFD elements: everything else is a row of dfd_elements.
		expect(body.elements).toHaveLength(raw.cells - (raw.byType['tm.Text'] ?? 0))
		const ofKind = (kind: string) => body.elements.filter((element) => element.kind === kind).length
		expect(ofKind('entity')).toBe(raw.byType['tm.Actor'] ?? 0)
		expect(ofKind('process')).toBe(raw.byType['tm.Process'] ?? 0)
		expect(ofKind('store')).toBe(raw.byType['tm.Store'] ?? 0)
		expect(ofKind('flow')).toBe(raw.byType['tm.Flow'] ?? 0)
		expect(ofKind('boundary')).toBe((raw.byType['tm.Boundary'] ?? 0) + (raw.byType['tm.BoundaryBox'] ?? 0))
		expect(body.threats).toHaveLength(raw.threats)
		expect(body.threats.map((threat) => threat.title).sort()).toEqual(raw.threatTitles.map((title) => title.trim() || 'Untitled threat').sort())

		// Flows bound to the same ends TD gave them.
		const flows = model.diagrams.flatMap((diagram) => diagram.elements).filter((element) => element.kind === 'flow')
		for (const flow of flows) {
			expect(body.elements.find((element) => element.shapeId === `shape:${flow.cellId}`)).toMatchObject({
				sourceShapeId: flow.sourceCellId && `shape:${flow.sourceCellId}`,
				targetShapeId: flow.targetCellId && `shape:${flow.targetCellId}`,
			})
		}
	})

	it.each(FILES)('keeps every element, flow and threat of %s through import → export → import', async (file) => {
		const json = readTdFixture(file)
		const first = await imported(json)
		const exported = await exportedTd(first.id, first.token)
		const second = await imported(exported)
		expect(facts(modelOf(await exportedTd(second.id, second.token)))).toEqual(facts(modelOf(json)))
	})

	it('answers 400 with what is wrong for a malformed file, and creates nothing', async () => {
		const before = await sessionCount()
		const response = await post(JSON.stringify(readTdFixture(TD_MALFORMED_FILE)))
		expect(response.status).toBe(400)
		expect(await response.json()).toEqual({
			error: 'Invalid Threat Dragon model',
			issues: [
				{ path: 'summary.title', message: 'missing (expected string)' },
				{ path: 'summary.description', message: 'expected string, found number 0' },
				{ path: 'detail', message: 'missing (expected object)' },
			],
		})
		expect(await sessionCount()).toBe(before)
	})

	it('answers 400 for a body that is not JSON, or not a model at all', async () => {
		const before = await sessionCount()
		expect((await post('{"version": "2.0",')).status).toBe(400)
		const notAModel = await post('[1, 2, 3]')
		expect(notAModel.status).toBe(400)
		expect(await notAModel.json()).toMatchObject({ issues: [{ path: '(root)' }] })
		expect(await sessionCount()).toBe(before)
	})

	it('answers 413 above 5 MiB, having read no more than that', async () => {
		const response = await post(JSON.stringify({ padding: 'x'.repeat(5 * 1024 * 1024) }))
		expect(response.status).toBe(413)
		expect(await response.json()).toEqual({ error: 'Body too large', limit: 5 * 1024 * 1024 })
	})

	it('names the session after the model’s title, linked to no previous session', async () => {
		const json = readTdFixture('v2-threat-model.json')
		const { id } = await imported(json)
		expect(await findSession(id)).toMatchObject({ name: modelOf(json).name, previousSessionId: null })
	})

	it('composes the session’s IDs with the project prefix given in the query, and refuses a bad one before reading the file', async () => {
		const json = readTdFixture('v2-threat-model.json')
		const response = await post(JSON.stringify(json), '?projectPrefix=DEMO')
		expect(response.status).toBe(201)
		const { id } = importSessionResponse.parse(await response.json())
		expect(await findSession(id)).toMatchObject({ projectPrefix: 'DEMO', sessionNumber: 1 })

		const before = await sessionCount()
		const refused = await post(JSON.stringify(json), '?projectPrefix=pay-1')
		expect(refused.status).toBe(400)
		expect(await refused.json()).toEqual({
			error: 'Invalid request',
			issues: [{ path: 'projectPrefix', message: 'A project prefix is 2 to 10 characters A-Z and 0-9, starting with a letter' }],
		})
		expect(await sessionCount()).toBe(before)
	})
})
