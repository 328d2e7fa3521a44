import { describe, expect, it } from 'vitest'
import { testShape } from '@/tests/fixtures/dfdShapes'
import { PROCESS_SHAPE_DEFAULTS, type ProcessShape } from '../dfd/shapes/process-props'
import { fixtureScopeItem, testThreat } from '@/fixtures/workshopRecords'
import { HISTORY_TRUNCATION_MARKER, HISTORY_VALUE_MAX } from '../session/records/historyEntryRecord'
import { metadataEntry } from '../session/metadataFactories'
import { recordChanges, trackedState } from './recordChanges'
import type { RenderContext } from './trackedRecords'

const HUMAN_IDS: Readonly<Record<string, string>> = { 'shape:flow': 'DF1', 'scope-item:a1': 'A1', 'scope-item:ta1': 'TA1' }
const context: RenderContext = { humanIdOf: (id) => HUMAN_IDS[id] }

function processShape(props: Partial<ProcessShape['props']> = {}, at = { x: 0, y: 0 }) {
	return testShape<ProcessShape>({
		id: 'shape:p' as ProcessShape['id'],
		type: 'dfd-process',
		props: { ...PROCESS_SHAPE_DEFAULTS, humanId: 'P1', ...props },
		...at,
	})
}

describe('recordChanges', () => {
	it('records a metadata entry by its key: set, a new value, removed', () => {
		const entry = { ...metadataEntry('shape:p', 'env', 'prod'), createdBy: 'pat', createdAt: 1 }
		expect(recordChanges({ prev: null, next: entry }, context)).toMatchObject([
			{ recordType: 'metadata-entry', recordHumanId: 'env', action: 'create', newValue: 'env=prod' },
		])
		const changed = { ...entry, value: 'staging' }
		expect(recordChanges({ prev: entry, next: changed }, context)).toEqual([
			{ recordType: 'metadata-entry', recordId: entry.id, recordHumanId: 'env', action: 'update', field: 'value', oldValue: 'prod', newValue: 'staging' },
		])
		expect(recordChanges({ prev: entry, next: null }, context)).toMatchObject([{ action: 'delete', oldValue: 'env=prod' }])
		const long = metadataEntry('session', 'k'.repeat(40), 'v')
		expect(recordChanges({ prev: null, next: long }, context)[0]?.recordHumanId).toHaveLength(32)
	})

	it('records a threat field change old → new with the human ID', () => {
		const prev = testThreat({ humanId: 'T-007', status: 'Open' })
		const next = { ...prev, status: 'Resolved' as const, likelihood: 5 }
		const changes = recordChanges({ prev, next }, context)
		expect(changes).toEqual([
			{ recordType: 'threat', recordId: prev.id, recordHumanId: 'T-007', action: 'update', field: 'likelihood', oldValue: '3', newValue: '5' },
			{ recordType: 'threat', recordId: prev.id, recordHumanId: 'T-007', action: 'update', field: 'status', oldValue: 'Open', newValue: 'Resolved' },
		])
	})

	it('renders a threat element by its human ID', () => {
		const prev = testThreat({ shapeId: 'shape:other' as never })
		const next = { ...prev, shapeId: 'shape:flow' as never }
		const [change] = recordChanges({ prev, next }, context)
		expect(change).toMatchObject({ field: 'shapeId', oldValue: 'shape:other', newValue: 'DF1' })
	})

	it("tracks a threat's triage, its scope links by human ID and its move to the whole model", () => {
		const prev = testThreat({ humanId: 'T-002', shapeId: 'shape:flow' as never })
		const next = {
			...prev,
			shapeId: null,
			severity: 'High' as const,
			cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
			priority: 'P0' as const,
			includeInReport: false,
			assetIds: ['scope-item:a1' as never],
			agentIds: ['scope-item:ta1' as never, 'scope-item:gone' as never],
		}
		const changes = recordChanges({ prev, next }, context).map(({ field, oldValue, newValue }) => [field, oldValue, newValue])
		expect(changes).toEqual([
			['shapeId', 'DF1', 'Whole model'],
			['severity', 'Unknown', 'High'],
			['cvssVector', '—', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
			['priority', 'from the risk band', 'P0'],
			['includeInReport', 'yes', 'no'],
			['assetIds', '', 'A1'],
			['agentIds', '', 'TA1, scope-item:gone'],
		])
	})

	it('makes creation, soft deletion and restore entries', () => {
		const threat = testThreat({ title: 'Forged token' })
		expect(recordChanges({ prev: null, next: threat }, context)).toMatchObject([{ action: 'create', newValue: 'Forged token' }])
		const deleted = { ...threat, isDeleted: true }
		expect(recordChanges({ prev: threat, next: deleted }, context)).toMatchObject([{ action: 'delete', oldValue: 'Forged token' }])
		expect(recordChanges({ prev: deleted, next: threat }, context)).toMatchObject([{ action: 'restore', newValue: 'Forged token' }])
		const scope = fixtureScopeItem()
		expect(recordChanges({ prev: scope, next: null }, context)).toMatchObject([{ recordType: 'scope-item', action: 'delete' }])
	})

	it('ignores moves, resizes and restyles of an element and tracks its properties', () => {
		const prev = processShape()
		const moved = { ...processShape({ w: 300, h: 200 }, { x: 40, y: 90 }), rotation: 1 }
		expect(recordChanges({ prev, next: moved }, context)).toEqual([])
		expect(recordChanges({ prev, next: processShape({ name: 'Checkout', isWebApplication: true }) }, context)).toMatchObject([
			{ recordType: 'shape', recordHumanId: 'P1', field: 'name', oldValue: 'Process', newValue: 'Checkout' },
			{ field: 'isWebApplication', oldValue: 'no', newValue: 'yes' },
		])
	})

	it('does not track shapes that are not stamped DFD elements', () => {
		const note = testShape({ type: 'geo', props: { w: 1 } } as never)
		expect(recordChanges({ prev: null, next: note }, context)).toEqual([])
		expect(recordChanges({ prev: null, next: processShape({ humanId: '' }) }, context)).toEqual([])
	})

	it('tracks a flow, whose properties live in the arrow meta', () => {
		const dfd = {
			humanId: 'DF2',
			description: '',
			outOfScope: false,
			reasonOutOfScope: '',
			protocol: 'HTTP',
			isEncrypted: false,
			isPublicNetwork: false,
			isBidirectional: false,
		}
		const prev = testShape({ type: 'arrow', props: {}, meta: { dfd } } as never)
		const next = { ...prev, meta: { dfd: { ...dfd, protocol: 'HTTPS', isEncrypted: true } } }
		expect(recordChanges({ prev, next }, context)).toMatchObject([
			{ recordHumanId: 'DF2', field: 'isEncrypted', oldValue: 'no', newValue: 'yes' },
			{ field: 'protocol', oldValue: 'HTTP', newValue: 'HTTPS' },
		])
	})

	it('cuts a long value and marks it', () => {
		const prev = testThreat()
		const next = { ...prev, description: 'x'.repeat(1000) }
		const newValue = recordChanges({ prev, next }, context)[0]?.newValue ?? ''
		expect(newValue).toHaveLength(HISTORY_VALUE_MAX)
		expect(newValue.endsWith(HISTORY_TRUNCATION_MARKER)).toBe(true)
	})

	it('tracks a mitigation record field by field', () => {
		const prev = { id: 'mitigation:m1', typeName: 'mitigation', humanId: 'M-001', title: 'Sign tokens', status: 'planned', threatIds: ['threat:a'] }
		const next = { ...prev, status: 'in place' }
		expect(recordChanges({ prev, next }, context)).toEqual([
			{
				recordType: 'mitigation',
				recordId: 'mitigation:m1',
				recordHumanId: 'M-001',
				action: 'update',
				field: 'status',
				oldValue: 'planned',
				newValue: 'in place',
			},
		])
	})
})

describe('trackedState', () => {
	it('differs when a tracked field differs and not when only the position does', () => {
		expect(trackedState(processShape(), context)).toBe(trackedState(processShape({}, { x: 9, y: 9 }), context))
		expect(trackedState(processShape(), context)).not.toBe(trackedState(processShape({ name: 'Other' }), context))
		expect(trackedState(undefined, context)).toBe('')
	})
})
