// What a run measures and how often. `--smoke` is for CI: every module runs end to end with N = 5
// and one repetition, the memory soak is short and no target is judged, within 90 s.

export interface BenchConfig {
	mode: 'full' | 'smoke'
	/** Repetitions of every figure (the report shows their median with min–max). */
	reps: number
	propagation: {
		ns: number[]
		/** Timed edits per repetition, after `warmup` untimed ones. */
		edits: number
		warmup: number
		/** Bound on one edit reaching every client; past it the edit counts as missing. */
		editTimeoutMs: number
		/** Pause between edits, drawn uniformly from [min, max], so edits do not lock onto the 30 fps throttle. */
		gapMs: [number, number]
		/** Boxes on the canvas before the first edit. */
		seedElements: number
	}
	panel: { ns: number[]; events: number; warmup: number; eventTimeoutMs: number; gapMs: [number, number] }
	join: { elements: number; warmupLoads: number; loadTimeoutMs: number }
	memory: {
		ns: number[]
		elements: number
		/** Samples per level, 1 s apart, after `settleMs`. */
		samplesPerLevel: number
		settleMs: number
		soakClients: number
		soakSeconds: number
		soakSampleEveryMs: number
		/** One edit every this many ms during the soak. */
		soakEditEveryMs: number
		/** Start the party afresh before measuring (every earlier room unloaded). */
		freshParty: boolean
	}
	/** Many rooms at once (issue 13 item 4): `levels` rooms of `clientsPerRoom`, each level for `seconds`. */
	rooms: {
		levels: number[]
		clientsPerRoom: number
		seconds: number
		/** Pause between a room's edits, drawn uniformly from [min, max]. */
		editGapMs: [number, number]
		editTimeoutMs: number
		/** One facilitator request (an export or the session) per room this often. */
		requestEveryMs: number
		seedElements: number
	}
	persistence: { saveThreats: number; saveElements: number; loadElements: number; loadThreats: number }
	reports: { threats: number }
	/** 9. Big models: the big session (`size`) against the join's small one (`baseElements`). */
	bigModel: {
		size: { elements: number; boundaries: number; threats: number; votesPerThreat: number }
		baseElements: number
		/** Characters typed into a threat's title per repetition, one every `keyGapMs`. */
		keystrokes: number
		keyGapMs: number
		loadTimeoutMs: number
	}
	/** Apply the targets (full runs only). */
	judge: boolean
}

export function benchConfig(smoke: boolean, overrides: { reps?: number; soakSeconds?: number } = {}): BenchConfig {
	const reps = overrides.reps ?? (smoke ? 1 : 3)
	if (smoke) {
		return {
			mode: 'smoke',
			reps,
			propagation: { ns: [5], edits: 10, warmup: 2, editTimeoutMs: 10_000, gapMs: [20, 60], seedElements: 10 },
			panel: { ns: [5], events: 9, warmup: 3, eventTimeoutMs: 10_000, gapMs: [20, 60] },
			join: { elements: 50, warmupLoads: 0, loadTimeoutMs: 30_000 },
			memory: {
				ns: [1, 5],
				elements: 200,
				samplesPerLevel: 1,
				settleMs: 500,
				soakClients: 5,
				soakSeconds: overrides.soakSeconds ?? 8,
				soakSampleEveryMs: 1_000,
				soakEditEveryMs: 250,
				freshParty: false,
			},
			rooms: { levels: [1, 2], clientsPerRoom: 3, seconds: 5, editGapMs: [1_000, 2_000], editTimeoutMs: 10_000, requestEveryMs: 5_000, seedElements: 5 },
			persistence: { saveThreats: 1_000, saveElements: 10, loadElements: 200, loadThreats: 500 },
			reports: { threats: 500 },
			bigModel: { size: { elements: 30, boundaries: 2, threats: 40, votesPerThreat: 2 }, baseElements: 10, keystrokes: 5, keyGapMs: 50, loadTimeoutMs: 30_000 },
			judge: false,
		}
	}
	return {
		mode: 'full',
		reps,
		propagation: { ns: [10, 50, 100, 200], edits: 60, warmup: 6, editTimeoutMs: 10_000, gapMs: [30, 120], seedElements: 20 },
		panel: { ns: [10, 50, 100], events: 60, warmup: 6, eventTimeoutMs: 10_000, gapMs: [30, 120] },
		join: { elements: 50, warmupLoads: 1, loadTimeoutMs: 60_000 },
		memory: {
			ns: [1, 10, 50, 100, 200],
			elements: 200,
			samplesPerLevel: 3,
			settleMs: 5_000,
			soakClients: 100,
			soakSeconds: overrides.soakSeconds ?? 300,
			soakSampleEveryMs: 5_000,
			soakEditEveryMs: 250,
			freshParty: true,
		},
		rooms: {
			levels: [1, 10, 25, 50, 100],
			clientsPerRoom: 10,
			seconds: 30,
			editGapMs: [1_000, 2_000],
			editTimeoutMs: 10_000,
			requestEveryMs: 5_000,
			seedElements: 10,
		},
		persistence: { saveThreats: 1_000, saveElements: 10, loadElements: 200, loadThreats: 500 },
		reports: { threats: 500 },
		bigModel: {
			size: { elements: 300, boundaries: 10, threats: 2_000, votesPerThreat: 2 },
			baseElements: 50,
			keystrokes: 30,
			keyGapMs: 120,
			loadTimeoutMs: 120_000,
		},
		judge: true,
	}
}
