import type { TdCellType } from './tdSchema'

// The Threat Dragon v2 file we write: the subset real TD 2.x files use (see the fixtures), which
// also validates against TD's published JSON schema.

/** The app version we claim: the one whose files and schema this exporter was checked against. */
export const TD_FILE_VERSION = '2.6.2'

export interface TdOutThreat {
	id: string
	title: string
	status: string
	severity: string
	type: string
	description: string
	mitigation: string
	modelType: string
	number: number
	score: string
	new: false
}

export interface TdOutData {
	type: TdCellType
	name: string
	description?: string
	outOfScope?: boolean
	reasonOutOfScope?: string
	hasOpenThreats: boolean
	isTrustBoundary?: boolean
	threats?: TdOutThreat[]
	[flag: string]: string | boolean | TdOutThreat[] | undefined
}

export type TdOutPoint = { x: number; y: number }
export type TdOutEnd = { cell: string } | TdOutPoint

/** x6 display attributes: only what TD needs to draw the cell and its text. */
export type TdOutAttrs = Record<string, Record<string, string | number | null | { name: string }>>

export interface TdOutLabel {
	markup: { tagName: string; selector: string }[]
	attrs: Record<string, Record<string, string | number | boolean>>
	position: { distance: number; args: { keepGradient: boolean; ensureLegibility: boolean } }
}

export interface TdOutCell {
	id: string
	shape: string
	zIndex: number
	visible?: boolean
	position?: TdOutPoint
	size?: { width: number; height: number }
	connector?: string
	source?: TdOutEnd
	target?: TdOutEnd
	vertices?: TdOutPoint[]
	labels?: TdOutLabel[]
	attrs: TdOutAttrs
	data: TdOutData
}

export interface TdOutDiagram {
	id: number
	title: string
	diagramType: string
	placeholder: string
	thumbnail: string
	version: string
	description: string
	cells: TdOutCell[]
}

export interface TdOutModel {
	version: string
	summary: { title: string; owner: string; description: string; id: number; [extra: string]: string | number | boolean }
	detail: {
		contributors: { name: string }[]
		diagrams: TdOutDiagram[]
		diagramTop: number
		reviewer: string
		threatTop: number
	}
}
