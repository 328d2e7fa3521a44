// The HTTP API fuzz table: every endpoint with missing, oversized, wrongly typed and hostile
// requests, and the status each must get. Pure data, no route handlers: app/api/httpFuzz.test.ts
// sends every case to the handlers, scripts/securityDoc.ts counts them for docs/security.md.
//
// Values written `$name` are filled in by the test from its fixture (a real session id, a live
// token), so a case differs from an accepted request only in what it is testing.

type FuzzCategory =
	| 'content type'
	| 'missing or empty body'
	| 'malformed JSON'
	| 'oversized'
	| 'wrong type'
	| 'array for object'
	| 'very long string'
	| 'unicode controls'
	| 'prototype pollution'
	| 'deep nesting'
	| 'path'
	| 'credentials'
	| 'query'

export type FuzzBody =
	| { kind: 'none' }
	| { kind: 'text'; text: string }
	| { kind: 'bytes'; bytes: readonly number[] }
	| { kind: 'json'; value: unknown }
	/**
	 * A body of `bytes` bytes, JSON-shaped: announced by its Content-Length, streamed without one
	 * (chunked), or with a Content-Length that understates it.
	 */
	| { kind: 'oversized'; bytes: number; mode: 'declared' | 'streamed' | 'understated' }

interface FuzzRequest {
	body: FuzzBody
	/** null: no Content-Type header. Default application/json. */
	contentType?: string | null
	/** Replaces the route's `:id`. */
	id?: string
	/** Replaces the endpoint's valid credentials; null sends none. */
	credential?: string | null
	/** The query string, for GET export. */
	query?: string
}

export interface FuzzCase {
	endpoint: EndpointName
	category: FuzzCategory
	description: string
	request: FuzzRequest
	/** The one status the endpoint must answer. */
	status: number
}

export type EndpointName = (typeof ENDPOINTS)[number]['name']

interface BodyField {
	/** Dotted path into the valid body. */
	path: string
	type: 'string' | 'enum' | 'int' | 'array' | 'object'
	/** Free text the API keeps: control characters and bidi overrides are refused in it. */
	text?: 'line' | 'multiline'
	/** Whether hostile text is refused (400) or taken as text (the room's own content: 200). */
	hostileTextStatus?: number
	/** Status for a string far over the field's limit; 400 unless the endpoint shortens it. */
	longStatus?: number
}

interface EndpointSpec {
	name: string
	method: 'GET' | 'POST' | 'PUT'
	auth: 'none' | 'bearer' | 'internal'
	/** Body limit in bytes; null for endpoints that read no body. */
	maxBytes: number | null
	validBody?: unknown
	fields?: readonly BodyField[]
	/** What every refused body gets: 400, or for a route that never reads its body, what it answers anyway. */
	refused?: number
	/** The status when reserved keys (`__proto__`…) are sent: 400, but the room's snapshot keeps any key. */
	reservedKeysStatus?: number
	/** Deepest accepted nesting of the body. */
	maxDepth?: number
	hasId: boolean
}

const KIB = 1024
const MIB = 1024 * KIB

/** OWASP Threat Dragon's "new model" (v2-new-model.json): the smallest valid import. */
const TD_NEW_MODEL = {
	version: '2.0.0',
	summary: { title: 'New threat model', owner: '', description: '', id: 0 },
	detail: { contributors: [], diagrams: [], diagramTop: 0, reviewer: '', threatTop: 0 },
}

