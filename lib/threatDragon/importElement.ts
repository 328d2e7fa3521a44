import { z } from 'zod'
import type { Bounds } from '@/lib/analysis/trustZones'
import type { DfdProperties } from '@/lib/dfd/dfdElementSchema'
import { PROTOCOL_MAX } from '@/lib/dfd/flowMeta'
import { DESCRIPTION_MAX, NAME_MAX } from '@/lib/dfd/shapes/commonProps'
import type { PrivilegeLevel } from '@/lib/dfd/shapes/process-props'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import { centreOf, outlineExit } from '@/lib/reports/diagramGeometry'
import type { Point } from '@/lib/reports/sessionModel'
import type { ImportedElement } from './importedModel'
import { humanIdClaim } from './tdHumanIds'
import type { ImportWarnings } from './importWarnings'
import type { TdCell, TdCellData, TdCellType } from './tdSchema'

const KIND_OF_TD_TYPE: Record<TdCellType, ElementKind> = {
	'tm.Actor': 'entity',
	'tm.Process': 'process',
	'tm.Store': 'store',
	'tm.Flow': 'flow',
	'tm.Boundary': 'boundary',
	'tm.BoundaryBox': 'boundary',
	'tm.Text': 'text',
}

/** Cells a flow may connect: TD only gives ports to these. */
const FLOW_END_TYPES: ReadonlySet<TdCellType> = new Set(['tm.Actor', 'tm.Process', 'tm.Store'])

/** TD's privilege level is free text ("root", "admin", ""); ours is one of three. */
function privilegeFromTd(text: string | undefined): PrivilegeLevel {
	if (text === undefined || text.trim() === '') return 'standard'
	if (/\b(root|system|kernel|superuser)\b/i.test(text)) return 'system'
	if (/admin|elevated|privileged|sudo/i.test(text)) return 'elevated'
	return 'standard'
}

/**
 * TD boundaries have no trust level. Ours need one, so guess from the name the way a facilitator
 * would read it, defaulting to 3 (Internal) like a new boundary on our canvas; the facilitator
 * reviews zones after an import anyway.
 */
function trustZoneFromName(name: string): number {
	if (/internet|public|external|customer|untrusted|3rd party|third party/i.test(name)) return 0
	if (/\bdmz\b|demilitari[sz]ed/i.test(name)) return 2
	return 3
}

const textAttr = z.looseObject({ text: z.string() })
const attrsWithText = z.looseObject({ labelText: textAttr.optional(), label: textAttr.optional(), text: textAttr.optional() })
const labelSchema = z.union([z.string(), z.looseObject({ attrs: attrsWithText })])

/** The text TD shows on a cell: labels (two shapes in real files) or attrs; data.name wins when set. */
function displayedText(cell: TdCell): string {
	for (const raw of cell.labels ?? []) {
		const label = labelSchema.safeParse(raw)
		if (!label.success) continue
		if (typeof label.data === 'string') return label.data
		const { labelText, label: plain, text } = label.data.attrs
		const found = labelText?.text ?? plain?.text ?? text?.text
		if (found) return found
	}
	const attrs = attrsWithText.safeParse(cell.attrs ?? {})
	return attrs.success ? (attrs.data.text?.text ?? attrs.data.label?.text ?? '') : ''
}

function boundsOfNode(cell: TdCell): Bounds | null {
	if (!cell.position || !cell.size) return null
	// Our shapes need at least 1 × 1.
	return { x: cell.position.x, y: cell.position.y, w: Math.max(cell.size.width, 1), h: Math.max(cell.size.height, 1) }
}

function boundsOfPoints(points: readonly Point[]): Bounds {
	if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 }
	const xs = points.map((point) => point.x)
	const ys = points.map((point) => point.y)
	const x = Math.min(...xs)
	const y = Math.min(...ys)
	return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

const PORT_SIDE: Record<string, (bounds: Bounds) => Point> = {
	top: (b) => ({ x: b.x + b.w / 2, y: b.y }),
	right: (b) => ({ x: b.x + b.w, y: b.y + b.h / 2 }),
	bottom: (b) => ({ x: b.x + b.w / 2, y: b.y + b.h }),
	left: (b) => ({ x: b.x, y: b.y + b.h / 2 }),
}

interface ResolvedEnd {
	cellId: string | null
	/** A loose end's own point. */
	point: Point | null
	/** A bound end's cell box, whether it is drawn round, and the side its port sits on. */
	bounds: Bounds | null
	round: boolean
	side: ((bounds: Bounds) => Point) | undefined
}

const LOOSE: ResolvedEnd = { cellId: null, point: null, bounds: null, round: false, side: undefined }

function resolveEnd(
	cell: TdCell,
	key: 'source' | 'target',
	cells: ReadonlyMap<string, TdCell>,
	path: readonly PropertyKey[],
	warnings: ImportWarnings,
): ResolvedEnd {
	const end = cell[key]
	if (end === undefined) return LOOSE
	if (!('cell' in end)) return { ...LOOSE, point: { x: end.x, y: end.y } }
	const other = cells.get(end.cell)
	const bounds = other && FLOW_END_TYPES.has(other.data.type) ? boundsOfNode(other) : null
	if (!other || !bounds) {
		warnings.add([...path, key, 'cell'], `refers to ${other ? 'a cell a flow cannot connect' : 'a cell that does not exist'}; imported as a loose end`)
		return LOOSE
	}
	const group = other.ports?.items.find((item) => item.id === end.port)?.group
	return { cellId: end.cell, point: null, bounds, round: other.data.type === 'tm.Process', side: group === undefined ? undefined : PORT_SIDE[group] }
}

