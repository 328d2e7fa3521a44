import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { roomRecordsFromInput } from '@/tests/fixtures/roomRecords'
import { extractElements } from '@/lib/dfd/extractElements'
import { allocatorFor } from '@/lib/dfd/humanIds'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { sessionModelSchema } from '@/lib/reports'
import type { SessionModelInput } from '@/lib/reports/sessionModelInput'
import { WEB_SHOP_INPUT } from '@/fixtures/sessionModel'
import { canvasElements } from '@/lib/session/canvasElements'
import type { NaMarkRecord } from '@/lib/session/records/naMarkRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { sessionCoverage } from '@/lib/session/sessionCoverage'
import { GET as getExport } from './export/route'
import { GET as getSession } from './route'

// The panel, `GET /api/sessions/:id` and the reports read coverage through one mapper
// (lib/session/sessionCoverage.ts). Here they are asked about the same saved PLOT4ai room, whose
// processes answer "does it run an AI model?" differently, and must give the same answer.

useTemporaryDatabase()

const AI_ANSWERS: Record<string, string> = { 'shape:p1': 'no', 'shape:p2': 'yes', 'shape:mp1': 'unknown' }

const PLOT4AI_ROOM: SessionModelInput = {
	...WEB_SHOP_INPUT,
	session: { ...WEB_SHOP_INPUT.session, framework: 'PLOT4ai' },
	elements: WEB_SHOP_INPUT.elements.map((element) =>
		element.shapeId in AI_ANSWERS ? { ...element, properties: { ...element.properties, aiModel: AI_ANSWERS[element.shapeId] ?? 'unknown' } } : element,
	),
	threats: [
		...WEB_SHOP_INPUT.threats,
		// A threat on the process that said "no": PLOT4ai asks nothing there, so it covers nothing.
		{ ...firstThreat(), id: 'threat:ai-no', humanId: 'T-101', shapeId: 'shape:p1', categories: ['privacy'] },
		{ ...firstThreat(), id: 'threat:ai-yes', humanId: 'T-102', shapeId: 'shape:p2', categories: ['privacy', 'bias'] },
	],
	naMarks: [
		...WEB_SHOP_INPUT.naMarks,
		{ shapeId: 'shape:mp1', category: 'ethics', reason: 'No decisions about people', markedByName: 'Fay', markedAt: WEB_SHOP_INPUT.exportedAt },
	],
}

function firstThreat() {
	const [threat] = WEB_SHOP_INPUT.threats
	if (!threat) throw new Error('the web shop has threats')
	return threat
}

const ORIGIN = 'http://localhost:3000'

describe('coverage of a PLOT4ai session with AI processes', () => {
	it('is the same in the panel, in GET /api/sessions/:id and in the reports', async () => {
		const records = roomRecordsFromInput(PLOT4AI_ROOM)
		const created = await createSession({ name: 'AI coverage', description: '', framework: 'PLOT4ai' })
		const elements = extractElements({ documents: records.map((state) => ({ state })) })
		await saveCanvas(created.id, { snapshot: { ...roomSnapshotOf(records, 3) }, clock: 3, humanIdCounters: allocatorFor(records).toJSON(), elements })
		const params = { params: Promise.resolve({ id: created.id }) }
		const headers = { authorization: `Bearer ${created.tokens.facilitator}` }

		// The panel: the store's records as the sidebar reads them.
		const ofType = <R extends TLRecord>(typeName: string) => records.filter((record): record is R => record.typeName === typeName)
		const panel = sessionCoverage('PLOT4ai', canvasElements(records), ofType<ThreatRecord>('threat'), ofType<NaMarkRecord>('na-mark'))

		const apiResponse = await getSession(new Request(`${ORIGIN}/api/sessions/${created.id}`, { headers }), params)
		expect(apiResponse.status).toBe(200)
		const api = ((await apiResponse.json()) as { coverage: { covered: number; applicable: number; ratio: number; perElement: { elementId: string }[] } })
			.coverage

		const exportResponse = await getExport(new Request(`${ORIGIN}/api/sessions/${created.id}/export?format=json`, { headers }), params)
		expect(exportResponse.status).toBe(200)
		const report = sessionModelSchema.parse(await exportResponse.json()).coverage

		const figures = ({ covered, applicable, ratio }: { covered: number; applicable: number; ratio: number }) => ({ covered, applicable, ratio })
		// Eight categories for P2 ("yes") and MP1 ("not said"); none for P1 ("no"). Covered: P2's privacy and bias, MP1's ethics.
		expect(figures(panel)).toEqual({ covered: 3, applicable: 16, ratio: 3 / 16 })
		expect(figures(api)).toEqual(figures(panel))
		expect(figures(report)).toEqual(figures(panel))
		const elementIds = (coverage: { perElement: readonly { elementId: string }[] }) => coverage.perElement.map((element) => element.elementId).sort()
		expect(elementIds(panel)).toEqual(['shape:mp1', 'shape:p2'])
		expect(elementIds(api)).toEqual(elementIds(panel))
	})
})
