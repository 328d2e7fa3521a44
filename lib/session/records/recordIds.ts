import type { RecordId, UnknownRecord } from '@tldraw/store'
import type { TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

const ID_BODY_MAX = 200

/** `type:…` ids of a bounded length, so a client cannot make the room store megabyte-long keys. */
export function recordIdValidator<Id extends RecordId<UnknownRecord>>(typeName: string): T.Validator<Id> {
	return T.string.refine((value) => {
		if (!value.startsWith(`${typeName}:`) || value.length > typeName.length + 1 + ID_BODY_MAX) {
			throw new T.ValidationError(`Expected an id of the form ${typeName}:…`)
		}
		return value as Id
	})
}

export const shapeIdValidator = recordIdValidator<TLShapeId>('shape')

/** The part of a record id after its type, for composing deterministic ids (votes, n/a marks). */
export function idBody(id: string): string {
	return id.slice(id.indexOf(':') + 1)
}
