import type { ModelElement } from '@/lib/reports/sessionModel'
import { idBody } from './exportThreat'
import { nameWithHumanId } from './tdHumanIds'
import type { TdOutAttrs, TdOutCell, TdOutData, TdOutEnd, TdOutLabel, TdOutPoint, TdOutThreat } from './tdExportTypes'

// TD's published schema: sizes of at least 10, curve ends as integers.
const MIN_SIZE = 10

const bool = (value: unknown) => value === true
const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** TD styles a cell with open threats in red, out-of-scope ones dashed; we write the same look. */
function stroke(element: ModelElement, hasOpenThreats: boolean) {
	return {
		stroke: hasOpenThreats ? 'red' : '#333333',
		strokeWidth: hasOpenThreats ? 2.5 : 1.5,
		strokeDasharray: element.outOfScope ? '4 3' : null,
	}
}

function label(name: string): TdOutLabel[] {
	return [
		{
			markup: [
				{ tagName: 'ellipse', selector: 'labelBody' },
				{ tagName: 'text', selector: 'labelText' },
			],
			attrs: {
				labelText: { text: name, textAnchor: 'middle', textVerticalAnchor: 'middle' },
				labelBody: { ref: 'labelText', refRx: '50%', refRy: '60%', fill: '#fff', strokeWidth: 0 },
			},
			position: { distance: 0.5, args: { keepGradient: true, ensureLegibility: true } },
		},
	]
}

function box(element: ModelElement) {
	return {
		position: { x: element.bounds.x, y: element.bounds.y },
		size: { width: Math.max(element.bounds.w, MIN_SIZE), height: Math.max(element.bounds.h, MIN_SIZE) },
	}
}

const rounded = (point: TdOutPoint): TdOutPoint => ({ x: Math.round(point.x), y: Math.round(point.y) })

/** Our properties in TD's words; multi-processes go out as processes (TD has none). */
function flagsOf(element: ModelElement): Partial<TdOutData> {
	const p = element.properties
	switch (element.kind) {
		case 'entity':
			return { providesAuthentication: bool(p.providesAuthentication) }
		case 'process':
		case 'multiprocess':
			return {
				// TD's default is an empty privilege level; ours is 'standard'.
				privilegeLevel: p.privilegeLevel === 'standard' ? '' : text(p.privilegeLevel),
				isWebApplication: bool(p.isWebApplication),
				handlesCardPayment: false,
				handlesGoodsOrServices: false,
			}
		case 'store':
			return {
				isALog: bool(p.isALog),
				storesCredentials: bool(p.storesCredentials),
				isEncrypted: bool(p.isEncrypted),
				isSigned: bool(p.isSigned),
				storesInventory: false,
			}
		case 'flow':
			return {
				protocol: text(p.protocol),
				isEncrypted: bool(p.isEncrypted),
				isPublicNetwork: bool(p.isPublicNetwork),
				isBidirectional: bool(p.isBidirectional),
			}
		case 'boundary':
		case 'text':
			return {}
	}
}

const SHAPE = {
	entity: ['actor', 'tm.Actor'],
	process: ['process', 'tm.Process'],
	multiprocess: ['process', 'tm.Process'],
	store: ['store', 'tm.Store'],
} as const

/**
 * One element as a TD cell. `cellIds` are the cells of the same diagram, so a flow only points at
 * cells TD will find; an end bound to anything else goes out as a loose point.
 */
export function exportCell(element: ModelElement, zIndex: number, threats: TdOutThreat[], cellIds: ReadonlySet<string>): TdOutCell {
	const id = idBody(element.shapeId)
	// What TD shows and what our importer reads the ID back from.
	const name = nameWithHumanId(element.name, element.humanId)
	const hasOpenThreats = threats.some((threat) => threat.status === 'Open')
	const common = { description: element.description, outOfScope: element.outOfScope, reasonOutOfScope: element.reasonOutOfScope, hasOpenThreats }
	switch (element.kind) {
		case 'entity':
		case 'process':
		case 'multiprocess':
		case 'store': {
			const [shape, type] = SHAPE[element.kind]
			const lines: TdOutAttrs =
				element.kind === 'store'
					? { topLine: stroke(element, hasOpenThreats), bottomLine: stroke(element, hasOpenThreats) }
					: { body: stroke(element, hasOpenThreats) }
			return {
				id,
				shape,
				zIndex,
				visible: true,
				...box(element),
				attrs: { text: { text: name }, ...lines },
				data: { type, name, ...common, ...flagsOf(element), threats },
			}
		}
		case 'flow': {
			const end = (shapeId: string | null, point: TdOutPoint | undefined): TdOutEnd => {
				const cell = shapeId === null ? null : idBody(shapeId)
				return cell !== null && cellIds.has(cell) ? { cell } : rounded(point ?? { x: element.bounds.x, y: element.bounds.y })
			}
			const bidirectional = element.properties.isBidirectional === true
			return {
				id,
				shape: 'flow',
				zIndex,
				connector: 'smooth',
				source: end(element.sourceShapeId, element.points[0]),
				target: end(element.targetShapeId, element.points.at(-1)),
				vertices: element.points.slice(1, -1).map(({ x, y }) => ({ x, y })),
				labels: label(name),
				attrs: {
					line: {
						stroke: hasOpenThreats ? 'red' : '#333333',
						strokeWidth: hasOpenThreats ? 2.5 : 1,
						targetMarker: { name: 'block' },
						sourceMarker: { name: bidirectional ? 'block' : '' },
						strokeDasharray: element.outOfScope ? '4 3' : null,
					},
				},
				data: { type: 'tm.Flow', name, ...common, ...flagsOf(element), threats },
			}
		}
		case 'boundary': {
			const data: TdOutData = { name, description: element.description, isTrustBoundary: true, hasOpenThreats: false, type: 'tm.BoundaryBox' }
			if (element.points.length < 2) {
				return { id, shape: 'trust-boundary-box', zIndex: -1, visible: true, ...box(element), attrs: { label: { text: name } }, data }
			}
			const first = element.points[0] ?? { x: 0, y: 0 }
			const last = element.points.at(-1) ?? first
			return {
				id,
				shape: 'trust-boundary-curve',
				zIndex,
				connector: 'smooth',
				source: rounded(first),
				target: rounded(last),
				vertices: element.points.slice(1, -1).map(({ x, y }) => ({ x, y })),
				labels: label(name),
				attrs: {},
				data: { ...data, type: 'tm.Boundary' },
			}
		}
		case 'text':
			return {
				id,
				shape: 'td-text-block',
				zIndex,
				visible: true,
				...box(element),
				attrs: { text: { text: element.name } },
				data: { type: 'tm.Text', name: element.name, hasOpenThreats: false },
			}
	}
}
