import type { TLRecord } from '@tldraw/tlschema'
import type { DfdElement } from '../dfd/dfdElementSchema'
import { extractElements } from '../dfd/extractElements'
import { humanIdTag } from '../dfd/labels'

/**
 * The DFD elements among the store's records, as the room projects them for the database: the
 * panel, the badges and the coverage read the same rows the report will, so they never disagree.
 * Elements the room has not stamped yet are left out until their ID arrives (a few ms).
 */
export function canvasElements(records: Iterable<TLRecord>): DfdElement[] {
	return extractElements({ documents: Array.from(records, (state) => ({ state })) })
}

/** A store is a log or audit trail: the one store where STRIDE asks about repudiation. */
export function isLogStore(element: { kind: string; properties: DfdElement['properties'] }): boolean {
	return element.kind === 'store' && element.properties.isALog === true
}

/** "DF1 · Login request", or the ID alone for an unnamed element. */
export function elementLabel(element: Pick<DfdElement, 'humanId' | 'name'>): string {
	const name = element.name.trim()
	return name ? `${humanIdTag(element.humanId)} · ${name}` : humanIdTag(element.humanId)
}
