import * as z from 'zod/mini'

// IDs that compose: with a project prefix, an exported threat ID names its project and session
// (`PAY.S03.T-007`), so models of several sessions and projects can be combined without clashes.
// Without a prefix, IDs stay as the room gives them (`T-007`).

export const PROJECT_PREFIX_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/
const PROJECT_PREFIX_MESSAGE = 'A project prefix is 2 to 10 characters A-Z and 0-9, starting with a letter'

export const projectPrefixSchema = z.string().check(z.regex(PROJECT_PREFIX_PATTERN, PROJECT_PREFIX_MESSAGE))

export type ProjectPrefixInput = { ok: true; projectPrefix: string | null } | { ok: false; message: string }

/** What someone typed in a prefix field, as the API takes it: trimmed, upper-cased, null for none; or why it is no prefix. */
export function projectPrefixFromInput(text: string): ProjectPrefixInput {
	const prefix = text.trim().toUpperCase()
	if (prefix === '') return { ok: true, projectPrefix: null }
	return PROJECT_PREFIX_PATTERN.test(prefix) ? { ok: true, projectPrefix: prefix } : { ok: false, message: `${PROJECT_PREFIX_MESSAGE}.` }
}

/** The first session of a project is S01; each follow-up counts on. */
export const FIRST_SESSION_NUMBER = 1

export function nextSessionNumber(previous: number): number {
	return previous + 1
}

/** S01 … S99, then S100: zero-padded so IDs sort naturally. */
export function formatSessionNumber(n: number): string {
	return `S${String(n).padStart(2, '0')}`
}

export interface IdScope {
	projectPrefix: string | null
	sessionNumber: number
}

/** `PAY.S03`: the project and session a prefixed session's IDs start with; null without a prefix. */
export function projectSessionTag(scope: IdScope): string | null {
	return scope.projectPrefix === null ? null : `${scope.projectPrefix}.${formatSessionNumber(scope.sessionNumber)}`
}

/** `PAY.S03.T-007` with a prefix, the ID as it is without one; an ID not given yet stays ''. */
export function composeId(scope: IdScope, humanId: string): string {
	const tag = projectSessionTag(scope)
	return tag === null || humanId === '' ? humanId : `${tag}.${humanId}`
}
