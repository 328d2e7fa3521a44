import { createShapeId, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { threatroomSchema } from '../../canvas/threatroomSchema'
import { BOUNDARY_SHAPE_DEFAULTS } from './boundary-props'
import { ENTITY_SHAPE_DEFAULTS } from './entity-props'
import { MULTIPROCESS_SHAPE_DEFAULTS } from './multiprocess-props'
import { PROCESS_SHAPE_DEFAULTS } from './process-props'
import { STORE_SHAPE_DEFAULTS } from './store-props'

const shapeType = threatroomSchema.types.shape

const DEFAULTS = {
	'dfd-entity': ENTITY_SHAPE_DEFAULTS,
	'dfd-process': PROCESS_SHAPE_DEFAULTS,
	'dfd-multiprocess': MULTIPROCESS_SHAPE_DEFAULTS,
	'dfd-store': STORE_SHAPE_DEFAULTS,
	'dfd-boundary': BOUNDARY_SHAPE_DEFAULTS,
} as const

function shape(type: keyof typeof DEFAULTS, props: Record<string, unknown> = {}): unknown {
	return {
		...shapeType.create({
			id: createShapeId(),
			type,
			parentId: 'page:page' as TLShape['parentId'],
			index: 'a1' as TLShape['index'],
			props: { ...DEFAULTS[type] },
		}),
		props: { ...DEFAULTS[type], ...props },
	}
}

describe('DFD shape props', () => {
	it.each(Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[])('accepts the defaults of %s', (type) => {
		expect(() => shapeType.validate(shape(type))).not.toThrow()
	})

	it('rejects a name longer than 256 characters and accepts exactly 256', () => {
		expect(() => shapeType.validate(shape('dfd-process', { name: 'x'.repeat(256) }))).not.toThrow()
		expect(() => shapeType.validate(shape('dfd-process', { name: 'x'.repeat(257) }))).toThrow(/at most 256/)
	})

	it('rejects a description longer than 1024 characters', () => {
		expect(() => shapeType.validate(shape('dfd-store', { description: 'x'.repeat(1025) }))).toThrow(/at most 1024/)
	})

	it('accepts trust zones 0 to 5 only, as whole numbers', () => {
		for (const zone of [0, 5]) expect(() => shapeType.validate(shape('dfd-boundary', { trustZone: zone }))).not.toThrow()
		for (const zone of [-1, 6, 2.5]) expect(() => shapeType.validate(shape('dfd-boundary', { trustZone: zone }))).toThrow()
	})

	it('accepts only the known privilege levels', () => {
		expect(() => shapeType.validate(shape('dfd-process', { privilegeLevel: 'system' }))).not.toThrow()
		expect(() => shapeType.validate(shape('dfd-process', { privilegeLevel: 'root' }))).toThrow()
	})

	it('accepts an unstamped or well-formed human ID and nothing else', () => {
		for (const humanId of ['', 'P1', 'DS42']) {
			expect(() => shapeType.validate(shape('dfd-store', { humanId }))).not.toThrow()
		}
		for (const humanId of ['P0', 'p1', 'P1 ', '<b>P1</b>']) {
			expect(() => shapeType.validate(shape('dfd-store', { humanId }))).toThrow()
		}
	})

	it('rejects props a shape does not have, so a client cannot smuggle data in', () => {
		expect(() => shapeType.validate(shape('dfd-entity', { isALog: true }))).toThrow()
	})

	it('rejects a missing prop', () => {
		const { providesAuthentication: _, ...rest } = ENTITY_SHAPE_DEFAULTS
		const record = { ...(shape('dfd-entity') as object), props: rest }
		expect(() => shapeType.validate(record)).toThrow()
	})
})

describe('DFD shape migrations', () => {
	it('registers a migration sequence for every DFD shape so later versions can migrate up and down', () => {
		const sequences = Object.keys(threatroomSchema.serialize().sequences)
		for (const type of Object.keys(DEFAULTS)) {
			expect(sequences).toContain(`com.tldraw.shape.${type}`)
		}
	})

	it('loads a snapshot written by this version without change', () => {
		const record = shape('dfd-process', { humanId: 'P1', name: 'API' }) as TLShape
		const snapshot = { store: { [record.id]: record }, schema: threatroomSchema.serialize() }
		const result = threatroomSchema.migrateStoreSnapshot(snapshot)
		expect(result).toEqual({ type: 'success', value: { [record.id]: record } })
	})
})
