'use client'

import { lazy, Suspense } from 'react'

// The panel (agenda, tabs, analysis views) is a large share of the session's JS and nothing in it
// is needed to see the diagram: it loads once the canvas is drawn (BENCHMARKS.md, section 4).
const SessionSidebar = lazy(() => import('@/components/panel/SessionSidebar').then((module) => ({ default: module.SessionSidebar })))

/** The session panel once `load` is true; until it is there, an empty panel of its size, so the canvas does not resize. */
export function LazySessionSidebar({ load }: { load: boolean }) {
	const placeholder = <div className="tr-sidebar-placeholder" aria-hidden="true" />
	if (!load) return placeholder
	return (
		<Suspense fallback={placeholder}>
			<SessionSidebar />
		</Suspense>
	)
}
