import { z } from 'zod'
import { ATTACK_GATES } from '@/lib/session/records/attackNodeRecord'
import { PARKED_RESOLUTIONS } from '@/lib/session/records/parkedQuestionRecord'

// The workshop's notebook in the exchange format (docs/export-format.md): attack trees, the
// "What if…?" parking lot and the Markdown notes. Every list defaults to empty, so a file written
// before they existed still reads.

const instant = z.iso.datetime()

/** A threat named by the notebook: id and T-number, so a reader can find it in `threats`. */
const notebookThreatRefSchema = z.object({ id: z.string().min(1), humanId: z.string(), title: z.string() })

const attackTreeNodeSchema = z.object({
	id: z.string().min(1),
	/** null for the goal. */
	parentId: z.string().min(1).nullable(),
	/** 0 for the goal. */
	depth: z.number().int().nonnegative(),
	label: z.string(),
	/** How the node's children combine: all of them (`and`) or any one (`or`); meaningless on a leaf. */
	gate: z.enum(ATTACK_GATES),
	isLeaf: z.boolean(),
	/** A leaf's linked threat; null when none, or when it is not in this export. */
	linkedThreat: notebookThreatRefSchema.nullable(),
})

export const attackTreeSchema = z.object({
	id: z.string().min(1),
	goal: z.string(),
	/** The threat the tree elaborates; null for a model-level goal. */
	threat: notebookThreatRefSchema.nullable(),
	createdByName: z.string(),
	createdAt: instant,
	/** Depth first, siblings in order; the first is the goal. */
	nodes: z.array(attackTreeNodeSchema),
})

export const parkedQuestionSchema = z.object({
	id: z.string().min(1),
	question: z.string(),
	/** The element in focus when it was parked. */
	elementShapeId: z.string().min(1).nullable(),
	elementHumanId: z.string().nullable(),
	askedByName: z.string(),
	askedAt: instant,
	/** `parked` while open. */
	status: z.enum(['parked', ...PARKED_RESOLUTIONS]),
	/** What it became: a scope item (assumption, out of scope) or a threat; null while parked or dismissed. */
	resolvedTo: z.object({ kind: z.enum(['scopeItem', 'threat']), id: z.string().min(1), humanId: z.string(), title: z.string() }).nullable(),
	/** Why it was dismissed; '' otherwise. */
	reason: z.string(),
	resolvedByName: z.string(),
	resolvedAt: instant.nullable(),
})

export const workshopNoteSchema = z.object({
	/** null for the session's notes. */
	elementShapeId: z.string().min(1).nullable(),
	elementHumanId: z.string().nullable(),
	elementName: z.string().nullable(),
	/** As written: Markdown, Mermaid fences included. */
	markdown: z.string(),
	includeInReport: z.boolean(),
	updatedByName: z.string(),
	updatedAt: instant,
})

export type ModelAttackTree = z.infer<typeof attackTreeSchema>
export type ModelAttackTreeNode = z.infer<typeof attackTreeNodeSchema>
export type ModelParkedQuestion = z.infer<typeof parkedQuestionSchema>
export type ModelWorkshopNote = z.infer<typeof workshopNoteSchema>
