import type { TLShape, TLTextShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { arrowMetaValidators, FLOW_META_DEFAULTS } from './flowMeta'
import { allocatorFor, authorizeShapeWrite, HumanIdAllocator, humanIdOf } from './humanIds'
import { PROCESS_SHAPE_DEFAULTS } from './shapes/process-props'
import { testShape } from '@/tests/fixtures/dfdShapes'

function processShape(humanId = ''): TLShape {
	return testShape({ type: 'dfd-process', props: { ...PROCESS_SHAPE_DEFAULTS, humanId } })
}

function arrowShape(meta: TLShape['meta'] = {}): TLShape {
	return { ...testShape({ type: 'text', props: {} as TLTextShape['props'] }), type: 'arrow', meta } as TLShape
}

describe('HumanIdAllocator', () => {
	it('numbers each kind on its own, starting at 1', () => {
		const allocator = new HumanIdAllocator()
		expect(['process', 'process', 'store', 'entity', 'flow', 'multiprocess', 'boundary'].map((k) => allocator.allocate(k as 'process'))).toEqual([
			'P1',
			'P2',
			'DS1',
			'EE1',
			'DF1',
			'MP1',
			'TB1',
		])
	})

	it('continues from saved counters so a deleted ID is never handed out again', () => {
		const allocator = new HumanIdAllocator({ P: 7 })
		expect(allocator.allocate('process')).toBe('P8')
		expect(allocator.toJSON()).toEqual({ P: 8 })
	})

	it('starts past every ID found in a loaded snapshot even when the saved counters are behind', () => {
		const allocator = allocatorFor([processShape('P12'), arrowShape({ dfd: { ...FLOW_META_DEFAULTS, humanId: 'DF4' } })], { P: 3 })
		expect(allocator.allocate('process')).toBe('P13')
		expect(allocator.allocate('flow')).toBe('DF5')
	})

	it('ignores malformed IDs when observing', () => {
		const allocator = new HumanIdAllocator()
		allocator.observe('P0')
		allocator.observe('X9')
		allocator.observe('')
		expect(allocator.allocate('process')).toBe('P1')
	})
})

describe('authorizeShapeWrite', () => {
	it('stamps a new process with the next ID whatever the client sent', () => {
		const allocator = new HumanIdAllocator()
		const stamped = authorizeShapeWrite(allocator, { type: 'create', prev: null, next: processShape('P99') })
		expect(stamped && humanIdOf(stamped)).toBe('P1')
	})

	it('stamps a new arrow as a data flow, adding the DFD meta it lacks', () => {
		const allocator = new HumanIdAllocator()
		const stamped = authorizeShapeWrite(allocator, { type: 'create', prev: null, next: arrowShape() })
		expect(stamped?.meta).toEqual({ dfd: { ...FLOW_META_DEFAULTS, humanId: 'DF1' } })
		expect(() => arrowMetaValidators.dfd.validate(stamped?.meta.dfd)).not.toThrow()
	})

	it('gives two creations in a row distinct IDs, as two clients creating at once would get', () => {
		const allocator = new HumanIdAllocator()
		const a = authorizeShapeWrite(allocator, { type: 'create', prev: null, next: processShape() })
		const b = authorizeShapeWrite(allocator, { type: 'create', prev: null, next: processShape() })
		expect(new Set([a && humanIdOf(a), b && humanIdOf(b)])).toEqual(new Set(['P1', 'P2']))
	})

	it('rejects an update that changes a stamped ID and allows any other update', () => {
		const allocator = new HumanIdAllocator()
		const prev = processShape('P1')
		expect(authorizeShapeWrite(allocator, { type: 'update', prev, next: { ...prev, x: 50 } })).not.toBeNull()
		const renamed = { ...prev, props: { ...prev.props, humanId: 'P2' } } as TLShape
		expect(authorizeShapeWrite(allocator, { type: 'update', prev, next: renamed })).toBeNull()
	})

	it('leaves shapes that are not DFD elements alone', () => {
		const allocator = new HumanIdAllocator()
		const text = testShape({ type: 'text', props: {} as TLTextShape['props'] })
		expect(authorizeShapeWrite(allocator, { type: 'create', prev: null, next: text })).toBe(text)
		expect(allocator.toJSON()).toEqual({})
	})
})
