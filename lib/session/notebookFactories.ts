import type { TLShapeId } from '@tldraw/tlschema'
import { uniqueId } from '@tldraw/utils'
import type { Person } from '../protocol/customMessages'
import { ATTACK_NODE_TYPE, type AttackNodeId, type AttackNodeRecord } from './records/attackNodeRecord'
import { PARKED_QUESTION_TYPE, type ParkedQuestionId, type ParkedQuestionRecord, type ParkedResolution } from './records/parkedQuestionRecord'
import type { ThreatId } from './records/threatRecord'
import { WORKSHOP_NOTE_TYPE, type WorkshopNoteRecord, workshopNoteIdFor } from './records/workshopNoteRecord'

// The notebook records the panel writes. Stamped fields go out as placeholders on create (the
// room overwrites them); on update the writer names themself and the room's time, which the room
// checks (authorizeWorkshopNotebook.ts).

type NewId = () => string

/** A tree's goal: on a threat, or a model-level goal with `threatId` null. */
export function newAttackGoal(label: string, threatId: ThreatId | null, newId: NewId = uniqueId): AttackNodeRecord {
	return {
		id: `${ATTACK_NODE_TYPE}:${newId()}` as AttackNodeId,
		typeName: ATTACK_NODE_TYPE,
		ancestors: [],
		threatId,
		label,
		gate: 'or',
		linkedThreatId: null,
		order: 0,
		createdBy: '',
		createdByName: '',
		createdAt: 0,
	}
}

/** A new child under `parent`, last among its siblings. */
export function newAttackStep(parent: AttackNodeRecord, label: string, order: number, newId: NewId = uniqueId): AttackNodeRecord {
	return {
		...newAttackGoal(label, null, newId),
		ancestors: [...parent.ancestors, parent.id],
		order,
	}
}

/** Every node at or below `node`: what deleting it removes. */
export function attackSubtreeIds(node: AttackNodeRecord, all: readonly AttackNodeRecord[]): AttackNodeId[] {
	return [node.id, ...all.filter((other) => other.ancestors.includes(node.id)).map((other) => other.id)]
}

export function newParkedQuestion(question: string, shapeId: TLShapeId | null, newId: NewId = uniqueId): ParkedQuestionRecord {
	return {
		id: `${PARKED_QUESTION_TYPE}:${newId()}` as ParkedQuestionId,
		typeName: PARKED_QUESTION_TYPE,
		question: question.trim(),
		shapeId,
		askedBy: '',
		askedByName: '',
		askedAt: 0,
		resolution: null,
		resolvedTo: null,
		reason: '',
		resolvedBy: '',
		resolvedByName: '',
		resolvedAt: 0,
	}
}

export interface Resolution {
	resolution: ParkedResolution
	/** The scope item or threat it became; null when dismissed. */
	resolvedTo: string | null
	reason: string
}

export function resolvedQuestion(
	question: ParkedQuestionRecord,
	{ resolution, resolvedTo, reason }: Resolution,
	by: Person,
	now: number,
): ParkedQuestionRecord {
	return {
		...question,
		resolution,
		resolvedTo: resolution === 'dismissed' ? null : resolvedTo,
		reason: resolution === 'dismissed' ? reason.trim() : '',
		resolvedBy: by.userId,
		resolvedByName: by.name,
		resolvedAt: now,
	}
}

/** Back to parked: the facilitator's undo of a resolution. */
export function reopenedQuestion(question: ParkedQuestionRecord): ParkedQuestionRecord {
	return { ...question, resolution: null, resolvedTo: null, reason: '', resolvedBy: '', resolvedByName: '', resolvedAt: 0 }
}

/** The note of a target as saved by `by`: created on first save, else the record with the new text. */
export function savedNote(
	existing: WorkshopNoteRecord | undefined,
	shapeId: TLShapeId | null,
	fields: Pick<WorkshopNoteRecord, 'markdown' | 'includeInReport'>,
	by: Person,
	now: number,
): WorkshopNoteRecord {
	return {
		id: workshopNoteIdFor(shapeId),
		typeName: WORKSHOP_NOTE_TYPE,
		shapeId,
		...existing,
		...fields,
		updatedBy: by.userId,
		updatedByName: by.name,
		updatedAt: now,
	}
}