const ENDPOINTS = [
	{
		name: 'POST /api/sessions',
		method: 'POST',
		auth: 'none',
		maxBytes: 64 * KIB,
		validBody: { name: 'Payments', description: 'Q3 review', framework: 'STRIDE' },
		fields: [
			{ path: 'name', type: 'string', text: 'line' },
			{ path: 'description', type: 'string', text: 'multiline' },
			{ path: 'framework', type: 'enum' },
		],
		hasId: false,
	},
	{
		name: 'POST /api/sessions/:id/join',
		method: 'POST',
		auth: 'none',
		maxBytes: 4 * KIB,
		validBody: { token: '$participantToken', userKey: 'fuzz-user-key-0123456789' },
		fields: [
			{ path: 'token', type: 'string', text: 'line' },
			{ path: 'userKey', type: 'string', text: 'line' },
		],
		hasId: true,
	},
	{
		name: 'POST /api/sessions/summaries',
		method: 'POST',
		auth: 'none',
		maxBytes: 64 * KIB,
		validBody: { links: [{ id: '$sessionId', token: '$participantToken' }] },
		fields: [
			{ path: 'links', type: 'array' },
			{ path: 'links.0', type: 'object' },
			{ path: 'links.0.id', type: 'string', text: 'line' },
			{ path: 'links.0.token', type: 'string', text: 'line' },
		],
		hasId: false,
	},
	{
		name: 'POST /api/sessions/import',
		method: 'POST',
		auth: 'none',
		maxBytes: 5 * MIB,
		validBody: TD_NEW_MODEL,
		fields: [
			{ path: 'version', type: 'string' },
			// A title over the session name's limit is shortened, and line breaks in it folded, with a
			// warning: documented, not refused. Control characters and overrides are refused.
			{ path: 'summary.title', type: 'string', text: 'multiline', longStatus: 201 },
			{ path: 'summary.description', type: 'string', text: 'multiline', longStatus: 201 },
			{ path: 'summary', type: 'object' },
			{ path: 'detail.diagrams', type: 'array' },
		],
		hasId: false,
	},
	{
		name: 'POST /api/sessions/:id/links/rotate',
		method: 'POST',
		auth: 'bearer',
		maxBytes: 4 * KIB,
		validBody: { role: 'observer' },
		fields: [{ path: 'role', type: 'enum' }],
		hasId: true,
	},
	{
		// Reads no body: whatever is sent, an active session's follow-up is refused (409), unwritten.
		name: 'POST /api/sessions/:id/follow-up',
		method: 'POST',
		auth: 'bearer',
		maxBytes: null,
		refused: 409,
		hasId: true,
	},
	{ name: 'GET /api/sessions/:id', method: 'GET', auth: 'bearer', maxBytes: null, hasId: true },
	{ name: 'GET /api/sessions/:id/export', method: 'GET', auth: 'bearer', maxBytes: null, hasId: true },
	{
		name: 'POST /api/internal/sessions/:id/authorize',
		method: 'POST',
		auth: 'internal',
		maxBytes: 4 * KIB,
		validBody: { token: '$participantToken' },
		fields: [{ path: 'token', type: 'string', text: 'line' }],
		hasId: true,
	},
	{ name: 'GET /api/internal/sessions/:id/canvas', method: 'GET', auth: 'internal', maxBytes: null, hasId: true },
	{
		name: 'PUT /api/internal/sessions/:id/canvas',
		method: 'PUT',
		auth: 'internal',
		maxBytes: 20 * MIB,
		validBody: { snapshot: { documents: [], schema: {} }, clock: 1, humanIdCounters: { P: 1 }, elements: [] },
		fields: [
			{ path: 'snapshot', type: 'object' },
			{ path: 'snapshot.documents', type: 'array' },
			{ path: 'clock', type: 'int' },
			{ path: 'humanIdCounters', type: 'object' },
			{ path: 'humanIdCounters.P', type: 'int' },
			{ path: 'elements', type: 'array' },
		],
		// The room's snapshot: a shape's meta may hold any key a client chose (see the route).
		reservedKeysStatus: 200,
		maxDepth: 1000,
		hasId: true,
	},
] as const satisfies readonly EndpointSpec[]

// Hostile values.

