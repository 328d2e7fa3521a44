import { HUMAN_ID_PREFIX, type DfdKind } from '@/lib/dfd/elementKinds'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import type { TdCellType } from './tdSchema'

// Threat Dragon has no field for our element IDs (EE1, P1, DF1…), so they travel at the end of the
// cell's name, where a TD user sees them on the diagram: "Web shop API (P1)".

/** The kinds a TD cell type may come back as, by the prefix of the ID in its name. */
const KINDS_OF_TD_TYPE: Record<TdCellType, readonly DfdKind[]> = {
	'tm.Actor': ['entity'],
	// TD has no multi-process: ours go out as processes, and their MP ID brings the kind back.
	'tm.Process': ['process', 'multiprocess'],
	'tm.Store': ['store'],
	'tm.Flow': ['flow'],
	'tm.BoundaryBox': ['boundary'],
	'tm.Boundary': ['boundary'],
	'tm.Text': [],
}

const SUFFIX = /^(?:([\s\S]*) )?\(([A-Z]+)([1-9]\d*)\)$/

/** "Web shop API (P1)"; "(P1)" for an element without a name; the name alone for a note. */
export function nameWithHumanId(name: string, humanId: string): string {
	if (humanId === '') return name
	return name === '' ? `(${humanId})` : `${name} (${humanId})`
}

export interface HumanIdClaim {
	/** The name without its ID. */
	name: string
	humanId: string
	kind: ElementKind
}

/**
 * The ID a name ends with, when its prefix fits the cell's type (a store named "Backups (P1)"
 * claims nothing). Whether the ID is unique in the file is for the caller to check.
 */
export function humanIdClaim(name: string, type: TdCellType): HumanIdClaim | null {
	const match = SUFFIX.exec(name)
	if (!match) return null
	const [, base = '', prefix, digits] = match
	const kind = KINDS_OF_TD_TYPE[type].find((candidate) => HUMAN_ID_PREFIX[candidate] === prefix)
	return kind ? { name: base, humanId: `${prefix}${digits}`, kind } : null
}
