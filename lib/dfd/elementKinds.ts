/** The kinds of Data Flow Diagram element the canvas knows, and how each is drawn and named. */
export const DFD_KINDS = ['entity', 'process', 'multiprocess', 'store', 'flow', 'boundary'] as const
export type DfdKind = (typeof DFD_KINDS)[number]

/** Kinds drawn with our own shapes; a flow is tldraw's arrow (see flowMeta.ts). */
export const DFD_SHAPE_TYPES = {
	entity: 'dfd-entity',
	process: 'dfd-process',
	multiprocess: 'dfd-multiprocess',
	store: 'dfd-store',
	boundary: 'dfd-boundary',
} as const satisfies Record<Exclude<DfdKind, 'flow'>, string>

export type DfdShapeType = (typeof DFD_SHAPE_TYPES)[keyof typeof DFD_SHAPE_TYPES]

export const FLOW_SHAPE_TYPE = 'arrow'

/** Human-ID prefixes, as threat modelers write them in reports: EE1, P1, MP1, DS1, DF1, TB1. */
export const HUMAN_ID_PREFIX = {
	entity: 'EE',
	process: 'P',
	multiprocess: 'MP',
	store: 'DS',
	flow: 'DF',
	boundary: 'TB',
} as const satisfies Record<DfdKind, string>

export type HumanIdPrefix = (typeof HUMAN_ID_PREFIX)[DfdKind]

export const DFD_KIND_LABEL: Record<DfdKind, string> = {
	entity: 'External entity',
	process: 'Process',
	multiprocess: 'Multi-process',
	store: 'Data store',
	flow: 'Data flow',
	boundary: 'Trust boundary',
}

const KIND_BY_SHAPE_TYPE = new Map<string, DfdKind>([
	...Object.entries(DFD_SHAPE_TYPES).map(([kind, type]) => [type, kind as DfdKind] as const),
	[FLOW_SHAPE_TYPE, 'flow'],
])

/** The DFD kind a tldraw shape type stands for, or null for shapes that are not analysed (text, notes). */
export function dfdKindOfShapeType(shapeType: string): DfdKind | null {
	return KIND_BY_SHAPE_TYPE.get(shapeType) ?? null
}
