import { z } from 'zod'
import { HISTORY_ACTIONS } from '@/lib/session/records/historyEntryRecord'
import { ROLES } from '@/lib/sessionEnums'

// The change history in the exchange format (docs/export-format.md): what the room recorded, in
// the order it recorded it (lib/history). Separate from sessionModel.ts so the history's fields
// are read in one place.

const instant = z.iso.datetime()

const historyEntrySchema = z.object({
	/** 1, 2, 3…: the order the room took the changes in. */
	seq: z.number().int().positive(),
	/** `threat`, `scope-item`, `shape` (a DFD element), `mitigation`. */
	recordType: z.string().min(1),
	recordId: z.string().min(1),
	/** The record's human ID when it changed (T-007, P1, A2…). */
	recordHumanId: z.string(),
	action: z.enum(HISTORY_ACTIONS),
	/** The field's key for an update, '' otherwise; `fieldLabel` is how the reports name it. */
	field: z.string(),
	fieldLabel: z.string(),
	/** Rendered values, at most 300 characters; a longer one ends in " […]". */
	oldValue: z.string(),
	newValue: z.string(),
	byName: z.string(),
	byRole: z.enum(ROLES),
	/** The first edit of a coalesced burst, and its latest. */
	at: instant,
	lastAt: instant,
	edits: z.number().int().positive(),
})

export const historySchema = z.object({
	entries: z.array(historyEntrySchema),
	/** The session reached its cap (lib/history/historyLog.ts): later changes were not recorded. */
	stopped: z.boolean(),
})

export const EMPTY_HISTORY = { entries: [], stopped: false }

export type ModelHistoryEntry = z.infer<typeof historyEntrySchema>
export type ModelHistory = z.infer<typeof historySchema>