/** Where an end is drawn: a loose end at its point; a bound one at its port's side, else on the outline. */
function placeEnd(end: ResolvedEnd, toward: Point | null): Point | null {
	if (end.point) return end.point
	if (!end.bounds) return null
	if (end.side) return end.side(end.bounds)
	return toward ? outlineExit(end.bounds, end.round, toward) : centreOf(end.bounds)
}

function anchorOf(end: ResolvedEnd): Point | null {
	return end.point ?? (end.bounds ? centreOf(end.bounds) : null)
}

function edgeGeometry(cell: TdCell, cells: ReadonlyMap<string, TdCell>, path: readonly PropertyKey[], warnings: ImportWarnings) {
	const source = resolveEnd(cell, 'source', cells, path, warnings)
	const target = resolveEnd(cell, 'target', cells, path, warnings)
	const start = placeEnd(source, cell.vertices[0] ?? anchorOf(target))
	const end = placeEnd(target, cell.vertices.at(-1) ?? anchorOf(source))
	const points = [start, ...cell.vertices.map(({ x, y }) => ({ x, y })), end].filter((point): point is Point => point !== null)
	return { points: points.length >= 2 ? points : [], sourceCellId: source.cellId, targetCellId: target.cellId }
}

function propertiesOf(data: TdCellData, name: string, path: readonly PropertyKey[], warnings: ImportWarnings): DfdProperties {
	switch (data.type) {
		case 'tm.Actor':
			return { providesAuthentication: data.providesAuthentication ?? false }
		case 'tm.Process':
			return { privilegeLevel: privilegeFromTd(data.privilegeLevel), isWebApplication: data.isWebApplication ?? false }
		case 'tm.Store':
			return {
				storesCredentials: data.storesCredentials ?? false,
				isALog: data.isALog ?? false,
				isEncrypted: data.isEncrypted ?? false,
				isSigned: data.isSigned ?? false,
			}
		case 'tm.Flow':
			return {
				protocol: warnings.fit(data.protocol ?? '', PROTOCOL_MAX, [...path, 'protocol']),
				isEncrypted: data.isEncrypted ?? false,
				isPublicNetwork: data.isPublicNetwork ?? false,
				isBidirectional: data.isBidirectional ?? false,
			}
		case 'tm.BoundaryBox':
			return { trustZone: trustZoneFromName(name) }
		case 'tm.Boundary':
		case 'tm.Text':
			return {}
	}
}

/** The cell's name as written; an empty one falls back to the label TD shows. */
export function rawNameOf(cell: TdCell): string {
	return cell.data.name.trim() === '' ? displayedText(cell) : cell.data.name
}

/**
 * One TD cell as one of our elements (a box, a flow, a boundary box or line, or a text note).
 * `uniqueHumanIds`: the IDs exactly one name in the file ends with, the only ones it may keep.
 */
export function importElement(
	cell: TdCell,
	cells: ReadonlyMap<string, TdCell>,
	path: readonly PropertyKey[],
	warnings: ImportWarnings,
	uniqueHumanIds: ReadonlySet<string>,
): ImportedElement {
	const { data } = cell
	const dataPath = [...path, 'data']
	const rawName = rawNameOf(cell)
	const found = humanIdClaim(rawName, data.type)
	const claim = found && uniqueHumanIds.has(found.humanId) ? found : null
	// A note's text is its content, so it gets the longer limit.
	const name = warnings.fit(claim?.name ?? rawName, data.type === 'tm.Text' ? DESCRIPTION_MAX : NAME_MAX, [...dataPath, 'name'])
	const isEdge = data.type === 'tm.Flow' || data.type === 'tm.Boundary'
	const edge = isEdge ? edgeGeometry(cell, cells, path, warnings) : null
	const points = edge?.points ?? []
	return {
		cellId: cell.id,
		kind: claim?.kind ?? KIND_OF_TD_TYPE[data.type],
		humanId: claim?.humanId ?? null,
		name,
		description: warnings.fit(data.description, DESCRIPTION_MAX, [...dataPath, 'description']),
		outOfScope: data.outOfScope ?? false,
		reasonOutOfScope: warnings.fit(data.reasonOutOfScope ?? '', DESCRIPTION_MAX, [...dataPath, 'reasonOutOfScope']),
		properties: propertiesOf(data, name, dataPath, warnings),
		bounds: (isEdge ? null : boundsOfNode(cell)) ?? boundsOfPoints(points),
		points,
		sourceCellId: data.type === 'tm.Flow' ? (edge?.sourceCellId ?? null) : null,
		targetCellId: data.type === 'tm.Flow' ? (edge?.targetCellId ?? null) : null,
	}
}
