import { z } from 'zod'

// The raw results of the benchmarks (bench/results/full.json, committed): what BENCHMARKS.md is
// rendered from. One section per measurement, each saying where its figures come from (commit,
// working tree, date, Node, how busy the machine was), so sections of different runs can sit
// side by side after `npm run bench -- --only=…`.

/**
 * One figure over repetitions. A run records its samples (one value per repetition, e.g. each
 * repetition's p95); figures transcribed from an older BENCHMARKS.md only have what it printed,
 * the median with min–max over `n` repetitions, rounded as printed.
 */
const figureSchema = z.union([
	z.strictObject({ samples: z.array(z.number()) }),
	z.strictObject({ median: z.number(), min: z.number(), max: z.number(), n: z.int().nonnegative() }),
])
export type Figure = z.infer<typeof figureSchema>

/** Where a section's figures come from. */
export const provenanceSchema = z.strictObject({
	/** Full sha of HEAD when measured, or why it is unknown. */
	commit: z.string().min(1),
	/** Whether the working tree differed from the commit (the bench measures it as it is); null: unknown. */
	dirty: z.boolean().nullable(),
	/** When the run that measured it started (ISO); only the day where no more was recorded. */
	measuredAt: z.union([z.iso.datetime(), z.iso.date()]),
	node: z.string().min(1),
	/** CPU share (all cores = 100) other processes used while it was measured: mean, and max over 5 s. */
	otherBusyPct: z.number().nullable(),
	otherBusyMaxPct: z.number().nullable(),
	/** Present when the figures were copied from a document rather than written by a run: from what. */
	transcribedFrom: z.string().optional(),
})
export type Provenance = z.infer<typeof provenanceSchema>

/**
 * Ratios as the run that measured them printed them, for sections whose figures are summaries:
 * a ratio of two rounded medians is not the ratio that was measured. Sections with samples derive
 * every ratio from them.
 */
const recordedRatios = z.record(z.string(), z.number()).optional()

const health = { missing: z.int().nonnegative(), drops: z.int().nonnegative(), errors: z.int().nonnegative() }

const canvasSectionSchema = z.strictObject({
	provenance: provenanceSchema,
	reps: z.int().positive(),
	setup: z.strictObject({ seedElements: z.int(), edits: z.int(), warmup: z.int(), gapMs: z.tuple([z.number(), z.number()]) }),
	rows: z.array(
		z.strictObject({
			n: z.int().positive(),
			engine: z.enum(['ours', 'bare']),
			p50: figureSchema,
			p95: figureSchema,
			max: figureSchema,
			joinMs: figureSchema,
			...health,
			/** The bench process over the timed edits (bench/lib/harnessLoad.ts); absent in runs before it was measured. */
			harnessCpuPct: figureSchema.optional(),
			harnessLoopDelayP95Ms: figureSchema.optional(),
		}),
	),
	recordedRatios,
})
export type CanvasSection = z.infer<typeof canvasSectionSchema>

export const PANEL_ENGINES = ['ours', 'bare', 'relay'] as const
export type PanelEngine = (typeof PANEL_ENGINES)[number]
const panelSectionSchema = z.strictObject({
	provenance: provenanceSchema,
	reps: z.int().positive(),
	setup: z.strictObject({ events: z.int(), warmup: z.int() }),
	rows: z.array(
		z.strictObject({
			n: z.int().positive(),
			engine: z.enum(PANEL_ENGINES),
			p50: figureSchema,
			p95: figureSchema,
			max: figureSchema,
			/** p95 per event kind. */
			byKind: z.strictObject({ threat: figureSchema, vote: figureSchema, phase: figureSchema }),
			...health,
		}),
	),
	recordedRatios,
})
export type PanelSection = z.infer<typeof panelSectionSchema>

