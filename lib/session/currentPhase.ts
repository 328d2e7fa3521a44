import { compareSessionEvents } from './sessionEvents'
import { type Phase, PHASES, type PhaseEventRecord } from './records/walkRecords'

/** Before the facilitator moves anywhere, a workshop is agreeing its scope. */
export const INITIAL_PHASE: Phase = 'scope'

export interface CurrentPhase {
	phase: Phase
	/** The room's time the phase was entered; null before the first phase change. */
	startedAt: number | null
	/** Who moved the workshop there; null before the first phase change. */
	byName: string | null
}

/** The phase of the latest phase change (in the room's order), or the initial phase. */
export function currentPhase(events: readonly PhaseEventRecord[]): CurrentPhase {
	const latest = [...events].sort(compareSessionEvents).at(-1)
	if (!latest) return { phase: INITIAL_PHASE, startedAt: null, byName: null }
	return { phase: latest.phase, startedAt: latest.at, byName: latest.byName }
}

/** The phase after (1) or before (-1) `phase` on the agenda; null past either end. */
export function adjacentPhase(phase: Phase, direction: 1 | -1): Phase | null {
	return PHASES[PHASES.indexOf(phase) + direction] ?? null
}
