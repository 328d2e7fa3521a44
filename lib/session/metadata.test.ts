import { describe, expect, it } from 'vitest'
import { formatMetadata, matchesMetadataFilter, metadataByTarget, metadataOf, parseMetadataFilter, threatMatchesMetadata } from './metadata'
import { isMetadataKey, isMetadataTarget, metadataEntryIdFor } from './records/metadataEntryRecord'

const entries = [
	{ target: 'shape:api', key: 'env', value: 'prod' },
	{ target: 'threat:t1', key: 'owner', value: 'payments' },
	{ target: 'shape:api', key: 'compliance', value: 'PCI' },
	{ target: 'session', key: 'env', value: 'staging' },
]

describe('metadata', () => {
	it('accepts keys like tags and refuses anything else', () => {
		expect(['env', 'pci.dss', 'data_class', 'a-b', 'x'.repeat(40)].every(isMetadataKey)).toBe(true)
		expect(['', 'Env', 'env name', 'env=prod', 'x'.repeat(41), 'é'].some(isMetadataKey)).toBe(false)
	})

	it('describes the session, a shape or a threat, and nothing else', () => {
		expect(['session', 'shape:abc', 'threat:t1'].every(isMetadataTarget)).toBe(true)
		expect(['', 'page:p1', 'shape:', 'shape:a b', `shape:${'x'.repeat(300)}`].some(isMetadataTarget)).toBe(false)
	})

	it('gives one id per target and key', () => {
		expect(metadataEntryIdFor('session', 'env')).toBe('metadata-entry:session~env')
		expect(metadataEntryIdFor('shape:api', 'env')).toBe('metadata-entry:shape~api~env')
		expect(metadataEntryIdFor('threat:t1', 'env')).toBe('metadata-entry:threat~t1~env')
	})

	it('lists a target’s entries in key order, as one line for a cell', () => {
		expect(metadataOf(entries, 'shape:api')).toEqual([
			{ key: 'compliance', value: 'PCI' },
			{ key: 'env', value: 'prod' },
		])
		expect(formatMetadata(metadataOf(entries, 'shape:api'))).toBe('compliance=PCI; env=prod')
		expect(formatMetadata(metadataOf(entries, 'threat:none'))).toBe('')
	})

	it('parses key=value and bare-key filters, ignoring what cannot be a key', () => {
		expect(parseMetadataFilter(' env = prod ')).toEqual({ key: 'env', value: 'prod' })
		expect(parseMetadataFilter('Compliance')).toEqual({ key: 'compliance', value: null })
		expect(parseMetadataFilter('env=')).toEqual({ key: 'env', value: null })
		expect(parseMetadataFilter('')).toBeNull()
		expect(parseMetadataFilter('not a key=1')).toBeNull()
	})

	it('matches values case-insensitively, and a threat by its own or its element’s entries', () => {
		const byTarget = metadataByTarget(entries)
		const prod = parseMetadataFilter('env=PROD')
		const owner = parseMetadataFilter('owner')
		if (!prod || !owner) throw new Error('filters parse')
		expect(matchesMetadataFilter(byTarget.get('shape:api') ?? [], prod)).toBe(true)
		expect(matchesMetadataFilter(byTarget.get('session') ?? [], prod)).toBe(false)
		expect(threatMatchesMetadata(byTarget, { id: 'threat:t1', shapeId: 'shape:api' }, prod)).toBe(true)
		expect(threatMatchesMetadata(byTarget, { id: 'threat:t1', shapeId: 'shape:db' }, owner)).toBe(true)
		expect(threatMatchesMetadata(byTarget, { id: 'threat:t2', shapeId: 'shape:db' }, owner)).toBe(false)
	})
})
