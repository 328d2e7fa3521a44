import type { BenchConfig } from '../config'
import type { BigModelResult } from '../measure/bigModel'
import { distribution } from '../stats'
import { sampled } from './figures'
import type { BigModelSection, Provenance } from './schema'

// The big-model run as its section of the raw results: one sample per repetition (each typing
// repetition's p50/p95/max over its keystrokes), so the report derives medians and ratios itself.

export function bigModelSection(result: BigModelResult, config: BenchConfig, provenance: Provenance): BigModelSection {
	const page = (loads: BigModelResult['join']['big']) => ({
		interactiveMs: sampled(loads.map((load) => load.interactiveMs)),
		drawnMs: sampled(loads.map((load) => load.drawnMs)),
	})
	const typing = result.typing.map((run) => distribution(run.latenciesMs))
	return {
		provenance,
		reps: config.reps,
		setup: {
			elements: result.size.elements,
			boundaries: result.size.boundaries,
			threats: result.size.threats,
			votes: result.size.threats * result.size.votesPerThreat,
			baseElements: result.baseElements,
			keystrokes: config.bigModel.keystrokes,
			keyGapMs: config.bigModel.keyGapMs,
		},
		chromium: result.chromium,
		join: { big: page(result.join.big), base: page(result.join.base) },
		exports: Object.fromEntries(Object.entries(result.exports).map(([format, { ms, bytes }]) => [format, { ms: sampled(ms), bytes }])),
		typing: {
			p50: sampled(typing.map((run) => run.p50)),
			p95: sampled(typing.map((run) => run.p95)),
			max: sampled(typing.map((run) => run.max)),
			keystrokes: result.typing.reduce((sum, run) => sum + run.latenciesMs.length, 0),
			unpainted: result.typing.reduce((sum, run) => sum + run.unpainted, 0),
		},
	}
}
