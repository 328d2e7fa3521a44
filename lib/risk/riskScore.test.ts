import { describe, expect, it } from 'vitest'
import { asRiskLevel, impactSchema, likelihoodSchema, RISK_BANDS, RISK_LEVELS, type RiskLevel, riskBand, riskBandFor, riskScore } from './riskScore'

describe('riskScore', () => {
	it('multiplies likelihood by impact', () => {
		expect(riskScore(1, 1)).toBe(1)
		expect(riskScore(3, 4)).toBe(12)
		expect(riskScore(5, 5)).toBe(25)
	})

	it('refuses a likelihood or impact outside 1–5 that slipped past the types', () => {
		expect(() => riskScore(0 as RiskLevel, 3)).toThrow(RangeError)
		expect(() => riskScore(3, 6 as RiskLevel)).toThrow(RangeError)
		expect(() => riskScore(2.5 as RiskLevel, 3)).toThrow(RangeError)
	})
})

describe('likelihood and impact schemas', () => {
	it('accept the integers 1 to 5', () => {
		for (const level of RISK_LEVELS) {
			expect(likelihoodSchema.parse(level)).toBe(level)
			expect(impactSchema.parse(level)).toBe(level)
		}
	})

	it('reject 0, 6, fractions and strings', () => {
		for (const bad of [0, 6, 2.5, '3', null]) {
			expect(likelihoodSchema.safeParse(bad).success).toBe(false)
			expect(impactSchema.safeParse(bad).success).toBe(false)
		}
	})
})

describe('riskBand', () => {
	it.each([
		[1, 'Low', 'P3'],
		[3, 'Low', 'P3'],
		[4, 'Medium', 'P2'],
		[8, 'Medium', 'P2'],
		[9, 'High', 'P1'],
		[15, 'High', 'P1'],
		[16, 'Critical', 'P0'],
		[25, 'Critical', 'P0'],
	])('puts a score of %i in %s (%s)', (score, name, priority) => {
		const band = riskBand(score)
		expect(band.name).toBe(name)
		expect(band.priority).toBe(priority)
	})

	it.each([0, 26, -1, 8.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a score of %d', (score) => {
		expect(() => riskBand(score)).toThrow(RangeError)
	})

	it('gives each band its own colour token', () => {
		expect(RISK_BANDS.map((band) => band.colorToken)).toEqual(['risk-critical', 'risk-high', 'risk-medium', 'risk-low'])
	})

	it('covers every score from 1 to 25 with exactly one band', () => {
		for (let score = 1; score <= 25; score++) {
			const containing = RISK_BANDS.filter((band) => score >= band.minScore && score <= band.maxScore)
			expect(containing).toHaveLength(1)
			expect(riskBand(score)).toBe(containing[0])
		}
	})

	it('bands a likelihood and impact pair directly', () => {
		expect(riskBandFor(2, 2).name).toBe('Medium')
		expect(riskBandFor(4, 4).name).toBe('Critical')
	})
})

describe('asRiskLevel', () => {
	it('narrows 1–5 and refuses anything else', () => {
		expect(asRiskLevel(3, 'impact')).toBe(3)
		expect(() => asRiskLevel(0, 'likelihood')).toThrow(RangeError)
		expect(() => asRiskLevel(2.5, 'likelihood')).toThrow(RangeError)
		expect(() => asRiskLevel(6, 'impact')).toThrow('Expected an impact from 1 to 5, got 6')
	})
})
