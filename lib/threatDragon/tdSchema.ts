import { z } from 'zod'

// An OWASP Threat Dragon v2 model as the app and its demo files actually write it — which is not
// quite its published JSON schema: threats live in `cells[].data.threats`, flows carry `labels` in
// two shapes, boxes and curves share `tm.Boundary*` types. Strict where a wrong shape would make
// us import the wrong thing (types, geometry, references); lenient where real files vary (optional
// flags, missing descriptions, extra keys TD or x6 add), so that every file TD opens, we open.

const TD_CELL_TYPES = ['tm.Actor', 'tm.Process', 'tm.Store', 'tm.Flow', 'tm.Boundary', 'tm.BoundaryBox', 'tm.Text'] as const
export type TdCellType = (typeof TD_CELL_TYPES)[number]

/** Types drawn as a line between two ends rather than a box. */
const TD_EDGE_TYPES: ReadonlySet<TdCellType> = new Set(['tm.Flow', 'tm.Boundary'])

// Plain objects (extra keys dropped, not refused) so that `'cell' in end` tells the two ends apart.
const tdPointSchema = z.object({ x: z.number(), y: z.number() })
const tdCellRefSchema = z.object({ cell: z.string().min(1), port: z.string().optional() })

/** A flow's end is bound to a cell, or left loose at a point (seen in real files). */
const tdEndpointSchema = z.union([tdCellRefSchema, tdPointSchema], {
	error: 'Expected a cell reference {cell} or a point {x, y}',
})

const tdThreatSchema = z.looseObject({
	/** TD 2.x writes `id`; the published schema says `threatId`. Either may be present. */
	id: z.string().min(1).optional(),
	threatId: z.string().min(1).optional(),
	title: z.string(),
	status: z.string().default('Open'),
	severity: z.string().default(''),
	type: z.string().default(''),
	description: z.string().default(''),
	mitigation: z.string().default(''),
	modelType: z.string().optional(),
	number: z.number().int().nonnegative().optional(),
	/** Free text in TD ("7.5", "High"…); older files have none. */
	score: z.union([z.string(), z.number()]).optional(),
})
export type TdThreat = z.infer<typeof tdThreatSchema>

const flag = z.boolean().optional()

const tdCellDataSchema = z.looseObject({
	type: z.enum(TD_CELL_TYPES),
	name: z.string().default(''),
	description: z.string().default(''),
	outOfScope: flag,
	reasonOutOfScope: z.string().optional(),
	threats: z.array(tdThreatSchema).default([]),
	providesAuthentication: flag,
	privilegeLevel: z.string().optional(),
	isWebApplication: flag,
	isALog: flag,
	storesCredentials: flag,
	isEncrypted: flag,
	isSigned: flag,
	protocol: z.string().optional(),
	isPublicNetwork: flag,
	isBidirectional: flag,
	isTrustBoundary: flag,
	hasOpenThreats: flag,
})
export type TdCellData = z.infer<typeof tdCellDataSchema>

const tdCellSchema = z
	.looseObject({
		id: z.string().min(1),
		shape: z.string(),
		zIndex: z.number().optional(),
		position: tdPointSchema.optional(),
		size: z.looseObject({ width: z.number().nonnegative(), height: z.number().nonnegative() }).optional(),
		source: tdEndpointSchema.optional(),
		target: tdEndpointSchema.optional(),
		vertices: z.array(tdPointSchema).default([]),
		labels: z.array(z.unknown()).optional(),
		attrs: z.record(z.string(), z.unknown()).optional(),
		ports: z.looseObject({ items: z.array(z.looseObject({ id: z.string(), group: z.string() })).default([]) }).optional(),
		data: tdCellDataSchema,
	})
	.superRefine((cell, ctx) => {
		const required = TD_EDGE_TYPES.has(cell.data.type) ? (['source', 'target'] as const) : (['position', 'size'] as const)
		for (const key of required) {
			if (cell[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `missing: a ${cell.data.type} needs a ${key}` })
		}
	})
export type TdCell = z.infer<typeof tdCellSchema>

const tdDiagramSchema = z.looseObject({
	id: z.union([z.number().int(), z.string()]),
	title: z.string().default(''),
	diagramType: z.string().default('STRIDE'),
	description: z.string().optional(),
	placeholder: z.string().optional(),
	thumbnail: z.string().optional(),
	version: z.string().optional(),
	cells: z.array(tdCellSchema).default([]),
})
export type TdDiagram = z.infer<typeof tdDiagramSchema>

export const tdModelSchema = z
	.looseObject({
		version: z.string().refine((version) => /^2(\.|$)/.test(version), 'only Threat Dragon v2 models can be imported'),
		summary: z.looseObject({
			title: z.string(),
			owner: z.string().optional(),
			description: z.string().default(''),
			id: z.union([z.number(), z.string()]).optional(),
		}),
		detail: z.looseObject({
			contributors: z.array(z.looseObject({ name: z.string() })),
			diagrams: z.array(tdDiagramSchema),
			diagramTop: z.number().int().optional(),
			reviewer: z.string().optional(),
			threatTop: z.number().int().optional(),
		}),
	})
	.superRefine((model, ctx) => {
		// Cell ids become shape ids, so two cells with one id would silently merge into one element.
		const seen = new Set<string>()
		model.detail.diagrams.forEach((diagram, d) => {
			diagram.cells.forEach((cell, c) => {
				if (seen.has(cell.id)) {
					ctx.addIssue({ code: 'custom', path: ['detail', 'diagrams', d, 'cells', c, 'id'], message: `duplicate cell id ${JSON.stringify(cell.id)}` })
				}
				seen.add(cell.id)
			})
		})
	})
export type TdModel = z.infer<typeof tdModelSchema>
