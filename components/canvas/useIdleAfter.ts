import { useEffect, useState } from 'react'

/** The longest wait for an idle moment: on a page that is never idle, what waits still comes. */
const IDLE_TIMEOUT_MS = 2_000

/**
 * True once `ready` has been true and the browser then had an idle moment: for work that must
 * not compete with what the user is waiting for (the canvas being drawn).
 */
export function useIdleAfter(ready: boolean): boolean {
	const [idle, setIdle] = useState(false)
	useEffect(() => {
		if (!ready || idle) return
		// Safari has no requestIdleCallback: the next task is the nearest it offers.
		if (typeof window.requestIdleCallback !== 'function') {
			const timer = window.setTimeout(() => setIdle(true), 0)
			return () => window.clearTimeout(timer)
		}
		const handle = window.requestIdleCallback(() => setIdle(true), { timeout: IDLE_TIMEOUT_MS })
		return () => window.cancelIdleCallback(handle)
	}, [ready, idle])
	return idle
}
