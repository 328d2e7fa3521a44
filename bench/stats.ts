// Statistics of the benchmarks: percentiles of one batch of samples, and the median with min–max
// over repetitions that BENCHMARKS.md reports for every figure. Pure, no I/O.

/**
 * The p-th percentile (0–100) of `samples` by linear interpolation between closest ranks
 * (the "R-7" definition of spreadsheets and NumPy's default). NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
	if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`)
	if (samples.length === 0) return Number.NaN
	const sorted = [...samples].sort((a, b) => a - b)
	const rank = (p / 100) * (sorted.length - 1)
	const lower = Math.floor(rank)
	const upper = Math.ceil(rank)
	const low = sorted[lower] as number
	const high = sorted[upper] as number
	return low + (high - low) * (rank - lower)
}

export function median(samples: readonly number[]): number {
	return percentile(samples, 50)
}

export interface Distribution {
	count: number
	p50: number
	p95: number
	max: number
	min: number
	mean: number
}

/** p50, p95 and the extremes of one batch (e.g. the propagation times of one repetition's edits). */
export function distribution(samples: readonly number[]): Distribution {
	if (samples.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, max: Number.NaN, min: Number.NaN, mean: Number.NaN }
	let min = Number.POSITIVE_INFINITY
	let max = Number.NEGATIVE_INFINITY
	let sum = 0
	for (const sample of samples) {
		if (sample < min) min = sample
		if (sample > max) max = sample
		sum += sample
	}
	return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max, min, mean: sum / samples.length }
}

/** One figure over its repetitions: what the table shows as "median (min–max)". */
export interface Summary {
	median: number
	min: number
	max: number
	/** How many repetitions it summarises. */
	n: number
	values: number[]
}

export function summarize(values: readonly number[]): Summary {
	const finite = values.filter((value) => Number.isFinite(value))
	if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0, values: [...values] }
	return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length, values: [...values] }
}

/**
 * Least-squares slope of y over x (e.g. MB over minutes), with the fit's intercept. NaN slope for
 * fewer than two distinct x.
 */
export function linearFit(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } {
	const n = points.length
	if (n < 2) return { slope: Number.NaN, intercept: Number.NaN }
	let sx = 0
	let sy = 0
	for (const { x, y } of points) {
		sx += x
		sy += y
	}
	const mx = sx / n
	const my = sy / n
	let sxx = 0
	let sxy = 0
	for (const { x, y } of points) {
		sxx += (x - mx) ** 2
		sxy += (x - mx) * (y - my)
	}
	if (sxx === 0) return { slope: Number.NaN, intercept: Number.NaN }
	const slope = sxy / sxx
	return { slope, intercept: my - slope * mx }
}

/** a / b of two summaries' medians; NaN when either is missing. */
export function ratio(a: Summary | undefined, b: Summary | undefined): number {
	if (!a || !b || !Number.isFinite(a.median) || !Number.isFinite(b.median) || b.median === 0) return Number.NaN
	return a.median / b.median
}
