import { z } from 'zod'
import { HISTORY_ACTIONS } from '@/lib/session/records/historyEntryRecord'
import { ROLES } from '@/lib/sessionEnums'

// The schema of a follow-up's "who changed what" (summariseHistory.ts builds it). Kept apart from
// the builder: the browser loads the builder through the views, and only zod/mini.

const historySummaryLineSchema = z.object({
	recordType: z.string().min(1),
	recordId: z.string().min(1),
	recordHumanId: z.string(),
	action: z.enum(HISTORY_ACTIONS),
	field: z.string(),
	fieldLabel: z.string(),
	/** The value before the first change, and after the last. */
	from: z.string(),
	to: z.string(),
	/** Everyone who changed it, in the order they first did. */
	byNames: z.array(z.string()),
	/** The writes behind the line (coalesced edits counted one by one). */
	edits: z.number().int().positive(),
	lastAt: z.iso.datetime(),
})

export const historySummarySchema = z.object({
	byPerson: z.array(z.object({ name: z.string(), role: z.enum(ROLES), changes: z.number().int().positive() })),
	lines: z.array(historySummaryLineSchema),
	/** The session's history reached its cap: later changes were not recorded. */
	stopped: z.boolean(),
})

export type HistorySummary = z.infer<typeof historySummarySchema>
export type HistorySummaryLine = z.infer<typeof historySummaryLineSchema>

export const EMPTY_HISTORY_SUMMARY: HistorySummary = { byPerson: [], lines: [], stopped: false }
