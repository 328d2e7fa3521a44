import { useEffect, useState } from 'react'

/**
 * What `load` resolves to, once `when` has been true: for a module the page can do without at
 * first (a dynamic import). `load` must be stable (module level), or it loads again.
 */
export function useLoadedWhen<T>(when: boolean, load: () => Promise<T>): T | null {
	const [loaded, setLoaded] = useState<{ value: T } | null>(null)
	useEffect(() => {
		if (!when || loaded) return
		let current = true
		void load().then((value) => {
			if (current) setLoaded({ value })
		})
		return () => {
			current = false
		}
	}, [when, load, loaded])
	return loaded?.value ?? null
}
