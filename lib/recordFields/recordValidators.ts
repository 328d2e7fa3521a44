import { T } from '@tldraw/validate'

// tldraw validators shared by our record types: the room runs them on every record a client
// pushes, so limits here are the server's limits.

export function boundedString(max: number, { min = 0 } = {}) {
	return T.string.check((value) => {
		if (value.length > max) throw new T.ValidationError(`Expected at most ${max} characters, got ${value.length}`)
		if (value.length < min) throw new T.ValidationError(`Expected at least ${min} characters`)
	})
}

export const riskLevelValidator = T.integer.check((value) => {
	if (value < 1 || value > 5) throw new T.ValidationError(`Expected a level from 1 to 5, got ${value}`)
})

/** A calendar date (YYYY-MM-DD) or '' for none: due and review dates have no time of day. */
export const optionalDateValidator = T.string.check((value) => {
	if (value === '') return
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
		throw new T.ValidationError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`)
	}
})

export const URL_MAX = 2048

/** An http(s) link or '' — never javascript:, data: or other schemes that run when clicked. */
export const optionalHttpUrlValidator = T.string.check((value) => {
	if (value === '') return
	if (value.length > URL_MAX) throw new T.ValidationError(`Expected a URL of at most ${URL_MAX} characters`)
	let url: URL
	try {
		url = new URL(value)
	} catch {
		throw new T.ValidationError('Expected an http or https URL')
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new T.ValidationError('Expected an http or https URL')
})

export const timestampValidator = T.number.check((value) => {
	if (!Number.isFinite(value) || value < 0) throw new T.ValidationError('Expected a timestamp in milliseconds')
})
