import type { RecordId } from '@tldraw/store'
import { createShapeId, type TLDocument, type TLParentId, type TLRecord, type TLTextShape, TLDOCUMENT_ID, toRichText } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import type { SessionInput } from '@/lib/reports/sessionModelInput'
import { attendanceAfterJoin } from '@/lib/session/attendance'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixturePhaseEvent, fixtureThreat, fixtureVote } from '@/fixtures/workshopRecords'
import { arrowBinding, dfdShape, flowArrow, groupShape, pageRecord } from '../../tests/support/canvasRecords'
import { BOUNDARY_LINE_META_KEY } from './boundaryLine'
import { IMPORT_AUTHOR_ID } from './participantsFromRecords'
import { sessionModelFromStore } from './sessionModelFromStore'

const SESSION: SessionInput = { id: 'sess_1', name: 'Payments', description: '', framework: 'STRIDE', status: 'active', createdAt: 1_000 }
const main = pageRecord('main', 'Checkout')
const onMain = main.id as TLParentId

function input(...records: TLRecord[]) {
	return sessionModelFromStore({ session: SESSION, records: [main, ...records], exportedAt: 2_000 })
}

function textNote(text: string, w: number, at: { x: number; y: number }): TLTextShape {
	const props = { color: 'black', size: 'm', font: 'draw', textAlign: 'start', w, richText: toRichText(text), scale: 1, autoSize: false } as const
	return {
		id: createShapeId(),
		typeName: 'shape',
		type: 'text',
		...at,
		rotation: 0,
		index: 'a9' as IndexKey,
		parentId: onMain,
		isLocked: false,
		opacity: 1,
		props,
		meta: {},
	}
}

const elementOf = (records: TLRecord[], shapeId: string) => input(...records).elements.find((element) => element.shapeId === shapeId)

function decision(threatId: ThreatId, fields: Partial<DecisionRecord> = {}): DecisionRecord {
	return {
		id: 'decision:d1' as RecordId<DecisionRecord>,
		typeName: 'decision',
		threatId,
		kind: 'mitigate',
		rationale: '',
		mitigation: 'Sign the cookie',
		owner: 'Dana',
		dueDate: '',
		issueUrl: '',
		reviewDate: '',
		deferUntil: '',
		transferTo: '',
		onBehalfOf: '',
		decidedBy: 'pat',
		decidedByName: 'Pat',
		decidedAt: 1_500,
		...fields,
	}
}

