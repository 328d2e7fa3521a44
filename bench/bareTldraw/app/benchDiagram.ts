// The benchmark diagram's layout, shared by the bare page (which draws it locally) and the bench's
// Node seeders (bench/lib/diagram.ts, which push it into a room): boxes on a grid that fits the
// first viewport of a 1400×900 window, and flows (arrows) between neighbours, every id fixed so
// both pages can be asked for the same elements. Pure: no tldraw import, types only.

export interface BenchNode {
	id: `shape:${string}`
	x: number
	y: number
	w: number
	h: number
}

export interface BenchFlow {
	id: `shape:${string}`
	from: BenchNode
	to: BenchNode
}

const BENCH_GRID = { columns: 7, cellW: 125, cellH: 110, originX: 40, originY: 40, nodeW: 80, nodeH: 60 }

/** `count` elements: 70 % boxes, 30 % flows (a DFD's usual mix), the boxes laid out row by row. */
export function benchDiagramLayout(count: number): { nodes: BenchNode[]; flows: BenchFlow[] } {
	const flowCount = Math.floor(count * 0.3)
	const nodeCount = count - flowCount
	const { columns, cellW, cellH, originX, originY, nodeW, nodeH } = BENCH_GRID
	const nodes: BenchNode[] = Array.from({ length: nodeCount }, (_, i) => ({
		id: `shape:bench-node-${i}`,
		x: originX + (i % columns) * cellW,
		y: originY + Math.floor(i / columns) * cellH,
		w: nodeW,
		h: nodeH,
	}))
	const flows: BenchFlow[] = []
	for (let i = 0; i < flowCount && nodes.length > 1; i++) {
		const from = nodes[i % (nodes.length - 1)] as BenchNode
		const to = nodes[(i % (nodes.length - 1)) + 1] as BenchNode
		flows.push({ id: `shape:bench-flow-${i}`, from, to })
	}
	return { nodes, flows }
}

/** Every element's id, and the box the join benchmark clicks to check the editor responds. */
export function benchDiagramIds(count: number): { all: string[]; clickTarget: BenchNode } {
	const { nodes, flows } = benchDiagramLayout(count)
	return { all: [...nodes.map((node) => node.id), ...flows.map((flow) => flow.id)], clickTarget: nodes.at(-1) as BenchNode }
}

/** The layout as tldraw shape and binding partials for `editor.createShapes` / `createBindings`. */
export function benchDiagramShapes(count: number) {
	const { nodes, flows } = benchDiagramLayout(count)
	const shapes = [
		...nodes.map((node) => ({
			id: node.id,
			type: 'geo' as const,
			x: node.x,
			y: node.y,
			props: { geo: 'rectangle' as const, w: node.w, h: node.h },
		})),
		...flows.map((flow) => ({
			id: flow.id,
			type: 'arrow' as const,
			x: flow.from.x + flow.from.w,
			y: flow.from.y + flow.from.h / 2,
			props: { start: { x: 0, y: 0 }, end: { x: flow.to.x - flow.from.x - flow.from.w, y: flow.to.y - flow.from.y } },
		})),
	]
	const bindings = flows.flatMap((flow) =>
		(['start', 'end'] as const).map((terminal) => ({
			type: 'arrow' as const,
			fromId: flow.id,
			toId: terminal === 'start' ? flow.from.id : flow.to.id,
			props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
		})),
	)
	return { shapes, bindings }
}
