import { describe, expect, it } from 'vitest'
import { PRESENCE_COLORS, colorForUserId } from './userColor'

describe('colorForUserId', () => {
	it('gives the same person the same colour every time', () => {
		expect(colorForUserId('user-42')).toBe(colorForUserId('user-42'))
	})

	it('always picks a colour from the presence palette', () => {
		for (const id of ['', 'a', 'alice', 'bob', '0a1b2c3d-uuid', 'ü-ñ-日本']) {
			expect(PRESENCE_COLORS).toContain(colorForUserId(id))
		}
	})

	it('spreads a workshop worth of people over several colours', () => {
		const colors = new Set(Array.from({ length: 30 }, (_, i) => colorForUserId(`participant-${i}`)))
		expect(colors.size).toBeGreaterThanOrEqual(6)
	})
})