/** Control and formatting characters no name or token of ours holds. */
const HOSTILE_TEXT: ReadonlyArray<[string, string]> = [
	['NUL', 'before\u0000after'],
	['escape sequence', '\u001b[31mred\u001b[0m'],
	['right-to-left override', 'invoice\u202Egpj.exe'],
	['bidi isolate', 'a\u2066b\u2069c'],
	['C1 control (NEL)', 'line\u0085break'],
	['unpaired surrogate', 'broken\uD800text'],
]

const WRONG_TYPES: Record<BodyField['type'], ReadonlyArray<[string, unknown]>> = {
	string: [['null', null], ['number', 42], ['boolean', true], ['array', ['x']], ['object', { x: 1 }]],
	enum: [['null', null], ['number', 1], ['unknown value', 'NOT-A-VALUE'], ['array', ['x']], ['object', { x: 1 }]],
	int: [['null', null], ['string', '1'], ['negative', -1], ['fraction', 1.5], ['huge', 1e300], ['object', { x: 1 }]],
	array: [['null', null], ['string', 'x'], ['number', 1], ['object', { 0: 'x' }]],
	object: [['null', null], ['string', 'x'], ['number', 1], ['array', [1, 2]]],
}

const MALFORMED_JSON: ReadonlyArray<[string, string]> = [
	['unterminated object', '{"name":'],
	['single quotes', "{'name':'x'}"],
	['trailing comma', '{"name":"x",}'],
	['bare word', 'undefined'],
	['NaN', '{"n":NaN}'],
	['two documents', '{}{}'],
	['trailing garbage', '{"name":"x"} <script>'],
]

const NON_UTF8: ReadonlyArray<[string, readonly number[]]> = [
	['lone 0xFF byte', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]],
	['overlong encoding of /', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]],
]

const OTHER_CONTENT_TYPES: ReadonlyArray<string | null> = [
	null,
	'text/plain',
	'text/plain;charset=UTF-8',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=fuzz',
	'application/xml',
	'text/html',
]

const HOSTILE_IDS: ReadonlyArray<[string, string]> = [
	['well-formed but unknown', 'unknownSess1'],
	['path traversal', '../../etc/passwd'],
	['65 characters', 'a'.repeat(65)],
	['empty', ''],
	['NUL', 'abc\u0000def'],
	['markup', '<script>alert(1)</script>'],
	['SQL', "x' OR '1'='1"],
	['bidi override', 'abc\u202Edef'],
]

const BAD_BEARERS: ReadonlyArray<[string, string | null]> = [
	['no Authorization header', null],
	['scheme only', 'Bearer'],
	['empty token', 'Bearer '],
	['Basic credentials', 'Basic Zm9vOmJhcg=='],
	['two tokens', 'Bearer a b'],
	['unknown token', `Bearer ${'x'.repeat(24)}`],
	['8000-character token', `Bearer ${'x'.repeat(8000)}`],
	['markup as token', 'Bearer <script>alert(1)</script>'],
]

const BAD_SECRETS: ReadonlyArray<[string, string | null]> = [
	['no secret header', null],
	['empty secret', ''],
	['wrong secret', 'not-the-shared-secret'],
	['the secret plus one character', '$secretx'],
	['the secret in upper case', '$SECRET'],
	['10 000-character secret', 's'.repeat(10_000)],
]

const BAD_EXPORT_QUERIES: ReadonlyArray<[string, string]> = [
	['no format', ''],
	['unknown format', 'format=exe'],
	['format in the wrong case', 'format=HTML'],
	['markup as format', 'format=%3Cscript%3E'],
	['NUL as format', 'format=%00'],
	['unknown view', 'format=md&view=secret'],
	['diagram that does not exist', 'format=svg&diagram=999'],
	['300-character diagram', `format=svg&diagram=${'x'.repeat(300)}`],
]

// Helpers.

