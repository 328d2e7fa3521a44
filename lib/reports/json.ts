import { type SessionModel, sessionModelSchema } from './sessionModel'

/**
 * The model as pretty JSON. Going through the schema validates it and fixes the key order to the
 * schema's (zod rebuilds objects in shape order), so two exports of one session diff cleanly.
 * Throws if the model breaks its own schema: better no export than a file readers reject.
 */
export function toJson(model: SessionModel): string {
	return `${JSON.stringify(sessionModelSchema.parse(model), null, 2)}\n`
}
