import { describe, expect, it } from 'vitest'
import { compareHumanIds } from './humanIdOrder'

describe('compareHumanIds', () => {
	it('orders numbers numerically, not as text', () => {
		expect(['EE10', 'EE2', 'EE1'].sort(compareHumanIds)).toEqual(['EE1', 'EE2', 'EE10'])
	})

	it('groups by prefix before comparing numbers', () => {
		expect(['P2', 'MP1', 'P10', 'MP3'].sort(compareHumanIds)).toEqual(['MP1', 'MP3', 'P2', 'P10'])
	})

	it('puts IDs that are not stamped yet last', () => {
		expect(['', 'DF3', 'odd', 'DF1'].sort(compareHumanIds)).toEqual(['DF1', 'DF3', '', 'odd'])
	})

	it('treats equal IDs as equal', () => {
		expect(compareHumanIds('DS4', 'DS4')).toBe(0)
	})
})
