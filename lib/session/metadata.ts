import { isMetadataKey, type MetadataEntryRecord, METADATA_VALUE_MAX, type MetadataTarget } from './records/metadataEntryRecord'

// Reading the key=value metadata: one target's entries in key order, the `key=value` filter the
// Analyse tab and the exports share, and the one-line form a CSV cell or a report shows.

export interface MetadataPair {
	key: string
	value: string
}

type EntryLike = Pick<MetadataEntryRecord, 'target' | 'key' | 'value'>

const byKey = (a: MetadataPair, b: MetadataPair) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/** The entries of one target, in key order. */
export function metadataOf(entries: readonly EntryLike[], target: MetadataTarget): MetadataPair[] {
	return entries
		.filter((entry) => entry.target === target)
		.map(({ key, value }) => ({ key, value }))
		.sort(byKey)
}

/** Every target's entries, each list in key order. */
export function metadataByTarget(entries: readonly EntryLike[]): Map<MetadataTarget, MetadataPair[]> {
	const byTarget = new Map<MetadataTarget, MetadataPair[]>()
	for (const { target, key, value } of entries) byTarget.set(target, [...(byTarget.get(target) ?? []), { key, value }])
	for (const pairs of byTarget.values()) pairs.sort(byKey)
	return byTarget
}

/** `env=prod; compliance=PCI` — what a CSV cell or a report line shows. */
export function formatMetadata(pairs: readonly MetadataPair[]): string {
	return pairs.map(({ key, value }) => `${key}=${value}`).join('; ')
}

/** A filter: `key=value` matches that value (case-insensitive), a bare `key` any entry with that key. */
export interface MetadataFilter {
	key: string
	value: string | null
}

/** The filter a person typed, or null when it is no filter (empty, or a key that cannot exist). */
export function parseMetadataFilter(text: string): MetadataFilter | null {
	const trimmed = text.trim()
	if (trimmed === '') return null
	const equals = trimmed.indexOf('=')
	const key = (equals === -1 ? trimmed : trimmed.slice(0, equals)).trim().toLowerCase()
	if (!isMetadataKey(key)) return null
	if (equals === -1) return { key, value: null }
	const value = trimmed.slice(equals + 1).trim()
	return { key, value: value === '' ? null : value.slice(0, METADATA_VALUE_MAX) }
}

export function matchesMetadataFilter(pairs: readonly MetadataPair[], filter: MetadataFilter): boolean {
	return pairs.some((pair) => pair.key === filter.key && (filter.value === null || pair.value.toLowerCase() === filter.value.toLowerCase()))
}

/**
 * Whether a threat passes the filter: by its own metadata or its element's, so `env=prod` on a
 * process finds every threat against it.
 */
export function threatMatchesMetadata(
	byTarget: ReadonlyMap<MetadataTarget, readonly MetadataPair[]>,
	threat: { id: string; shapeId: string | null },
	filter: MetadataFilter,
): boolean {
	const onElement = threat.shapeId === null ? [] : (byTarget.get(threat.shapeId) ?? [])
	return matchesMetadataFilter(byTarget.get(threat.id) ?? [], filter) || matchesMetadataFilter(onElement, filter)
}
