import type { PhaseEventRecord, TimerEventRecord } from './records/walkRecords'

/** A phase change or a timer action: the append-only history the agenda is folded from. */
export type SessionEvent = PhaseEventRecord | TimerEventRecord

/**
 * The order the agenda replays events in: by the room's stamp, then phase changes before timer
 * actions stamped in the same millisecond (a timer action names the phase it is for, so it must
 * see the change first), then by id, so every client folds the same history the same way.
 */
export function compareSessionEvents(a: SessionEvent, b: SessionEvent): number {
	if (a.at !== b.at) return a.at - b.at
	if (a.typeName !== b.typeName) return a.typeName === 'phase-event' ? -1 : 1
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