/** A copy of `body` with the value at dotted `path` replaced. */
function withValueAt(body: unknown, path: string, value: unknown): unknown {
	const copy: unknown = structuredClone(body)
	const keys = path.split('.')
	let target = copy as Record<string, unknown>
	for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>
	target[keys.at(-1) ?? ''] = value
	return copy
}

function nested(depth: number, leaf: unknown = 1): unknown {
	let value: unknown = leaf
	for (let level = 0; level < depth; level++) value = [value]
	return value
}

/** JSON text with a raw key: JSON.stringify cannot write `__proto__` as an own key of a literal. */
function withRawKey(body: unknown, key: string, value: unknown): string {
	const text = JSON.stringify(body)
	return `{${JSON.stringify(key)}:${JSON.stringify(value)},${text.slice(1)}`
}

const POLLUTION = { polluted: 'yes' }

// The generator.

function bodyCases(spec: EndpointSpec): Omit<FuzzCase, 'endpoint'>[] {
	const cases: Omit<FuzzCase, 'endpoint'>[] = []
	const refused = spec.refused ?? 400
	const valid = spec.validBody ?? { name: 'ignored' }
	const validText = JSON.stringify(valid)
	const add = (category: FuzzCategory, description: string, request: FuzzRequest, status = refused) =>
		cases.push({ category, description, request, status })

	for (const contentType of OTHER_CONTENT_TYPES) {
		add('content type', `valid JSON sent as ${contentType ?? 'no Content-Type'}`, { body: { kind: 'text', text: validText }, contentType }, spec.refused ?? 415)
	}
	add('content type', 'a form post', { body: { kind: 'text', text: 'name=x&framework=STRIDE' }, contentType: 'application/x-www-form-urlencoded' }, spec.refused ?? 415)

	add('missing or empty body', 'no body', { body: { kind: 'none' } })
	add('missing or empty body', 'empty body', { body: { kind: 'text', text: '' } })
	add('missing or empty body', 'whitespace only', { body: { kind: 'text', text: ' \n\t ' } })
	for (const [name, text] of MALFORMED_JSON) add('malformed JSON', name, { body: { kind: 'text', text } })
	for (const [name, bytes] of NON_UTF8) add('malformed JSON', `not UTF-8: ${name}`, { body: { kind: 'bytes', bytes } })

	const limits = spec.maxBytes === null ? [70 * KIB] : [...new Set([spec.maxBytes, Math.max(spec.maxBytes, 64 * KIB)])]
	for (const limit of limits) {
		for (const mode of ['declared', 'streamed', 'understated'] as const) {
			add('oversized', `${limit + 1} bytes, ${mode === 'declared' ? 'announced' : mode === 'streamed' ? 'chunked' : 'with a Content-Length of 10'}`, { body: { kind: 'oversized', bytes: limit + 1, mode } }, spec.refused ?? 413)
		}
	}

	for (const [name, value] of [['null', null], ['true', true], ['0', 0], ['a string', 'x'], ['an empty array', []]] as const) {
		add('wrong type', `the body is ${name}`, { body: { kind: 'json', value } })
	}
	add('array for object', 'the valid body inside an array', { body: { kind: 'json', value: [valid] } })

	for (const field of spec.fields ?? []) {
		for (const [name, value] of WRONG_TYPES[field.type]) {
			add(field.type === 'object' && name === 'array' ? 'array for object' : 'wrong type', `${field.path}: ${name}`, { body: { kind: 'json', value: withValueAt(valid, field.path, value) } })
		}
		if (field.type !== 'string') continue
		const room = spec.maxBytes === null ? 60 * KIB : Math.min(spec.maxBytes - 512, 1 * MIB)
		add('very long string', `${field.path}: ${room} characters`, { body: { kind: 'json', value: withValueAt(valid, field.path, 'x'.repeat(room)) } }, field.longStatus ?? refused)
		if (field.text === undefined) continue
		for (const [name, text] of HOSTILE_TEXT) {
			add('unicode controls', `${field.path}: ${name}`, { body: { kind: 'json', value: withValueAt(valid, field.path, text) } }, field.hostileTextStatus ?? refused)
		}
		if (field.text === 'line') {
			add('unicode controls', `${field.path}: a line break`, { body: { kind: 'json', value: withValueAt(valid, field.path, 'two\nlines') } }, field.hostileTextStatus ?? refused)
		}
	}

	const reserved = spec.reservedKeysStatus ?? refused
	add('prototype pollution', '"__proto__" at the top', { body: { kind: 'text', text: withRawKey(valid, '__proto__', POLLUTION) } }, reserved)
	add('prototype pollution', '"constructor.prototype" at the top', { body: { kind: 'text', text: withRawKey(valid, 'constructor', { prototype: POLLUTION }) } }, reserved)
	add('prototype pollution', '"prototype" at the top', { body: { kind: 'text', text: withRawKey(valid, 'prototype', POLLUTION) } }, reserved)
	const objectField = (spec.fields ?? []).find((field) => field.type === 'object')
	if (objectField) {
		const inner = JSON.stringify(withValueAt(valid, objectField.path, '__MARK__')).replace('"__MARK__"', `{"__proto__":${JSON.stringify(POLLUTION)}}`)
		add('prototype pollution', `"__proto__" inside ${objectField.path}`, { body: { kind: 'text', text: inner } }, reserved)
	}

	const maxDepth = spec.maxDepth ?? 64
	// As deep as fits the limit (two bytes a level), far past the accepted depth.
	const depth = Math.min(maxDepth * 50, Math.floor(((spec.maxBytes ?? 64 * KIB) - 16) / 2))
	// Written as text: JSON.stringify itself overflows the stack a few thousand levels down.
	add('deep nesting', `the body nested ${depth} levels`, { body: { kind: 'text', text: `${'['.repeat(depth)}1${']'.repeat(depth)}` } })
	const deepField = (spec.fields ?? [])[0]
	if (deepField) {
		add('deep nesting', `${deepField.path} nested ${maxDepth + 1} levels`, { body: { kind: 'json', value: withValueAt(valid, deepField.path, nested(maxDepth)) } })
	}
	return cases
}