export const JOIN_PAGES = ['ours', 'bareSync', 'bareLocal'] as const
export type JoinPage = (typeof JOIN_PAGES)[number]
const joinPageSchema = z.strictObject({
	/** The name form submitted (the session page only). */
	submittedMs: figureSchema.nullable(),
	drawnMs: figureSchema,
	drawnToClickMs: figureSchema,
	clickToSelectedMs: figureSchema,
	selectedMs: figureSchema,
	interactiveMs: figureSchema,
	jsFiles: figureSchema,
	jsEncodedBytes: figureSchema,
	jsDecodedBytes: figureSchema,
	jsTransferBytes: figureSchema,
	/** JS requested after the canvas was drawn (lazy panels), gzip; absent in runs before it was measured. */
	jsAfterDrawnEncodedBytes: figureSchema.optional(),
	cssEncodedBytes: figureSchema,
	cssDecodedBytes: figureSchema,
	/** The page's largest scripts on its first load, largest first. */
	largestScripts: z.array(z.strictObject({ encodedBytes: z.number(), decodedBytes: z.number() })),
})
export type JoinPageFigures = z.infer<typeof joinPageSchema>
const joinSectionSchema = z.strictObject({
	provenance: provenanceSchema,
	reps: z.int().positive(),
	setup: z.strictObject({ elements: z.int(), warmupLoads: z.int() }),
	chromium: z.string().nullable(),
	pages: z.strictObject({ ours: joinPageSchema, bareSync: joinPageSchema, bareLocal: joinPageSchema }),
	recordedRatios,
})
export type JoinSection = z.infer<typeof joinSectionSchema>

const memorySectionSchema = z.strictObject({
	provenance: provenanceSchema,
	setup: z.strictObject({
		elements: z.int(),
		samplesPerLevel: z.int(),
		settleMs: z.number(),
		freshParty: z.boolean(),
		soakEditEveryMs: z.number(),
		soakSampleEveryMs: z.number(),
	}),
	idleWorkerdMb: z.number(),
	idleTreeMb: z.number(),
	levels: z.array(z.strictObject({ clients: z.int().positive(), workerdMb: figureSchema, treeMb: figureSchema })),
	soak: z.strictObject({
		clients: z.int(),
		seconds: z.number(),
		edits: z.int(),
		/** RSS over the soak; the process tree's is null where only its first and last were recorded. */
		samples: z.array(z.strictObject({ minute: z.number(), workerdMb: z.number(), treeMb: z.number().nullable() })),
		/** Least-squares slopes, MB/min: after the first 10 % (tree, workerd), workerd over the second half. */
		treeSlopeMbPerMin: z.number(),
		workerdSlopeMbPerMin: z.number(),
		workerdSecondHalfSlopeMbPerMin: z.number(),
		errors: z.int().nonnegative(),
		drops: z.int().nonnegative(),
	}),
	processesAtEnd: z.array(z.strictObject({ command: z.string(), rssMb: z.number() })),
})
export type MemorySection = z.infer<typeof memorySectionSchema>

const persistenceSectionSchema = z.strictObject({
	provenance: provenanceSchema,
	reps: z.int().positive(),
	save: z.strictObject({
		threats: z.int(),
		elements: z.int(),
		bodyBytes: z.number(),
		httpMs: figureSchema,
		directMs: figureSchema,
		extractRecordsMs: figureSchema,
		jsonParseMs: figureSchema,
		bodySchemaMs: figureSchema,
		rawMs: figureSchema,
	}),
	load: z.strictObject({
		elements: z.int(),
		threats: z.int(),
		snapshotBytes: z.number(),
		getCanvasMs: figureSchema,
		coldJoinMs: figureSchema,
		warmJoinMs: figureSchema,
	}),
	recordedRatios,
})
export type PersistenceSection = z.infer<typeof persistenceSectionSchema>

