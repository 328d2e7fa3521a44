import type { JsonObject } from '@tldraw/utils'
import { z } from 'zod'
import {
	type DiagramSource,
	diagramSourceSchema,
	type SummaryExtras,
	summaryExtrasSchema,
	type ThreatSource,
	threatSourceSchema,
} from '@/lib/reports/sessionModel'

// What an imported Threat Dragon model leaves in the canvas so an export can write TD's own words
// back (docs/export-format.md, "Round trip"). Our records have no field for TD's originals and
// should not grow one for a single importer, so they live in tldraw's free `meta` JSON:
//
// - the document record:  meta.threatDragon = { contributors: string[], threats: { [threatId]: ThreatSource } }
// - each imported page:   meta.threatDragon = { id, diagramType }
//
// The room stores meta as it is and the exporter only trusts what these schemas accept, so a meta
// edited by hand (or by another tool) degrades to "not imported", never to a broken export.

export const TD_META_KEY = 'threatDragon'

const tdDocumentProvenanceSchema = z.object({
	contributors: z.array(z.string()).default([]),
	threats: z.record(z.string(), threatSourceSchema).default({}),
	/** The imported file's `summary` values we have no field for. */
	summary: summaryExtrasSchema.default({}),
})
export type TdDocumentProvenance = z.infer<typeof tdDocumentProvenanceSchema>

const pageProvenanceSchema = diagramSourceSchema.omit({ tool: true })

function underKey(meta: JsonObject): unknown {
	return Object.hasOwn(meta, TD_META_KEY) ? meta[TD_META_KEY] : undefined
}

export function documentProvenanceOf(meta: JsonObject): TdDocumentProvenance {
	const parsed = tdDocumentProvenanceSchema.safeParse(underKey(meta))
	return parsed.success ? parsed.data : { contributors: [], threats: {}, summary: {} }
}

export function diagramSourceOf(meta: JsonObject): DiagramSource | null {
	const parsed = pageProvenanceSchema.safeParse(underKey(meta))
	return parsed.success ? { tool: 'threat-dragon', ...parsed.data } : null
}

export function documentProvenanceMeta(contributors: readonly string[], threats: Record<string, ThreatSource>, summary: SummaryExtras = {}): JsonObject {
	return { [TD_META_KEY]: { contributors: [...contributors], threats: { ...threats }, summary: { ...summary } } }
}

export function pageProvenanceMeta(source: DiagramSource): JsonObject {
	return { [TD_META_KEY]: { id: source.id, diagramType: source.diagramType } }
}
