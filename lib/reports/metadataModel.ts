import { z } from 'zod'
import { REVIEW_STATUSES } from '@/lib/session/records/reviewEventRecord'

// Key=value metadata and the review status in the exchange format (docs/export-format.md). Both
// default, so a file written before they existed still reads.

const instant = z.iso.datetime()

const METADATA_TARGET_KINDS = ['session', 'element', 'threat'] as const

/** One key=value entry and what it describes, with the ID a reader sees in the report. */
export const metadataEntrySchema = z.object({
	targetKind: z.enum(METADATA_TARGET_KINDS),
	/** The element's shape id or the threat's id; null for the session. */
	targetId: z.string().min(1).nullable(),
	/** The element's or threat's human ID as exported (composed with a project prefix); null for the session. */
	targetHumanId: z.string().nullable(),
	key: z.string(),
	value: z.string(),
})

/** Where the model stands in its review, set by the facilitator. */
export const reviewSchema = z.object({
	status: z.enum(REVIEW_STATUSES),
	/** Who set it and when; null while it is 'notStarted' and was never set. */
	setByName: z.string().nullable(),
	setAt: instant.nullable(),
	/** Every change, oldest first. */
	history: z.array(z.object({ status: z.enum(REVIEW_STATUSES), setByName: z.string(), setAt: instant })),
})

export const NOT_REVIEWED: z.infer<typeof reviewSchema> = { status: 'notStarted', setByName: null, setAt: null, history: [] }

export type ModelMetadataEntry = z.infer<typeof metadataEntrySchema>
export type ModelReview = z.infer<typeof reviewSchema>
