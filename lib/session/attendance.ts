import type { Person } from '@/lib/protocol/customMessages'
import { higherRole } from '@/lib/roles'
import { ATTENDANCE_TYPE, type AttendanceRecord, attendanceIdFor } from './records/attendanceRecord'

/**
 * The guest-book entry once `person` has joined, or null when the book already says so (the room
 * writes nothing then). One entry per person: the first time they came, the name they go by now,
 * and the strongest role any of their links gave them.
 */
export function attendanceAfterJoin(existing: AttendanceRecord | undefined, person: Person, now: number): AttendanceRecord | null {
	if (!existing) {
		return { id: attendanceIdFor(person.userId), typeName: ATTENDANCE_TYPE, userId: person.userId, name: person.name, role: person.role, firstJoinedAt: now }
	}
	const role = higherRole(existing.role, person.role)
	if (existing.name === person.name && existing.role === role) return null
	return { ...existing, name: person.name, role }
}
