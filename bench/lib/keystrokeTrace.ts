import { z } from 'zod'

// Keystroke latency from a Chromium performance trace (CDP Tracing, category devtools.timeline):
// for each key typed, the time from the renderer starting to dispatch its keydown to the end of the
// next frame the main thread commits after the key's input event was handled — what a typist sees
// as "the letter appeared". Pure.

const traceEventSchema = z.looseObject({
	name: z.string(),
	ph: z.string(),
	/** Microseconds. */
	ts: z.number(),
	dur: z.number().optional(),
	pid: z.number(),
	tid: z.number(),
	args: z.looseObject({ data: z.looseObject({ type: z.string().optional() }).optional() }).optional(),
})
type TraceEvent = z.infer<typeof traceEventSchema>

/** The events Tracing.dataCollected delivers, as far as they are read here; others are dropped. */
export function traceEventsOf(raw: readonly unknown[]): TraceEvent[] {
	return raw.flatMap((event) => {
		const parsed = traceEventSchema.safeParse(event)
		return parsed.success ? [parsed.data] : []
	})
}

/** Main-thread events that end a frame: the commit to the compositor, or a paint where no commit is traced. */
const FRAME_EVENTS = ['Commit', 'Paint'] as const

export interface KeystrokeLatencies {
	/** One per keydown with a frame after it, ms. */
	latenciesMs: number[]
	/** Keydowns no frame followed within the trace. */
	unpainted: number
}

const end = (event: TraceEvent) => event.ts + (event.dur ?? 0)

function dispatchOf(event: TraceEvent, type: string): boolean {
	return event.name === 'EventDispatch' && event.ph === 'X' && event.args?.data?.type === type
}

export function keystrokeLatencies(events: readonly TraceEvent[]): KeystrokeLatencies {
	const sorted = [...events].sort((a, b) => a.ts - b.ts)
	const keydowns = sorted.filter((event) => dispatchOf(event, 'keydown'))
	const latenciesMs: number[] = []
	let unpainted = 0
	keydowns.forEach((keydown, i) => {
		const nextKey = keydowns[i + 1]?.ts ?? Number.POSITIVE_INFINITY
		const onThread = (event: TraceEvent) => event.pid === keydown.pid && event.tid === keydown.tid
		// The key's text reaches the page in its input event; a key without one (e.g. a shortcut) ends with its keydown.
		const input = sorted.find((event) => onThread(event) && dispatchOf(event, 'input') && event.ts >= keydown.ts && event.ts < nextKey)
		const handled = end(input ?? keydown)
		const frameEvent = FRAME_EVENTS.map((name) =>
			sorted.find((event) => onThread(event) && event.name === name && event.ph === 'X' && event.ts >= handled),
		).find((event) => event !== undefined)
		if (!frameEvent) {
			unpainted++
			return
		}
		latenciesMs.push((end(frameEvent) - keydown.ts) / 1000)
	})
	return { latenciesMs, unpainted }
}
