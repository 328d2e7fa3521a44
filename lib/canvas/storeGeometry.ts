import type { TLArrowBinding, TLArrowShape, TLRecord, TLShape } from '@tldraw/tlschema'
import type { Bounds } from '@/lib/analysis/trustZones'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import { centreOf, outlineExit } from '@/lib/reports/diagramGeometry'
import type { Point } from '@/lib/reports/sessionModel'
import { boundsFromRecords } from '@/lib/session/dfdModelFromRecords'
import { richTextToPlainText } from '../recordFields/richTextToPlainText'

// Page-space geometry of stored shapes without an editor: what the reports draw. Rotation is
// ignored (DFD shapes are not rotated in practice); parents (groups, frames) are walked for their
// translation, the same rule the panel uses for trust zones (boundsFromRecords).

/** tldraw's text sizes in px (FONT_SIZES × 16) and line height: enough to size a note's box. */
const TEXT_FONT_PX: Record<string, number> = { s: 18, m: 24, l: 36, xl: 44 }
const TEXT_LINE_HEIGHT = 1.35
/** An average glyph is about half as wide as the font is tall. */
const GLYPH_WIDTH_RATIO = 0.55
const NOTE_SIZE_PX = 200

export class StoreGeometry {
	private readonly boundsOf: (shape: TLShape) => Bounds | null
	/** Bindings of each arrow, by the arrow's shape id. */
	private readonly bindingsByArrow = new Map<string, TLArrowBinding[]>()

	constructor(private readonly records: ReadonlyMap<string, TLRecord>) {
		this.boundsOf = boundsFromRecords(records)
		for (const record of records.values()) {
			if (record.typeName !== 'binding' || record.type !== 'arrow') continue
			this.bindingsByArrow.set(record.fromId, [...(this.bindingsByArrow.get(record.fromId) ?? []), record])
		}
	}

	/** A box shape's page bounds; text and sticky notes are sized from their words (tldraw measures them in the DOM). */
	boxBounds(shape: TLShape): Bounds {
		const bounds = this.boundsOf(shape) ?? { x: shape.x, y: shape.y, w: 0, h: 0 }
		if (shape.type === 'text') {
			const scale = shape.props.scale
			const w = shape.props.w * scale
			const fontPx = (TEXT_FONT_PX[shape.props.size] ?? 24) * scale
			return { ...bounds, w, h: estimatedTextHeight(richTextToPlainText(shape.props.richText), w, fontPx) }
		}
		if (shape.type === 'note') {
			const size = NOTE_SIZE_PX * shape.props.scale
			return { ...bounds, w: size, h: size + shape.props.growY * shape.props.scale }
		}
		return bounds
	}

	/**
	 * Start, bends and end of an arrow in page space. A bound end sits where tldraw draws it for an
	 * imprecise binding: on the outline of its shape, towards the other end; a precise binding at
	 * its anchor; a loose end at its own point. A bent arrow gets its arc's middle as one bend.
	 */
	flowPoints(arrow: TLArrowShape, kindOf: (shapeId: string) => ElementKind | null): Point[] {
		const origin = this.boundsOf(arrow) ?? { x: arrow.x, y: arrow.y, w: 0, h: 0 }
		const loose = {
			start: { x: origin.x + arrow.props.start.x, y: origin.y + arrow.props.start.y },
			end: { x: origin.x + arrow.props.end.x, y: origin.y + arrow.props.end.y },
		}
		const ends = { start: this.boundEnd(arrow.id, 'start', kindOf), end: this.boundEnd(arrow.id, 'end', kindOf) }
		const anchor = (terminal: 'start' | 'end') => ends[terminal]?.anchor ?? loose[terminal]
		const middle = arcMiddle(anchor('start'), anchor('end'), arrow.props.bend)
		const place = (terminal: 'start' | 'end', other: 'start' | 'end'): Point => {
			const end = ends[terminal]
			if (!end) return loose[terminal]
			if (end.precise) return end.anchor
			return outlineExit(end.bounds, end.round, middle ?? anchor(other))
		}
		const start = place('start', 'end')
		const end = place('end', 'start')
		return middle ? [start, middle, end] : [start, end]
	}

	private boundEnd(arrowId: string, terminal: 'start' | 'end', kindOf: (shapeId: string) => ElementKind | null) {
		const binding = this.bindingsByArrow.get(arrowId)?.find((candidate) => candidate.props.terminal === terminal)
		const target = binding ? this.records.get(binding.toId) : undefined
		if (!binding || target?.typeName !== 'shape') return null
		const bounds = this.boxBounds(target)
		const kind = kindOf(target.id)
		const precise = binding.props.isPrecise || binding.props.isExact
		const anchor = precise
			? { x: bounds.x + binding.props.normalizedAnchor.x * bounds.w, y: bounds.y + binding.props.normalizedAnchor.y * bounds.h }
			: centreOf(bounds)
		return { bounds, anchor, precise, round: kind === 'process' || kind === 'multiprocess' }
	}
}

/** tldraw bends an arrow into an arc whose middle sits `bend` px off the chord's middle (curved-arrow.ts). */
function arcMiddle(start: Point, end: Point, bend: number): Point | null {
	const length = Math.hypot(end.x - start.x, end.y - start.y)
	if (bend === 0 || length === 0) return null
	const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
	// tldraw: middle = mid + per(u) × -bend, with u the chord's unit vector and per(x, y) = (y, -x).
	const normal = { x: -(end.y - start.y) / length, y: (end.x - start.x) / length }
	return { x: mid.x + normal.x * bend, y: mid.y + normal.y * bend }
}

function estimatedTextHeight(text: string, width: number, fontPx: number): number {
	const charsPerLine = Math.max(1, Math.floor(width / (fontPx * GLYPH_WIDTH_RATIO)))
	const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0)
	return Math.max(1, lines) * fontPx * TEXT_LINE_HEIGHT
}

/** The box around a polyline, for a flow's or a line boundary's `bounds`. */
export function boundsOfPoints(points: readonly Point[]): Bounds {
	if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 }
	const xs = points.map((point) => point.x)
	const ys = points.map((point) => point.y)
	const x = Math.min(...xs)
	const y = Math.min(...ys)
	return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}