describe('sessionModelFromStore', () => {
	it('places a shape inside a group at its page position', () => {
		const group = { ...groupShape(onMain), x: 100, y: 50 }
		const process = { ...dfdShape('dfd-process', group.id, { humanId: 'P1', name: 'API' }), x: 10, y: 20 }
		expect(elementOf([group, process], process.id)?.bounds).toEqual({ x: 110, y: 70, w: 120, h: 120 })
	})

	it('takes a flow’s ends from its bindings and draws it from outline to outline, labelled', () => {
		const customer = { ...dfdShape('dfd-entity', onMain, { humanId: 'EE1', w: 160, h: 80 }), x: 0, y: 0 }
		const api = { ...dfdShape('dfd-process', onMain, { humanId: 'P1', w: 120, h: 120 }), x: 300, y: 0 }
		const flow = flowArrow(onMain, 'Card data', { humanId: 'DF1', protocol: 'HTTPS' })
		const element = elementOf([customer, api, flow, arrowBinding(flow.id, customer.id, 'start'), arrowBinding(flow.id, api.id, 'end')], flow.id)

		expect(element).toMatchObject({ kind: 'flow', humanId: 'DF1', name: 'Card data', sourceShapeId: customer.id, targetShapeId: api.id })
		const [start, end] = element?.points ?? []
		expect(start?.x).toBeCloseTo(160) // the entity's right edge
		// On the process's circle (centre 360,60, radius 60), facing the customer.
		expect(Math.hypot((end?.x ?? 0) - 360, (end?.y ?? 0) - 60)).toBeCloseTo(60)
		expect(end?.x).toBeLessThan(360)
	})

	it('keeps a loose end where the arrow puts it, and gives a bent arrow its middle as a bend', () => {
		const straight = { ...flowArrow(onMain, 'Loose', { humanId: 'DF1' }), x: 500, y: 500 }
		const bent = { ...flowArrow(onMain, 'Bent', { humanId: 'DF2' }), x: 0, y: 0, props: { ...straight.props, bend: 20 } }
		expect(elementOf([straight], straight.id)).toMatchObject({
			points: [
				{ x: 500, y: 500 },
				{ x: 600, y: 500 },
			],
			sourceShapeId: null,
			targetShapeId: null,
		})
		expect(elementOf([bent], bent.id)?.points).toEqual([
			{ x: 0, y: 0 },
			{ x: 50, y: 20 },
			{ x: 100, y: 0 },
		])
	})

	it('draws a boundary carrying an imported line as that line, with no zone', () => {
		const line = {
			...dfdShape('dfd-boundary', onMain, { humanId: 'TB1', w: 200, h: 100, trustZone: 3 }),
			x: 10,
			y: 10,
			meta: {
				[BOUNDARY_LINE_META_KEY]: [
					{ x: 0, y: 0 },
					{ x: 0.5, y: 1 },
					{ x: 1, y: 0 },
				],
			},
		}
		const model = buildSessionModel(input(line))
		expect(model.diagrams[0]?.elements[0]).toMatchObject({
			points: [
				{ x: 10, y: 10 },
				{ x: 110, y: 110 },
				{ x: 210, y: 10 },
			],
			properties: {},
			zone: null,
		})
	})

	it('gives each node the zone of the box boundary around it, and lists text notes as annotations', () => {
		const zone = { ...dfdShape('dfd-boundary', onMain, { humanId: 'TB1', w: 400, h: 300, trustZone: 2 }), x: 0, y: 0 }
		const api = { ...dfdShape('dfd-process', onMain, { humanId: 'P1' }), x: 50, y: 50 }
		const note = textNote('Legacy link', 180, { x: 500, y: 0 })
		const elements = buildSessionModel(input(zone, api, note)).diagrams[0]?.elements ?? []
		expect(elements.find((element) => element.shapeId === api.id)?.zone).toBe(2)
		expect(elements.find((element) => element.kind === 'text')).toMatchObject({ name: 'Legacy link', humanId: '', bounds: { x: 500, y: 0, w: 180 } })
	})

	it('makes one diagram per page in page order, with Threat Dragon’s diagram id when imported', () => {
		const second = { ...pageRecord('second', 'Admin'), meta: { threatDragon: { id: 3, diagramType: 'CIA' } } }
		expect(input(second).pages).toEqual([
			{ id: main.id, name: 'Checkout', source: null },
			{ id: second.id, name: 'Admin', source: { tool: 'threat-dragon', id: 3, diagramType: 'CIA' } },
		])
	})

	it('leaves out shapes that are on no page', () => {
		const orphan = dfdShape('dfd-process', 'shape:gone' as TLParentId, { humanId: 'P9' })
		expect(input(orphan).elements).toEqual([])
	})

	it('passes the workshop records on, with TD’s original values from the document’s meta', () => {
		const api = dfdShape('dfd-process', onMain, { humanId: 'P1' })
		const threat = fixtureThreat({ shapeId: api.id, humanId: 'T-001', createdBy: 'dana', createdByName: 'Dana' })
		const source = {
			tool: 'threat-dragon' as const,
			id: 't1',
			status: 'Mitigated',
			severity: 'High',
			type: 'Spoofing',
			score: '7',
			modelType: 'STRIDE',
			number: 1,
		}
		const document: TLDocument = {
			id: TLDOCUMENT_ID,
			typeName: 'document',
			gridSize: 10,
			name: '',
			meta: { threatDragon: { contributors: ['Ann'], threats: { [threat.id]: source } } },
		}
		const result = input(document, api, threat, fixtureVote(threat.id, 'omar', { voterName: 'Omar' }), decision(threat.id))

		expect(result.threats).toEqual([{ ...threat, source }])
		expect(result.votes).toHaveLength(1)
		expect(result.decisions).toEqual([decision(threat.id)])
		expect(buildSessionModel(result).threats[0]?.decision?.mitigation).toBe('Sign the cookie')
	})

	it('lists the people who did something, with the strongest role their records show', () => {
		const threat = fixtureThreat({ createdBy: 'dana', createdByName: 'Dana' })
		const imported = fixtureThreat({ id: 'threat:td' as ThreatId, createdBy: IMPORT_AUTHOR_ID, createdByName: 'Threat Dragon import' })
		const records: TLRecord[] = [
			threat,
			imported,
			fixtureVote(threat.id, 'fay', { voterName: 'Fay' }),
			fixtureVote(threat.id, 'omar', { voterName: 'Omar' }),
			fixturePhaseEvent({ by: 'fay', byName: 'Fay' }),
			decision(threat.id, { decidedBy: 'fay', decidedByName: 'Fay', onBehalfOf: 'Pat' }),
		]
		expect(input(...records).participants).toEqual([
			{ name: 'Fay', role: 'facilitator' },
			{ name: 'Pat', role: 'productOwner' },
			{ name: 'Dana', role: 'participant' },
			{ name: 'Omar', role: 'participant' },
		])
	})

	it('lists observers and people who only watched, from the room’s guest book, with the role of their link', () => {
		const guest = (userId: string, name: string, role: 'observer' | 'participant' | 'facilitator') => {
			const entry = attendanceAfterJoin(undefined, { userId, name, role }, 1_100)
			if (!entry) throw new Error('a first join always writes an entry')
			return entry
		}
		const records: TLRecord[] = [
			guest('u_olga', 'Olga', 'observer'),
			guest('u_quinn', 'Quinn', 'participant'),
			guest('u_fay', 'Fay', 'facilitator'),
			fixturePhaseEvent({ by: 'fay', byName: 'Fay' }),
		]
		expect(input(...records).participants).toEqual([
			{ name: 'Fay', role: 'facilitator' },
			{ name: 'Quinn', role: 'participant' },
			{ name: 'Olga', role: 'observer' },
		])
	})
})
