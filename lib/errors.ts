/**
 * An error whose message is safe to show the caller. Anything else thrown in a route handler is
 * logged and answered with a bare 500, so internals never leak.
 */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly publicMessage: string,
		readonly details: Readonly<Record<string, unknown>> = {},
	) {
		super(publicMessage)
		this.name = 'HttpError'
	}

	toBody(): Record<string, unknown> {
		return { ...this.details, error: this.publicMessage }
	}
}

export class BadRequestError extends HttpError {
	constructor(message = 'Invalid request', details?: Record<string, unknown>) {
		super(400, message, details)
	}
}

export class UnauthorizedError extends HttpError {
	constructor(message = 'Unauthorized') {
		super(401, message)
	}
}

export class ForbiddenError extends HttpError {
	constructor(message = 'Forbidden') {
		super(403, message)
	}
}

export class NotFoundError extends HttpError {
	constructor(message = 'Not found') {
		super(404, message)
	}
}

export class PayloadTooLargeError extends HttpError {
	constructor(readonly limit: number) {
		super(413, 'Body too large', { limit })
	}
}

export class UnsupportedMediaTypeError extends HttpError {
	constructor(expected = 'application/json') {
		super(415, `Content-Type must be ${expected}`, { issues: [{ path: 'content-type', message: `Expected ${expected}` }] })
	}
}
