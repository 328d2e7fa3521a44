import { ratio, type Summary, summarize } from '../stats'
import type { Figure } from './schema'

// Figures as BENCHMARKS.md prints them: "median (min–max)" over repetitions, ratios of medians,
// verdicts against the issue's targets. Pure.

export const KIB = 1024

/** A figure's median with min–max, from its samples or, transcribed, as recorded. */
function summaryOf(figure: Figure | null | undefined): Summary | undefined {
	if (!figure) return undefined
	if ('samples' in figure) return summarize(figure.samples)
	return { ...figure, values: [] }
}

export function sampled(samples: readonly number[]): Figure {
	return { samples: samples.filter((value) => Number.isFinite(value)) }
}

export function num(value: number, digits = 0): string {
	return Number.isFinite(value) ? value.toFixed(digits) : '—'
}

/** "median (min–max)", "median (all n)" when they round alike, or just the value for one repetition. */
export function fmt(figure: Figure | null | undefined, unit = 'ms', digits = 0, scale = 1): string {
	const summary = summaryOf(figure)
	if (!summary || summary.n === 0) return '—'
	const m = `${num(summary.median / scale, digits)}${unit ? ` ${unit}` : ''}`
	if (summary.n === 1) return m
	if (num(summary.min / scale, digits) === num(summary.max / scale, digits)) return `${m} (all ${summary.n})`
	return `${m} (${num(summary.min / scale, digits)}–${num(summary.max / scale, digits)})`
}

export function median(figure: Figure | null | undefined): number {
	return summaryOf(figure)?.median ?? Number.NaN
}

/**
 * a / b of two figures' medians. Derived from samples when both have them; otherwise the ratio the
 * measuring run printed (`recorded`), since rounded medians would give another one.
 */
export function ratioOf(a: Figure | null | undefined, b: Figure | null | undefined, recorded: number | undefined): number {
	if (a && b && 'samples' in a && 'samples' in b) return ratio(summaryOf(a), summaryOf(b))
	return recorded ?? Number.NaN
}

export function fmtRatio(value: number): string {
	return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—'
}

export type Verdict = { ok: boolean | null; text: string }

export function judge(judged: boolean, value: number, limit: number, unit: string, digits = 0): Verdict {
	if (!judged) return { ok: null, text: 'not judged (smoke)' }
	if (!Number.isFinite(value)) return { ok: false, text: 'no figure' }
	if (value <= limit) return { ok: true, text: `met (≤ ${limit}${unit})` }
	const over = value - limit
	const pct = (over / limit) * 100
	return { ok: false, text: `**missed** by ${over.toFixed(digits)}${unit} (${pct.toFixed(pct < 10 ? 1 : 0)} % over ${limit}${unit})` }
}

/** Both of an absolute and a relative target. */
export function judgeBoth(absolute: Verdict, relative: Verdict): Verdict {
	if (absolute.ok === null) return absolute
	if (absolute.ok && relative.ok) return { ok: true, text: 'met (both)' }
	return { ok: false, text: [absolute.ok ? '' : `absolute ${absolute.text}`, relative.ok ? '' : `ratio ${relative.text}`].filter(Boolean).join('; ') }
}

export function mark(verdict: Verdict): string {
	return verdict.ok === null ? '·' : verdict.ok ? '✅' : '❌'
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
}

/** A figure for the analysis template: `name` as the tables print it, `name.median` the median alone. */
export function named(name: string, figure: Figure | null | undefined, unit = 'ms', digits = 0, scale = 1): Record<string, string> {
	return { [name]: fmt(figure, unit, digits, scale), [`${name}.median`]: `${num(median(figure) / scale, digits)}${unit ? ` ${unit}` : ''}` }
}

/** "67–70 ms" over several values (e.g. medians of different N), or "1 ms" when they round alike. */
export function spread(values: readonly number[], unit = 'ms', digits = 0): string {
	const finite = values.filter((value) => Number.isFinite(value))
	if (finite.length === 0) return '—'
	const low = num(Math.min(...finite), digits)
	const high = num(Math.max(...finite), digits)
	return `${low === high ? low : `${low}–${high}`}${unit ? ` ${unit}` : ''}`
}
