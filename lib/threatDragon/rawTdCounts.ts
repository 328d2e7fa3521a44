// Test support: counts taken straight from a Threat Dragon file by walking the raw JSON, without
// our schema or importer, so tests compare the importer against an independent reading.

function field(value: unknown, key: string): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
	const found: unknown = Object.entries(value).find(([name]) => name === key)?.[1]
	return found
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : []
}

export interface RawTdCounts {
	diagrams: number
	cells: number
	/** By `data.type`. */
	byType: Record<string, number>
	threats: number
	threatTitles: string[]
}

export function rawTdCounts(json: unknown): RawTdCounts {
	const counts: RawTdCounts = { diagrams: 0, cells: 0, byType: {}, threats: 0, threatTitles: [] }
	for (const diagram of list(field(field(json, 'detail'), 'diagrams'))) {
		counts.diagrams++
		for (const cell of list(field(diagram, 'cells'))) {
			counts.cells++
			const type = String(field(field(cell, 'data'), 'type'))
			counts.byType[type] = (counts.byType[type] ?? 0) + 1
			for (const threat of list(field(field(cell, 'data'), 'threats'))) {
				counts.threats++
				counts.threatTitles.push(String(field(threat, 'title')))
			}
		}
	}
	return counts
}
