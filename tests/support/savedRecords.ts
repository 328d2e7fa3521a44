import type { TLRecord } from '@tldraw/tlschema'
import { z } from 'zod'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'

const snapshotDocuments = z.object({ documents: z.array(z.object({ state: z.looseObject({ typeName: z.string() }) })) })
const recordTypes = new Map(Object.entries(threatroomSchema.types))

/**
 * The records of a room snapshot as the app received it (both lanes), each checked against the
 * schema so a test can read its fields; `[]` for anything that is not a snapshot.
 */
export function recordsOfSnapshot(snapshot: unknown): TLRecord[] {
	const parsed = snapshotDocuments.safeParse(snapshot)
	if (!parsed.success) return []
	return parsed.data.documents.flatMap(({ state }) => recordTypes.get(state.typeName)?.validate(state) ?? [])
}
