import { phaseEventRecord, timerEventRecord, walkWithMinutes } from '@/lib/session/recordFactories'
import type { Phase, TimerAction } from '@/lib/session/records/walkRecords'
import { serverNow } from '@/lib/session/serverClock'
import type { SessionValue } from '../SessionContext'
import { putSessionRecords } from '../sessionWrites'

/** How much one press of "+5" adds. */
const EXTEND_STEP_MS = 5 * 60_000

type Session = Pick<SessionValue, 'editor' | 'model' | 'serverOffsetMs'>

export function moveToPhase({ editor, serverOffsetMs }: Session, phase: Phase): void {
	putSessionRecords(editor, [phaseEventRecord(phase, serverNow(serverOffsetMs))])
}

export function runTimer({ editor, serverOffsetMs }: Session, phase: Phase, action: TimerAction): void {
	const amountMs = action === 'extend' ? EXTEND_STEP_MS : 0
	putSessionRecords(editor, [timerEventRecord(phase, action, serverNow(serverOffsetMs), { amountMs })])
}

export function setPhaseMinutes({ editor, model }: Session, phase: Phase, minutes: number): void {
	const walk = model.walk.get()
	if (walk.phaseMinutes[phase] === minutes) return
	putSessionRecords(editor, [walkWithMinutes(walk, phase, minutes)])
}