export const REPORT_FORMATS = ['markdown', 'csv', 'json', 'threatDragon'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
const reportFormatSchema = z.strictObject({
	totalMs: figureSchema,
	formatMs: figureSchema,
	outputBytes: z.number(),
	/** GET /api/sessions/:id/export; null when the route did not answer this format. */
	route: z.strictObject({ ms: figureSchema, bytes: z.number() }).nullable(),
})
const reportsSectionSchema = z.strictObject({
	provenance: provenanceSchema,
	reps: z.int().positive(),
	threats: z.int(),
	modelMs: figureSchema,
	formats: z.strictObject({ markdown: reportFormatSchema, csv: reportFormatSchema, json: reportFormatSchema, threatDragon: reportFormatSchema }),
	routeNote: z.string(),
})
export type ReportsSection = z.infer<typeof reportsSectionSchema>

const perProcess = z.strictObject({ next: z.number(), workerd: z.number(), harness: z.number() })
/** A latency over a level's edits or requests; null when there were none. */
const ms = z.number().nullable()
const roomsSectionSchema = z.strictObject({
	provenance: provenanceSchema,
	setup: z.strictObject({
		clientsPerRoom: z.int().positive(),
		seconds: z.number(),
		editGapMs: z.tuple([z.number(), z.number()]),
		requestEveryMs: z.number(),
		/** The machine's cores: the whole machine saturates at 100 % of them all. */
		cpus: z.int().positive(),
	}),
	levels: z.array(
		z.strictObject({
			rooms: z.int().positive(),
			clients: z.int().positive(),
			edits: z.int().nonnegative(),
			p50: ms,
			p95: ms,
			p99: ms,
			max: ms,
			...health,
			requests: z.int().nonnegative(),
			failedRequests: z.int().nonnegative(),
			/** p95 per facilitator request kind (bench/lib/facilitatorRequests.ts). */
			requestP95Ms: z.strictObject({ md: ms, csv: ms, json: ms, session: ms }),
			/** % of one core per process over the level's window. */
			cpuPct: perProcess,
			/** % of the whole machine (all cores = 100). */
			machinePct: z.number(),
			rssMb: perProcess,
		}),
	),
})
export type RoomsSection = z.infer<typeof roomsSectionSchema>
/** 9. Big models: the big session against the 50-element one, its exports, typing in its panel. */
const bigModelSectionSchema = z.strictObject({
	provenance: provenanceSchema,
	reps: z.int().positive(),
	setup: z.strictObject({
		elements: z.int(),
		boundaries: z.int(),
		threats: z.int(),
		votes: z.int(),
		baseElements: z.int(),
		keystrokes: z.int(),
		keyGapMs: z.number(),
	}),
	chromium: z.string().nullable(),
	join: z.strictObject({
		big: z.strictObject({ interactiveMs: figureSchema, drawnMs: figureSchema }),
		base: z.strictObject({ interactiveMs: figureSchema, drawnMs: figureSchema }),
	}),
	/** GET /api/sessions/:id/export per format (the route's `format` values), end to end. */
	exports: z.record(z.string(), z.strictObject({ ms: figureSchema, bytes: z.number() })),
	/** Key to next frame, each repetition's p50/p95/max over its keystrokes. */
	typing: z.strictObject({ p50: figureSchema, p95: figureSchema, max: figureSchema, keystrokes: z.int(), unpainted: z.int() }),
})
export type BigModelSection = z.infer<typeof bigModelSectionSchema>

/** What one run knew of its machine; transcribed runs hold what the document said. */
const runSchema = z.strictObject({
	startedAt: z.iso.datetime(),
	cpus: z.int().positive(),
	cpuModel: z.string(),
	memoryGiB: z.number(),
	memoryAvailableGiB: z.number(),
	os: z.string(),
	node: z.string(),
	versions: z.record(z.string(), z.string()),
	commit: z.string().min(1),
	dirty: z.boolean().nullable(),
	loadavgAtStart: z.tuple([z.number(), z.number(), z.number()]),
	load: z
		.strictObject({
			machineBusyPct: z.number(),
			benchBusyPct: z.number(),
			otherBusyPct: z.number(),
			otherBusyMaxPct: z.number(),
			loadavgMax: z.number(),
			loadavgAtEnd: z.tuple([z.number(), z.number(), z.number()]),
		})
		.nullable(),
	/** `next build` wall time of each app; null when an up-to-date build was reused. */
	builds: z.strictObject({ appMs: z.number().nullable(), bareMs: z.number().nullable() }),
	durationMs: z.number(),
	errors: z.array(z.strictObject({ module: z.string(), message: z.string() })),
	warnings: z.array(z.string()),
	transcribedFrom: z.string().optional(),
})
export type BenchRun = z.infer<typeof runSchema>

export const BENCH_MODULES = ['canvas', 'panel', 'join', 'persistence', 'reports', 'rooms', 'bigModel', 'memory'] as const
export type BenchModule = (typeof BENCH_MODULES)[number]

export const benchResultsSchema = z.strictObject({
	format: z.literal('threatroom-bench-results'),
	version: z.literal(1),
	mode: z.enum(['full', 'smoke']),
	/** The last run that wrote this file: machine, load, errors. */
	run: runSchema,
	sections: z.strictObject({
		canvas: canvasSectionSchema.nullable(),
		panel: panelSectionSchema.nullable(),
		join: joinSectionSchema.nullable(),
		persistence: persistenceSectionSchema.nullable(),
		reports: reportsSectionSchema.nullable(),
		memory: memorySectionSchema.nullable(),
		/** Absent in results written before many rooms were measured. */
		rooms: roomsSectionSchema.nullish(),
		/** Absent from results written before the module existed. */
		bigModel: bigModelSectionSchema.nullish(),
	}),
})
export type BenchResultsFile = z.infer<typeof benchResultsSchema>
export type BenchSections = BenchResultsFile['sections']
