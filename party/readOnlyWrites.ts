import { z } from 'zod'
import type { RejectedMessage } from '@/lib/protocol/customMessages'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'

// tldraw drops every record write of a read-only session at its gates (`isReadonly` for the
// canvas, `objectAccess: 'read'` for the workshop records) before any authorizer runs, so nothing
// in the room would say why. The party reads the observer's push itself to tell them.

const opSchema = z.union([
	z.tuple([z.literal('put'), z.looseObject({ typeName: z.string() })]),
	z.tuple([z.literal('patch'), z.unknown()]),
	z.tuple([z.literal('remove')]),
])

const pushSchema = z.object({
	type: z.literal('push'),
	diff: z.record(z.string(), opSchema).optional(),
})

/** `shape:abc` → `shape`: tldraw record ids start with their type. */
function typeOfId(id: string): string {
	const colon = id.indexOf(':')
	return colon === -1 ? '' : id.slice(0, colon)
}

/**
 * The writes a read-only session's message attempts, as rejections to send back. Patches and
 * removals of records the room does not have are no-ops in tldraw too, so they are not reported.
 */
export function readOnlyRejections(stringified: string, exists: (id: string) => boolean): RejectedMessage[] {
	const push = pushSchema.safeParse(parseJson(stringified))
	if (!push.success || !push.data.diff) return []
	const rejections: RejectedMessage[] = []
	for (const [recordId, op] of Object.entries(push.data.diff)) {
		const present = exists(recordId)
		if (op[0] !== 'put' && !present) continue
		rejections.push({
			type: 'rejected',
			recordType: op[0] === 'put' ? op[1].typeName : typeOfId(recordId),
			recordId,
			action: op[0] === 'remove' ? 'delete' : present ? 'update' : 'create',
			reason: REJECTION_REASON.observer,
		})
	}
	return rejections
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text)
	} catch {
		return null
	}
}
