import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DISPLAY_NAME_MAX_LENGTH } from '@/lib/protocol/identity'
import { type Role, ROLES } from '@/lib/sessionEnums'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'

export const ATTENDANCE_TYPE = 'attendance'

export type AttendanceId = RecordId<AttendanceRecord>

/**
 * Someone who joined the session, with the role of their link: the room's guest book. Observers
 * write nothing else, so without it a report could not name them. Written by the room only.
 */
export interface AttendanceRecord extends BaseRecord<typeof ATTENDANCE_TYPE, AttendanceId> {
	userId: string
	name: string
	role: Role
	firstJoinedAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[ATTENDANCE_TYPE]: AttendanceRecord
	}
}

export function attendanceIdFor(userId: string): AttendanceId {
	return `${ATTENDANCE_TYPE}:${userId}` as AttendanceId
}

export const attendanceRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<AttendanceRecord>({
		id: recordIdValidator<AttendanceId>(ATTENDANCE_TYPE),
		typeName: T.literal(ATTENDANCE_TYPE),
		userId: boundedString(64, { min: 1 }),
		name: boundedString(DISPLAY_NAME_MAX_LENGTH),
		role: T.literalEnum(...ROLES),
		firstJoinedAt: timestampValidator,
	}),
}
