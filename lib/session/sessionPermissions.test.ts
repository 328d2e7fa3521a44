import { describe, expect, it } from 'vitest'
import { canContribute, canEditThreat, canFacilitate } from './sessionPermissions'

describe('session permissions', () => {
	it('let only the facilitator run the workshop', () => {
		expect(canFacilitate('facilitator')).toBe(true)
		expect(canFacilitate('participant')).toBe(false)
		expect(canFacilitate('productOwner')).toBe(false)
	})

	it('let everyone but observers add threats and vote', () => {
		expect(canContribute('participant')).toBe(true)
		expect(canContribute('productOwner')).toBe(true)
		expect(canContribute('observer')).toBe(false)
	})

	it('let authors edit their own threats and the facilitator edit all', () => {
		expect(canEditThreat('participant', 'u2', { createdBy: 'u2' })).toBe(true)
		expect(canEditThreat('participant', 'u3', { createdBy: 'u2' })).toBe(false)
		expect(canEditThreat('facilitator', 'u1', { createdBy: 'u2' })).toBe(true)
		expect(canEditThreat('observer', 'u2', { createdBy: 'u2' })).toBe(false)
	})
})
