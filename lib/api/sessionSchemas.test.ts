import { describe, expect, it } from 'vitest'
import { createSessionBody, joinBody } from './sessionSchemas'

describe('createSessionBody', () => {
	it('rejects an empty name and a name of only spaces', () => {
		expect(createSessionBody.safeParse({ name: '' }).success).toBe(false)
		expect(createSessionBody.safeParse({ name: '   ' }).success).toBe(false)
	})

	it('accepts names of 1 and 256 characters and rejects 257', () => {
		expect(createSessionBody.safeParse({ name: 'a' }).success).toBe(true)
		expect(createSessionBody.safeParse({ name: 'a'.repeat(256) }).success).toBe(true)
		expect(createSessionBody.safeParse({ name: 'a'.repeat(257) }).success).toBe(false)
	})

	it('trims the name before measuring it', () => {
		const parsed = createSessionBody.parse({ name: `  ${'a'.repeat(256)}  ` })
		expect(parsed.name).toBe('a'.repeat(256))
	})

	it('accepts a description of 1024 characters and rejects 1025', () => {
		expect(createSessionBody.safeParse({ name: 'n', description: 'd'.repeat(1024) }).success).toBe(true)
		expect(createSessionBody.safeParse({ name: 'n', description: 'd'.repeat(1025) }).success).toBe(false)
	})

	it('defaults the description to empty and the framework to STRIDE', () => {
		expect(createSessionBody.parse({ name: 'Payments' })).toEqual({
			name: 'Payments',
			description: '',
			framework: 'STRIDE',
		})
	})

	it('accepts every supported framework and rejects any other', () => {
		for (const framework of ['STRIDE', 'LINDDUN', 'CIA', 'DIE', 'PLOT4ai']) {
			expect(createSessionBody.parse({ name: 'n', framework }).framework).toBe(framework)
		}
		expect(createSessionBody.safeParse({ name: 'n', framework: 'stride' }).success).toBe(false)
		expect(createSessionBody.safeParse({ name: 'n', framework: 'PASTA' }).success).toBe(false)
	})

	it('rejects a name that is not a string', () => {
		expect(createSessionBody.safeParse({ name: 42 }).success).toBe(false)
		expect(createSessionBody.safeParse({}).success).toBe(false)
	})
})

describe('joinBody', () => {
	it('accepts any string token up to 256 characters, including an empty one', () => {
		expect(joinBody.safeParse({ token: '' }).success).toBe(true)
		expect(joinBody.safeParse({ token: 'x'.repeat(256) }).success).toBe(true)
		expect(joinBody.safeParse({ token: 'x'.repeat(257) }).success).toBe(false)
		expect(joinBody.safeParse({}).success).toBe(false)
	})
})
