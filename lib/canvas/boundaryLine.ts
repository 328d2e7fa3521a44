import type { JsonObject } from '@tldraw/utils'
import { z } from 'zod'
import type { Bounds } from '@/lib/analysis/trustZones'
import type { Point } from '@/lib/reports/sessionModel'

// Threat Dragon draws some trust boundaries as a curve (tm.Boundary), not a box. Our boundary
// shape is a box and its props are not ours to extend for one importer, so an imported curve is a
// `dfd-boundary` box around its points with the line itself in `meta.boundaryLine`: each point as
// a fraction of the box (0…1), so the line follows when someone moves or resizes the box. The
// shape keeps its human ID (TB…), its place in the `dfd_elements` projection and its name in the
// panel; the reports draw it as a line and give it no zone (docs/export-format.md).

export const BOUNDARY_LINE_META_KEY = 'boundaryLine'

const fraction = z.number().min(0).max(1)
const boundaryLineSchema = z.array(z.object({ x: fraction, y: fraction })).min(2)

/** The box of a line (at least 1 × 1, the shape's minimum) and its points as fractions of that box. */
export function boundaryLineMeta(points: readonly Point[]): { bounds: Bounds; meta: JsonObject } {
	const xs = points.map((point) => point.x)
	const ys = points.map((point) => point.y)
	const x = Math.min(...xs)
	const y = Math.min(...ys)
	const w = Math.max(Math.max(...xs) - x, 1)
	const h = Math.max(Math.max(...ys) - y, 1)
	const line = points.map((point) => ({ x: (point.x - x) / w, y: (point.y - y) / h }))
	return { bounds: { x, y, w, h }, meta: { [BOUNDARY_LINE_META_KEY]: line } }
}

/** The line in page space for a boundary shape with this meta at these bounds, or null for a box. */
export function boundaryLinePoints(meta: JsonObject, bounds: Bounds): Point[] | null {
	const parsed = boundaryLineSchema.safeParse(Object.hasOwn(meta, BOUNDARY_LINE_META_KEY) ? meta[BOUNDARY_LINE_META_KEY] : undefined)
	if (!parsed.success) return null
	return parsed.data.map((point) => ({ x: bounds.x + point.x * bounds.w, y: bounds.y + point.y * bounds.h }))
}
