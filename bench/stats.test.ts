import { describe, expect, it } from 'vitest'
import { distribution, linearFit, median, percentile, ratio, summarize } from './stats'

describe('percentile', () => {
	it('interpolates between closest ranks, as spreadsheets and NumPy do', () => {
		const samples = [15, 20, 35, 40, 50]
		expect(percentile(samples, 0)).toBe(15)
		expect(percentile(samples, 25)).toBe(20)
		expect(percentile(samples, 40)).toBe(29)
		expect(percentile(samples, 50)).toBe(35)
		expect(percentile(samples, 95)).toBeCloseTo(48)
		expect(percentile(samples, 100)).toBe(50)
	})

	it('does not depend on the order of the samples and leaves them as they were', () => {
		const samples = [9, 1, 5, 3, 7]
		expect(percentile(samples, 50)).toBe(5)
		expect(samples).toEqual([9, 1, 5, 3, 7])
	})

	it('is the sample itself for one sample and NaN for none', () => {
		expect(percentile([42], 95)).toBe(42)
		expect(percentile([], 50)).toBeNaN()
	})

	it('refuses a percentile outside 0–100', () => {
		expect(() => percentile([1, 2], 101)).toThrow(RangeError)
		expect(() => percentile([1, 2], -1)).toThrow(RangeError)
		expect(() => percentile([1, 2], Number.NaN)).toThrow(RangeError)
	})
})

describe('median', () => {
	it('averages the two middle samples of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5)
	})
})

describe('distribution', () => {
	it('summarises one batch with p50, p95, min, max and mean', () => {
		const samples = Array.from({ length: 100 }, (_, i) => i + 1)
		const result = distribution(samples)
		expect(result.count).toBe(100)
		expect(result.p50).toBe(50.5)
		expect(result.p95).toBeCloseTo(95.05)
		expect(result.min).toBe(1)
		expect(result.max).toBe(100)
		expect(result.mean).toBe(50.5)
	})

	it('is all NaN for an empty batch', () => {
		const result = distribution([])
		expect(result.count).toBe(0)
		expect(result.p95).toBeNaN()
		expect(result.max).toBeNaN()
	})
})

describe('summarize', () => {
	it('reports the median of the repetitions with their min and max', () => {
		expect(summarize([30, 10, 20])).toMatchObject({ median: 20, min: 10, max: 30, n: 3 })
	})

	it('ignores repetitions that produced no number but keeps them in values', () => {
		const result = summarize([Number.NaN, 5, 7])
		expect(result).toMatchObject({ median: 6, min: 5, max: 7, n: 2 })
		expect(result.values).toHaveLength(3)
	})

	it('is NaN when no repetition produced a number', () => {
		expect(summarize([]).median).toBeNaN()
		expect(summarize([Number.NaN]).n).toBe(0)
	})
})

describe('linearFit', () => {
	it('finds the slope and intercept of points on a line', () => {
		const fit = linearFit([0, 1, 2, 3].map((x) => ({ x, y: 2 * x + 1 })))
		expect(fit.slope).toBeCloseTo(2)
		expect(fit.intercept).toBeCloseTo(1)
	})

	it('is flat for noise around a constant', () => {
		const fit = linearFit([10, 12, 10, 12, 10, 12, 10, 12].map((y, x) => ({ x, y })))
		expect(Math.abs(fit.slope)).toBeLessThan(0.2)
	})

	it('has no slope for fewer than two distinct x', () => {
		expect(linearFit([{ x: 1, y: 1 }]).slope).toBeNaN()
		expect(
			linearFit([
				{ x: 1, y: 1 },
				{ x: 1, y: 3 },
			]).slope,
		).toBeNaN()
	})
})

describe('ratio', () => {
	it('divides the medians', () => {
		expect(ratio(summarize([10, 12, 14]), summarize([10]))).toBeCloseTo(1.2)
	})

	it('is NaN when a side is missing or zero', () => {
		expect(ratio(undefined, summarize([1]))).toBeNaN()
		expect(ratio(summarize([1]), summarize([0]))).toBeNaN()
	})
})
