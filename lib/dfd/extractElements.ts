import type { TLArrowBinding, TLRecord, TLShape } from '@tldraw/tlschema'
import { richTextToPlainText } from '../recordFields/richTextToPlainText'
import type { DfdElement } from './dfdElementSchema'
import { flowMetaOf } from './flowMeta'
import { humanIdOf } from './humanIds'

/** What the projection needs of a room snapshot (`RoomSnapshot` from @tldraw/sync-core fits). */
export interface SnapshotDocuments {
	documents: ReadonlyArray<{ state: { id: string; typeName: string } }>
}

/**
 * The DFD elements of a canvas, one row per stamped DFD shape (text, notes and unstamped shapes
 * are not elements), for the app's `dfd_elements` projection. Pure: the room calls it on every save.
 *
 * The records come from the room, which validated each against the schema, hence the casts.
 */
export function extractElements(snapshot: SnapshotDocuments): DfdElement[] {
	const records = new Map<string, TLRecord>()
	for (const { state } of snapshot.documents) records.set(state.id, state as TLRecord)

	const kept: { shape: TLShape; humanId: string; pageId: string }[] = []
	const seenHumanIds = new Set<string>()
	for (const record of records.values()) {
		if (record.typeName !== 'shape') continue
		const humanId = humanIdOf(record)
		// Human IDs are unique by construction (the room stamps them); should a duplicate ever appear,
		// the app would refuse the whole save and the room would retry it forever, so keep the first.
		if (!humanId || seenHumanIds.has(humanId)) continue
		const pageId = pageIdOf(record, records)
		// A shape whose parent chain does not reach a page is not on any diagram.
		if (pageId === null) continue
		seenHumanIds.add(humanId)
		kept.push({ shape: record, humanId, pageId })
	}

	const ends = flowEnds(records, new Set(kept.map(({ shape }) => shape.id)))
	return kept.flatMap(({ shape, humanId, pageId }) => toElement(shape, humanId, pageId, ends.get(shape.id)) ?? [])
}

function toElement(shape: TLShape, humanId: string, pageId: string, ends: FlowEnds | undefined): DfdElement | null {
	const base = { shapeId: shape.id, humanId, pageId, sourceShapeId: null, targetShapeId: null }
	switch (shape.type) {
		case 'arrow': {
			const flow = flowMetaOf(shape.meta)
			return {
				...base,
				...common(flow),
				kind: 'flow',
				name: richTextToPlainText(shape.props.richText),
				properties: {
					protocol: flow.protocol,
					isEncrypted: flow.isEncrypted,
					isPublicNetwork: flow.isPublicNetwork,
					isBidirectional: flow.isBidirectional,
				},
				sourceShapeId: ends?.start ?? null,
				targetShapeId: ends?.end ?? null,
			}
		}
		case 'dfd-entity':
			return {
				...base,
				...common(shape.props),
				kind: 'entity',
				properties: { providesAuthentication: shape.props.providesAuthentication },
			}
		case 'dfd-process':
		case 'dfd-multiprocess':
			return {
				...base,
				...common(shape.props),
				kind: shape.type === 'dfd-process' ? 'process' : 'multiprocess',
				properties: { privilegeLevel: shape.props.privilegeLevel, isWebApplication: shape.props.isWebApplication, aiModel: shape.props.aiModel },
			}
		case 'dfd-store':
			return {
				...base,
				...common(shape.props),
				kind: 'store',
				properties: {
					storesCredentials: shape.props.storesCredentials,
					isALog: shape.props.isALog,
					isEncrypted: shape.props.isEncrypted,
					isSigned: shape.props.isSigned,
				},
			}
		case 'dfd-boundary':
			return { ...base, ...common(shape.props), kind: 'boundary', properties: { trustZone: shape.props.trustZone } }
		default:
			return null
	}
}

function common(fields: Pick<DfdElement, 'description' | 'outOfScope' | 'reasonOutOfScope'> & { name?: string }) {
	return {
		name: fields.name ?? '',
		description: fields.description,
		outOfScope: fields.outOfScope,
		reasonOutOfScope: fields.reasonOutOfScope,
	}
}

/** Shapes nest in groups and frames; the page is the first non-shape ancestor. */
function pageIdOf(shape: TLShape, records: ReadonlyMap<string, TLRecord>): string | null {
	const visited = new Set<string>()
	let parentId: string = shape.parentId
	while (!visited.has(parentId)) {
		visited.add(parentId)
		const parent = records.get(parentId)
		if (parent === undefined) return null
		if (parent.typeName === 'page') return parent.id
		if (parent.typeName !== 'shape') return null
		parentId = parent.parentId
	}
	return null
}

interface FlowEnds {
	start?: string
	end?: string
}

/**
 * The element each flow's ends are bound to. An end bound to something that is not an element
 * (a note, a sticky) counts as unbound: the report can only name elements.
 */
function flowEnds(records: ReadonlyMap<string, TLRecord>, elementShapeIds: ReadonlySet<string>) {
	const ends = new Map<string, FlowEnds>()
	for (const record of records.values()) {
		if (record.typeName !== 'binding' || record.type !== 'arrow') continue
		const binding = record as TLArrowBinding
		if (!elementShapeIds.has(binding.toId)) continue
		const flow = ends.get(binding.fromId) ?? {}
		flow[binding.props.terminal] = binding.toId
		ends.set(binding.fromId, flow)
	}
	return ends
}
