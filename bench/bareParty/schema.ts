import { createTLSchema, type CustomRecordInfo } from '@tldraw/tlschema'

// The bare room's schemas, shared with the bench's Node clients (both sides must agree).
//
// `canvas-…` rooms use tldraw's default schema, untouched. `objects-…` rooms add three record types
// standing in for the workshop records (threat, vote, phase event), served through the object-store
// lane as Threatroom's are, with a pass-through validator: the engine's own cost, nothing of ours.

export const BARE_OBJECT_TYPES = ['bench-threat', 'bench-vote', 'bench-phase'] as const
export type BareObjectType = (typeof BARE_OBJECT_TYPES)[number]

const passThrough: CustomRecordInfo = {
	scope: 'document',
	validator: { validate: (value: unknown) => value as never },
}

export const bareCanvasSchema = createTLSchema()

export const bareObjectsSchema = createTLSchema({
	records: Object.fromEntries(BARE_OBJECT_TYPES.map((type) => [type, passThrough])),
})

export const OBJECTS_ROOM_PREFIX = 'objects-'
