import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator, shapeIdValidator } from './recordIds'

/** The agenda of a one-hour workshop. */
export const PHASES = ['scope', 'diagram', 'analyse', 'decide'] as const
export type Phase = (typeof PHASES)[number]

export const PHASE_LABEL: Record<Phase, string> = {
	scope: 'Scope',
	diagram: 'Diagram',
	analyse: 'Analyse',
	decide: 'Decide',
}

export const DEFAULT_PHASE_MINUTES: Record<Phase, number> = { scope: 5, diagram: 15, analyse: 30, decide: 10 }
export const PHASE_MINUTES_MAX = 480

export const WALK_TYPE = 'walk'
export const WALK_ID = `${WALK_TYPE}:state` as RecordId<WalkRecord>

/** The one record of the walk's settings: the focused element and the agenda's durations. */
export interface WalkRecord extends BaseRecord<typeof WALK_TYPE, RecordId<WalkRecord>> {
	focusShapeId: TLShapeId | null
	phaseMinutes: Record<Phase, number>
}

export const PHASE_EVENT_TYPE = 'phase-event'
export const TIMER_EVENT_TYPE = 'timer-event'

/**
 * Phase changes and timer actions are append-only events stamped with the room's clock on
 * create: the room is the one authority on time, and the history lands in libSQL as is.
 */
export interface PhaseEventRecord extends BaseRecord<typeof PHASE_EVENT_TYPE, RecordId<PhaseEventRecord>> {
	phase: Phase
	at: number
	by: string
	byName: string
}

export const TIMER_ACTIONS = ['start', 'pause', 'extend', 'reset'] as const
export type TimerAction = (typeof TIMER_ACTIONS)[number]
const TIMER_EXTEND_MAX_MS = 60 * 60_000

export interface TimerEventRecord extends BaseRecord<typeof TIMER_EVENT_TYPE, RecordId<TimerEventRecord>> {
	phase: Phase
	action: TimerAction
	/** How much an 'extend' adds; 0 for the other actions. */
	amountMs: number
	at: number
	by: string
	byName: string
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[WALK_TYPE]: WalkRecord
		[PHASE_EVENT_TYPE]: PhaseEventRecord
		[TIMER_EVENT_TYPE]: TimerEventRecord
	}
}

const phaseValidator = T.literalEnum(...PHASES)
const minutesValidator = T.integer.check((value) => {
	if (value < 1 || value > PHASE_MINUTES_MAX) throw new T.ValidationError(`Expected 1 to ${PHASE_MINUTES_MAX} minutes`)
})

export const walkRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<WalkRecord>({
		id: T.literal(WALK_ID),
		typeName: T.literal(WALK_TYPE),
		focusShapeId: shapeIdValidator.nullable(),
		phaseMinutes: T.object({
			scope: minutesValidator,
			diagram: minutesValidator,
			analyse: minutesValidator,
			decide: minutesValidator,
		}),
	}),
}

const stampValidators = { at: timestampValidator, by: boundedString(64), byName: boundedString(64) }

export const phaseEventRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<PhaseEventRecord>({
		id: recordIdValidator<RecordId<PhaseEventRecord>>(PHASE_EVENT_TYPE),
		typeName: T.literal(PHASE_EVENT_TYPE),
		phase: phaseValidator,
		...stampValidators,
	}),
}

export const timerEventRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<TimerEventRecord>({
		id: recordIdValidator<RecordId<TimerEventRecord>>(TIMER_EVENT_TYPE),
		typeName: T.literal(TIMER_EVENT_TYPE),
		phase: phaseValidator,
		action: T.literalEnum(...TIMER_ACTIONS),
		amountMs: T.integer.check((value) => {
			if (value < 0 || value > TIMER_EXTEND_MAX_MS) throw new T.ValidationError('Expected an extension of at most an hour')
		}),
		...stampValidators,
	}),
}
