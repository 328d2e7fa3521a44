import { describe, expect, it } from 'vitest'
import { canEditCanvas, higherRole, ROLES, roleSchema } from './roles'

describe('roles', () => {
	it('lets every role but the observer edit the canvas', () => {
		expect(ROLES.filter(canEditCanvas)).toEqual(['facilitator', 'participant', 'productOwner'])
	})

	it('ranks facilitator over product owner over participant over observer', () => {
		expect(higherRole('observer', 'participant')).toBe('participant')
		expect(higherRole('productOwner', 'participant')).toBe('productOwner')
		expect(higherRole('facilitator', 'productOwner')).toBe('facilitator')
	})

	it('parses only the known roles', () => {
		expect(roleSchema.safeParse('admin').success).toBe(false)
	})
})
