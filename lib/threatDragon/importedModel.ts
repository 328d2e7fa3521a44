import type { SummaryExtras } from '@/lib/reports/sessionModel'
import type { Bounds } from '@/lib/analysis/trustZones'
import type { DfdProperties } from '@/lib/dfd/dfdElementSchema'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { RiskLevel } from '@/lib/risk/riskScore'
import type { Severity, ThreatStatus } from '@/lib/risk/threatStatus'
import type { Point, ThreatSource } from '@/lib/reports/sessionModel'

// What a Threat Dragon file becomes: our vocabulary, our limits, TD's ids and original values kept.
// Nothing here is stamped yet (human IDs, authors, times): the room or the importing route does that.

export interface ImportedElement {
	/** TD's cell id; the shape id becomes `shape:<cellId>`, so the same file always maps the same way. */
	cellId: string
	kind: ElementKind
	/** The ID a Threatroom export wrote into the name ("Web shop API (P1)"), unique in the file; null otherwise. */
	humanId: string | null
	name: string
	description: string
	outOfScope: boolean
	reasonOutOfScope: string
	/** Our per-kind properties (see lib/dfd/shapes/*-props.ts and flowMeta.ts). */
	properties: DfdProperties
	bounds: Bounds
	/** Flows and line boundaries: start, bends, end. [] for boxes. */
	points: Point[]
	/** Flows: the cells the ends are bound to, null for a loose end. */
	sourceCellId: string | null
	targetCellId: string | null
}

export interface ImportedThreat {
	/** TD's threat id (or one derived from its cell when TD wrote none); the record id becomes `threat:<id>`. */
	id: string
	elementCellId: string
	/** The framework its categories belong to: its model type's when we know it, else the diagram's. */
	framework: FrameworkId
	/** Category ids of `framework`; [] when TD's type names none of them (a warning says so). */
	categories: string[]
	title: string
	description: string
	mitigation: string
	status: ThreatStatus
	severity: Severity
	likelihood: RiskLevel
	impact: RiskLevel
	/** TD's own values, written back on export while ours still mean the same. */
	source: ThreatSource
}

export interface ImportedDiagram {
	tdId: number | string
	name: string
	description: string
	/** TD's diagram type as written (STRIDE, CIA, Generic…). */
	diagramType: string
	/** Ours: the diagram type when it is one of our frameworks, else STRIDE. */
	framework: FrameworkId
	elements: ImportedElement[]
	threats: ImportedThreat[]
}

export interface ImportedModel {
	name: string
	description: string
	owner: string
	reviewer: string
	contributors: string[]
	/** `summary` values we have no field for (newer TD versions' release version and date…), kept to write back. */
	summaryExtras: SummaryExtras
	/** The session's framework: the first diagram's, STRIDE for a model without diagrams. */
	framework: FrameworkId
	diagrams: ImportedDiagram[]
}
