import { z } from 'zod'
import { provenanceSchema } from './schema'

// The raw results of `npm run soak` (bench/results/soak.json, committed): what docs/security.md's
// soak figures are generated from (`npm run docs:security`). Per minute of the soak; a value the
// run did not record (a soak transcribed from the document that described it) is null.

const nullableMs = z.number().nullable()

const soakMinuteSchema = z.strictObject({
	minute: z.int().positive(),
	/** Timed edits in this minute; of them, how many did not reach every other client in time. */
	edits: z.int().nonnegative().nullable(),
	missing: z.int().nonnegative().nullable(),
	p50Ms: nullableMs,
	p95Ms: nullableMs,
	maxMs: nullableMs,
	/** Median RSS over the minute: workerd (the rooms' runtime), the party's whole process tree. */
	workerdMb: z.number().nullable(),
	treeMb: z.number().nullable(),
})

/** One of the room's once-a-minute write-ahead reports (party/durability.ts), parsed. */
const writeAheadReportSchema = z.strictObject({
	writes: z.int().nonnegative(),
	p50Ms: z.number(),
	p95Ms: z.number(),
	maxMs: z.number(),
	heldP50Ms: z.number().nullable(),
	heldP95Ms: z.number().nullable(),
	heldMaxMs: z.number().nullable(),
})
export type WriteAheadReport = z.infer<typeof writeAheadReportSchema>

export const soakResultsSchema = z.strictObject({
	format: z.literal('threatroom-soak-results'),
	version: z.literal(1),
	provenance: provenanceSchema,
	clients: z.int().positive(),
	minutes: z.number().positive(),
	edits: z.int().nonnegative(),
	/** Edits that did not reach every other client within the timeout. */
	missing: z.int().nonnegative(),
	connectedAtEnd: z.int().nonnegative(),
	drops: z.int().nonnegative(),
	syncErrors: z.int().nonnegative(),
	perMinute: z.array(soakMinuteSchema),
	writeAhead: z.array(writeAheadReportSchema),
	/**
	 * Figures the transcribed document gave only as summaries (no per-minute or per-report values):
	 * the largest propagation time of any minute, and the write-ahead reports' typical values.
	 */
	recorded: z
		.strictObject({
			maxMsOverMinutes: z.number().optional(),
			writeAhead: z
				.strictObject({ writesPerMinute: z.number(), p50Ms: z.number(), p95Ms: z.number(), maxMs: z.number(), heldP50Ms: z.number(), heldP95Ms: z.number() })
				.optional(),
		})
		.optional(),
})
export type SoakResults = z.infer<typeof soakResultsSchema>
