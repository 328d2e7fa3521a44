import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { idBody, recordIdValidator, shapeIdValidator } from './recordIds'

export const WORKSHOP_NOTE_TYPE = 'workshop-note'
export const WORKSHOP_NOTE_MAX = 20_000

export type WorkshopNoteId = RecordId<WorkshopNoteRecord>

/**
 * Markdown notes (Mermaid blocks allowed) on the session or on one DFD element: one record per
 * target, so two people starting the same note write one record (the last save wins).
 */
export interface WorkshopNoteRecord extends BaseRecord<typeof WORKSHOP_NOTE_TYPE, WorkshopNoteId> {
	/** The element the note is about; null for the session's own notes. */
	shapeId: TLShapeId | null
	markdown: string
	includeInReport: boolean
	updatedBy: string
	updatedByName: string
	updatedAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[WORKSHOP_NOTE_TYPE]: WorkshopNoteRecord
	}
}

/** The one note of a target: `workshop-note:session` or `workshop-note:<shape id body>`. */
export function workshopNoteIdFor(shapeId: TLShapeId | null): WorkshopNoteId {
	return `${WORKSHOP_NOTE_TYPE}:${shapeId === null ? 'session' : `shape~${idBody(shapeId)}`}` as WorkshopNoteId
}

export const workshopNoteRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<WorkshopNoteRecord>({
		id: recordIdValidator<WorkshopNoteId>(WORKSHOP_NOTE_TYPE),
		typeName: T.literal(WORKSHOP_NOTE_TYPE),
		shapeId: shapeIdValidator.nullable(),
		markdown: boundedString(WORKSHOP_NOTE_MAX),
		includeInReport: T.boolean,
		updatedBy: boundedString(64),
		updatedByName: boundedString(64),
		updatedAt: timestampValidator,
	}),
}