function headerCases(spec: EndpointSpec): Omit<FuzzCase, 'endpoint'>[] {
	const cases: Omit<FuzzCase, 'endpoint'>[] = []
	const body: FuzzBody = spec.validBody === undefined ? { kind: 'none' } : { kind: 'json', value: spec.validBody }
	if (spec.hasId) {
		for (const [name, id] of HOSTILE_IDS) cases.push({ category: 'path', description: `session id: ${name}`, request: { body, id }, status: 404 })
	}
	if (spec.auth === 'bearer') {
		for (const [name, credential] of BAD_BEARERS) cases.push({ category: 'credentials', description: name, request: { body, credential }, status: 401 })
	}
	if (spec.auth === 'internal') {
		for (const [name, credential] of BAD_SECRETS) cases.push({ category: 'credentials', description: name, request: { body, credential }, status: 401 })
	}
	if (spec.name === 'GET /api/sessions/:id/export') {
		for (const [name, query] of BAD_EXPORT_QUERIES) cases.push({ category: 'query', description: name, request: { body, query }, status: 400 })
	}
	return cases
}

/** Every case of every endpoint, in table order. */
export function fuzzCases(): FuzzCase[] {
	return ENDPOINTS.flatMap((spec: EndpointSpec) => {
		const cases = [...(spec.method === 'GET' ? [] : bodyCases(spec)), ...headerCases(spec)]
		return cases.map((fuzzCase) => ({ ...fuzzCase, endpoint: spec.name as EndpointName }))
	})
}

export function endpointSpec(name: EndpointName): EndpointSpec {
	const spec = ENDPOINTS.find((candidate) => candidate.name === name)
	if (!spec) throw new Error(`No endpoint ${name}`)
	return spec
}
