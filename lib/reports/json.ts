import { type SessionModel, sessionModelSchema } from './sessionModel'

/**
 * The model as pretty JSON. Going through the schema validates it and fixes the key order to the
 * schema's (zod rebuilds objects in shape order), so two exports of one session diff cleanly.
 * Throws if the model breaks its own schema: better no export than a file readers reject.
 */
export function toJson(model: SessionModel): string {
	return `${JSON.stringify(sessionModelSchema.parse(model), null, 2)}\n`
}

/**
 * A model this process built (buildSessionModel, a view of it, its changes since a previous session)
 * as the same bytes as toJson, without validating it again: the builders write every object in the
 * schema's key order (json.test.ts holds the fixtures' views to toJson's bytes), and on a 2,000-threat
 * session validating the model took as long as building it.
 */
export function toJsonAsBuilt(model: SessionModel): string {
	return `${JSON.stringify(model, null, 2)}\n`
}
