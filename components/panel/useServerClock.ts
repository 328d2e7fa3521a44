'use client'

import { useEffect, useMemo, useState } from 'react'
import type { Editor } from 'tldraw'
import { type ClockSample, estimateServerOffset, serverNow } from '@/lib/session/serverClock'

const MAX_LIVE_SAMPLES = 20

/**
 * The room-minus-local offset: from the room's `clock` messages when it sent some, else from phase
 * and timer events stamped by the room as they arrive live. Records already in the store when the
 * editor mounted are history, not evidence of the clock, so only later remote arrivals count.
 */
export function useServerOffset(editor: Editor | null, clockMessages: readonly ClockSample[]): number {
	const [liveEvents, setLiveEvents] = useState<ClockSample[]>([])

	useEffect(() => {
		if (!editor) return
		return editor.store.listen(
			({ changes }) => {
				const receivedAt = Date.now()
				const samples: ClockSample[] = []
				for (const record of [...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)]) {
					if ((record.typeName === 'phase-event' || record.typeName === 'timer-event') && record.at > 0) {
						samples.push({ serverTime: record.at, receivedAt })
					}
				}
				if (samples.length > 0) setLiveEvents((current) => [...current, ...samples].slice(-MAX_LIVE_SAMPLES))
			},
			{ source: 'remote', scope: 'document' },
		)
	}, [editor])

	return useMemo(() => estimateServerOffset({ clockMessages, liveEvents }), [clockMessages, liveEvents])
}

/** The room's time, ticking: only the components that show a clock re-render with it. */
export function useServerNow(offsetMs: number, tickMs = 250): number {
	const [now, setNow] = useState(() => serverNow(offsetMs))
	useEffect(() => {
		setNow(serverNow(offsetMs))
		const timer = setInterval(() => setNow(serverNow(offsetMs)), tickMs)
		return () => clearInterval(timer)
	}, [offsetMs, tickMs])
	return now
}
