import { describe, expect, it } from 'vitest'
import { attendanceAfterJoin } from './attendance'

const omar = { userId: 'u_omar', name: 'Omar', role: 'observer' } as const

describe('attendanceAfterJoin', () => {
	it('writes a first entry with the role of the link', () => {
		expect(attendanceAfterJoin(undefined, omar, 1000)).toEqual({
			id: 'attendance:u_omar',
			typeName: 'attendance',
			userId: 'u_omar',
			name: 'Omar',
			role: 'observer',
			firstJoinedAt: 1000,
		})
	})

	it('writes nothing when the same person comes back the same way', () => {
		const entry = attendanceAfterJoin(undefined, omar, 1000) ?? undefined
		expect(attendanceAfterJoin(entry, omar, 2000)).toBeNull()
	})

	it('keeps the first join time and the strongest role, and follows a new name', () => {
		const entry = attendanceAfterJoin(undefined, { ...omar, role: 'participant' }, 1000) ?? undefined
		expect(attendanceAfterJoin(entry, { ...omar, name: 'Omar K.' }, 2000)).toMatchObject({ name: 'Omar K.', role: 'participant', firstJoinedAt: 1000 })
		expect(attendanceAfterJoin(entry, { ...omar, role: 'facilitator' }, 2000)).toMatchObject({ role: 'facilitator', firstJoinedAt: 1000 })
	})
})
