import { describe, expect, it } from 'vitest'
import { PeopleRegistry } from './people'

describe('PeopleRegistry', () => {
	it('counts a session only once its handshake is through', () => {
		const people = new PeopleRegistry()
		people.joined('s1', { userId: 'u1', name: 'Ana', role: 'participant' })
		expect(people.list()).toEqual([])
		expect(people.isAwaitingHandshake('s1')).toBe(true)
		expect(people.connected('s1')).toBe(true)
		expect(people.connected('s1')).toBe(false)
		expect(people.list()).toEqual([{ userId: 'u1', name: 'Ana', role: 'participant' }])
		expect(people.connectedSessionIds()).toEqual(['s1'])
	})

	it('shows one person with two tabs once, with the higher role', () => {
		const people = new PeopleRegistry()
		people.joined('s1', { userId: 'u1', name: 'Ana', role: 'observer' })
		people.joined('s2', { userId: 'u1', name: 'Ana', role: 'facilitator' })
		people.joined('s3', { userId: 'u2', name: 'Bo', role: 'participant' })
		for (const id of ['s1', 's2', 's3']) people.connected(id)
		expect(people.list()).toEqual([
			{ userId: 'u1', name: 'Ana', role: 'facilitator' },
			{ userId: 'u2', name: 'Bo', role: 'participant' },
		])
		expect(people.left('s2')).toBe(true)
		expect(people.list()[0]).toEqual({ userId: 'u1', name: 'Ana', role: 'observer' })
	})

	it('reports a change on leave only for a counted session', () => {
		const people = new PeopleRegistry()
		people.joined('s1', { userId: 'u1', name: 'Ana', role: 'participant' })
		expect(people.left('s1')).toBe(false)
		expect(people.left('unknown')).toBe(false)
	})
})
