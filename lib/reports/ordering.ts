import { compareHumanIds } from '@/lib/analysis/humanIdOrder'
import type { ElementKind } from '@/lib/frameworks/elementKind'

// One order everywhere (JSON, tables, CSV, diagrams), so two exports of the same session diff cleanly.

const THREAT_NUMBER = /^T-(\d+)$/

function threatNumber(humanId: string): number | null {
	const match = THREAT_NUMBER.exec(humanId)
	return match?.[1] ? Number(match[1]) : null
}

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}

/** T-2 before T-10 before T-1000 (string order would put T-1000 before T-999); unstamped last. */
export function compareThreatHumanIds(a: string, b: string): number {
	const left = threatNumber(a)
	const right = threatNumber(b)
	if (left !== null && right !== null) return left - right
	if (left !== null) return -1
	if (right !== null) return 1
	return compareStrings(a, b)
}

/** By human ID, then creation (ISO instants sort as strings), then id. */
export function compareThreats(a: { humanId: string; createdAt: string; id: string }, b: { humanId: string; createdAt: string; id: string }): number {
	return compareThreatHumanIds(a.humanId, b.humanId) || compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id)
}

/** The order a reader meets a diagram in: what is outside first, then what happens inside. */
const KIND_RANK: Record<ElementKind, number> = {
	entity: 0,
	process: 1,
	multiprocess: 2,
	store: 3,
	flow: 4,
	boundary: 5,
	text: 6,
}

export function compareElements(
	a: { kind: ElementKind; humanId: string; shapeId: string },
	b: { kind: ElementKind; humanId: string; shapeId: string },
): number {
	return KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareHumanIds(a.humanId, b.humanId) || compareStrings(a.shapeId, b.shapeId)
}

/** Chronological, ties broken by id so equal timestamps still order the same way every time. */
export function byTimeThenId<T extends { id: string }>(time: (item: T) => number) {
	return (a: T, b: T) => time(a) - time(b) || compareStrings(a.id, b.id)
}
