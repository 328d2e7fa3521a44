// CVSS v3.1 base score, per FIRST's specification (https://www.first.org/cvss/v3.1/specification-document,
// sections 7.1 and 7.4 and Appendix A). A threat may carry a vector; its base score is always
// computed here from the vector, never typed in, so the two cannot disagree.

const CVSS31_PREFIX = 'CVSS:3.1/'
/** The longest valid vector is the eight base metrics plus the eleven temporal/environmental ones. */
export const CVSS_VECTOR_MAX = 160

const BASE_METRICS = {
	AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
	AC: { L: 0.77, H: 0.44 },
	PR: { N: 0.85, L: 0.62, H: 0.27 },
	UI: { N: 0.85, R: 0.62 },
	S: { U: 0, C: 0 },
	C: { H: 0.56, L: 0.22, N: 0 },
	I: { H: 0.56, L: 0.22, N: 0 },
	A: { H: 0.56, L: 0.22, N: 0 },
} as const satisfies Record<string, Record<string, number>>

type BaseMetric = keyof typeof BASE_METRICS

/** Temporal and environmental metrics a vector may carry after the base ones; they do not change the base score. */
const OTHER_METRICS: Readonly<Record<string, readonly string[]>> = {
	E: ['X', 'U', 'P', 'F', 'H'],
	RL: ['X', 'O', 'T', 'W', 'U'],
	RC: ['X', 'U', 'R', 'C'],
	CR: ['X', 'L', 'M', 'H'],
	IR: ['X', 'L', 'M', 'H'],
	AR: ['X', 'L', 'M', 'H'],
	MAV: ['X', 'N', 'A', 'L', 'P'],
	MAC: ['X', 'L', 'H'],
	MPR: ['X', 'N', 'L', 'H'],
	MUI: ['X', 'N', 'R'],
	MS: ['X', 'U', 'C'],
	MC: ['X', 'N', 'L', 'H'],
	MI: ['X', 'N', 'L', 'H'],
	MA: ['X', 'N', 'L', 'H'],
}

export const CVSS_SEVERITIES = ['None', 'Low', 'Medium', 'High', 'Critical'] as const
export type CvssSeverity = (typeof CVSS_SEVERITIES)[number]

interface CvssBaseScore {
	/** The vector as given, trimmed. */
	vector: string
	/** 0.0–10.0, one decimal. */
	baseScore: number
	severity: CvssSeverity
}

export type CvssParse = { ok: true; value: CvssBaseScore } | { ok: false; error: string }

function isBaseMetric(key: string): key is BaseMetric {
	return Object.hasOwn(BASE_METRICS, key)
}

/**
 * The spec's Roundup (Appendix A): the smallest number with one decimal that is equal to or
 * higher than its input, computed on integers so that floating-point noise such as
 * 4.000000000000001 does not round up to 4.1.
 */
export function roundUp(input: number): number {
	const integer = Math.round(input * 100_000)
	if (integer % 10_000 === 0) return integer / 100_000
	return (Math.floor(integer / 10_000) + 1) / 10
}

/** The qualitative severity rating scale of the spec (section 5). */
export function cvssSeverity(score: number): CvssSeverity {
	if (score === 0) return 'None'
	if (score < 4) return 'Low'
	if (score < 7) return 'Medium'
	if (score < 9) return 'High'
	return 'Critical'
}

function weightsOf(values: Readonly<Record<BaseMetric, string>>): Record<BaseMetric, number> {
	const weight = (metric: BaseMetric): number => {
		const table: Readonly<Record<string, number>> = BASE_METRICS[metric]
		return table[values[metric]] ?? 0
	}
	const scopeChanged = values.S === 'C'
	// Privileges Required weighs more when the scope changes (spec table 16).
	const privileges = scopeChanged && values.PR === 'L' ? 0.68 : scopeChanged && values.PR === 'H' ? 0.5 : weight('PR')
	return { AV: weight('AV'), AC: weight('AC'), PR: privileges, UI: weight('UI'), S: 0, C: weight('C'), I: weight('I'), A: weight('A') }
}

function baseScoreOf(values: Readonly<Record<BaseMetric, string>>): number {
	const w = weightsOf(values)
	const scopeChanged = values.S === 'C'
	const iss = 1 - (1 - w.C) * (1 - w.I) * (1 - w.A)
	const impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss
	const exploitability = 8.22 * w.AV * w.AC * w.PR * w.UI
	if (impact <= 0) return 0
	return scopeChanged ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10))
}

/**
 * Reads a CVSS 3.1 vector: the `CVSS:3.1/` prefix, all eight base metrics exactly once, and any
 * temporal or environmental metrics with valid values (each at most once). Anything else is an
 * error that says what is wrong, for the threat form to show.
 */
export function parseCvss31(input: string): CvssParse {
	const vector = input.trim()
	if (vector.length > CVSS_VECTOR_MAX) return { ok: false, error: `At most ${CVSS_VECTOR_MAX} characters` }
	if (!vector.startsWith(CVSS31_PREFIX)) return { ok: false, error: 'A CVSS 3.1 vector starts with CVSS:3.1/' }
	const seen = new Map<string, string>()
	for (const part of vector.slice(CVSS31_PREFIX.length).split('/')) {
		const [metric, value, ...rest] = part.split(':')
		if (metric === undefined || value === undefined || rest.length > 0) return { ok: false, error: `“${part}” is not a metric such as AV:N` }
		if (seen.has(metric)) return { ok: false, error: `${metric} is given twice` }
		const allowed = isBaseMetric(metric) ? Object.keys(BASE_METRICS[metric]) : OTHER_METRICS[metric]
		if (allowed === undefined) return { ok: false, error: `${metric} is not a CVSS 3.1 metric` }
		if (!allowed.includes(value)) return { ok: false, error: `${metric} takes ${allowed.join(', ')}` }
		seen.set(metric, value)
	}
	const missing = Object.keys(BASE_METRICS).filter((metric) => !seen.has(metric))
	if (missing.length > 0) return { ok: false, error: `Missing base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` }
	const of = (metric: BaseMetric) => seen.get(metric) ?? ''
	const values = { AV: of('AV'), AC: of('AC'), PR: of('PR'), UI: of('UI'), S: of('S'), C: of('C'), I: of('I'), A: of('A') }
	const baseScore = baseScoreOf(values)
	return { ok: true, value: { vector, baseScore, severity: cvssSeverity(baseScore) } }
}

export function isCvss31Vector(input: string): boolean {
	return parseCvss31(input).ok
}

/** The base score of a vector already validated (a stored threat's), or null for none or an invalid one. */
export function cvssBaseScore(vector: string | null): number | null {
	if (vector === null) return null
	const parsed = parseCvss31(vector)
	return parsed.ok ? parsed.value.baseScore : null
}
