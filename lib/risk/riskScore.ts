import * as z from 'zod/mini'

/** Likelihood and impact share one 1–5 scale; literal types keep 0 and 6 out at compile time too. */
export const RISK_LEVELS = [1, 2, 3, 4, 5] as const
export const riskLevelSchema = z.literal(RISK_LEVELS)
export type RiskLevel = z.infer<typeof riskLevelSchema>

/** A vote's likelihood is a risk level; named for what it rates. @alias */
export const likelihoodSchema = riskLevelSchema
/** A vote's impact is a risk level; named for what it rates. @alias */
export const impactSchema = riskLevelSchema
export type Likelihood = RiskLevel
export type Impact = RiskLevel

const RISK_SCORE_MIN = 1
const RISK_SCORE_MAX = 25
/** Any integer in 1–25 is accepted, not only products of two levels, so a score typed in or imported still bands. */
export const riskScoreSchema = z.int().check(z.minimum(RISK_SCORE_MIN), z.maximum(RISK_SCORE_MAX))

export function isRiskLevel(value: unknown): value is RiskLevel {
	return riskLevelSchema.safeParse(value).success
}

/** Narrows a stored 1–5 number (a rating, a vote); anything else only arrives through a bug, so it throws. */
export function asRiskLevel(value: number, what: 'likelihood' | 'impact'): RiskLevel {
	if (!isRiskLevel(value)) throw new RangeError(`Expected ${what === 'impact' ? 'an' : 'a'} ${what} from 1 to 5, got ${value}`)
	return value
}

/** risk = likelihood × impact, 1–25. Throws on values outside 1–5, which only arrive through a cast. */
export function riskScore(likelihood: Likelihood, impact: Impact): number {
	return asRiskLevel(likelihood, 'likelihood') * asRiskLevel(impact, 'impact')
}

export const RISK_BAND_NAMES = ['Critical', 'High', 'Medium', 'Low'] as const
export type RiskBandName = (typeof RISK_BAND_NAMES)[number]

export type RiskBand = {
	readonly name: RiskBandName
	readonly priority: 'P0' | 'P1' | 'P2' | 'P3'
	/** What the band asks of the team, as the report and panel word it. */
	readonly action: string
	/** A design token, not a colour: the UI maps it to a CSS variable so themes can restyle. */
	readonly colorToken: `risk-${Lowercase<RiskBandName>}`
	readonly minScore: number
	readonly maxScore: number
}

/** Highest first, contiguous and covering 1–25 with no overlap (tested). */
export const RISK_BANDS = [
	{ name: 'Critical', priority: 'P0', action: 'Act now', colorToken: 'risk-critical', minScore: 16, maxScore: 25 },
	{ name: 'High', priority: 'P1', action: 'Next sprint', colorToken: 'risk-high', minScore: 9, maxScore: 15 },
	{ name: 'Medium', priority: 'P2', action: 'Plan', colorToken: 'risk-medium', minScore: 4, maxScore: 8 },
	{ name: 'Low', priority: 'P3', action: 'Monitor or accept', colorToken: 'risk-low', minScore: 1, maxScore: 3 },
] as const satisfies readonly RiskBand[]

export function riskBand(score: number): RiskBand {
	if (!riskScoreSchema.safeParse(score).success) {
		throw new RangeError(`Expected a risk score from ${RISK_SCORE_MIN} to ${RISK_SCORE_MAX}, got ${score}`)
	}
	const band = RISK_BANDS.find((candidate) => score >= candidate.minScore)
	// Unreachable: the lowest band starts at RISK_SCORE_MIN.
	if (!band) throw new RangeError(`No risk band for ${score}`)
	return band
}

export function riskBandFor(likelihood: Likelihood, impact: Impact): RiskBand {
	return riskBand(riskScore(likelihood, impact))
}
