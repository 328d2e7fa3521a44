import { z } from 'zod'
import { isPlainObject } from '@/lib/isPlainObject'

// What a tldraw 5.4.2 client may send the room (`TLSocketClientSentEvent`, sync protocol 8), as
// envelopes: the room's gate (messageGate.ts) checks every message against these before tldraw sees
// it. The records inside a push are not checked here: tldraw validates each against the schema and
// the room's authorizers judge each write. What is checked is everything tldraw itself trusts —
// malformed envelopes made it push `commit`s with no clock, discard silently, or throw and close
// the socket as UNKNOWN_ERROR.

/**
 * How deeply a message may nest. tldraw's validators, `structuredClone`, `isEqual` and
 * `JSON.stringify` all recurse, so a record nested a few thousand levels deep that tldraw stored
 * would break every save and every browser that loads it (without this limit the room stores one
 * 2,000 levels deep, and closes with UNKNOWN_ERROR at 5,000). A push of rich text with lists nested
 * ten levels deep is 59 levels, twenty levels 99: this leaves room for about fifty.
 */
export const MAX_MESSAGE_DEPTH = 256

/** `<typeName>:<id body>`: every tldraw record id. */
const RECORD_ID = /^[^:]+:./

// A push's diff is checked by hand, not by a recursive zod schema: zod tries every branch of a
// union at every level and took close to a second for a 4 MiB push of nested patches, which a
// client may send fifty times a second. This walks each value once, with an explicit stack.

type Problem = { path: (string | number)[]; message: string }

/** Where a value sits, kept as a chain and spelled out only for a problem. */
type PathNode = { parent: PathNode | null; key: string | number } | null

function spell(node: PathNode, tail: (string | number)[] = []): (string | number)[] {
	const path = [...tail]
	for (let at = node; at; at = at.parent) path.unshift(at.key)
	return path
}

/** The first problem in tldraw's ObjectDiff (diff.ts: `put`, `delete`, `append`, `patch` per key), or null. */
function objectDiffProblem(root: unknown, rootPath: (string | number)[]): Problem | null {
	let rootNode: PathNode = null
	for (const key of rootPath) rootNode = { parent: rootNode, key }
	const stack: [unknown, PathNode][] = [[root, rootNode]]
	while (stack.length > 0) {
		const [diff, node] = stack.pop() as [unknown, PathNode]
		if (!isPlainObject(diff)) return { path: spell(node), message: 'expected an object of value ops' }
		for (const key in diff) {
			if (!Object.hasOwn(diff, key)) continue
			const op = diff[key]
			// tldraw applies a patch by assignment: this key would set the patched record's prototype.
			if (key === '__proto__') return { path: spell(node, [key]), message: 'the key "__proto__" cannot be patched' }
			if (!Array.isArray(op)) return { path: spell(node, [key]), message: 'expected a value op' }
			const kind = op[0]
			if (kind === 'put' && op.length === 2) continue
			if (kind === 'delete' && op.length === 1) continue
			if (kind === 'append' && op.length === 3 && (typeof op[1] === 'string' || Array.isArray(op[1])) && Number.isInteger(op[2]) && op[2] >= 0) continue
			if (kind === 'patch' && op.length === 2) {
				stack.push([op[1], { parent: { parent: node, key }, key: 1 }])
				continue
			}
			return { path: spell(node, [key]), message: 'not a put, delete, append or patch op' }
		}
	}
	return null
}

/** The first problem in a push's `diff` (tldraw's NetworkDiff: `put`, `patch`, `remove` per record id), or null. */
function networkDiffProblem(diff: Record<string, unknown>): Problem | null {
	for (const [id, op] of Object.entries(diff)) {
		const at = ['diff', id]
		if (!RECORD_ID.test(id)) return { path: at, message: 'not a record id' }
		if (!Array.isArray(op)) return { path: at, message: 'expected a record op' }
		const [kind, value] = op
		if (kind === 'remove' && op.length === 1) continue
		if (kind === 'patch' && op.length === 2) {
			const problem = objectDiffProblem(value, [...at, 1])
			if (problem) return problem
			continue
		}
		if (kind === 'put' && op.length === 2 && isPlainObject(value)) {
			if (typeof value.typeName !== 'string' || value.typeName === '') return { path: [...at, 1, 'typeName'], message: 'expected a record type' }
			// tldraw stores a put under its key and asserts it is the record's id, deep in a transaction.
			if (value.id !== id) return { path: [...at, 1, 'id'], message: "a put's key is not the id of its record" }
			continue
		}
		return { path: at, message: 'not a put, patch or remove op' }
	}
	return null
}

const pushMessage = z
	.strictObject({
		type: z.literal('push'),
		clientClock: z.number().int().nonnegative(),
		// z.custom keeps the parsed objects as they are: a copy (as z.record makes) would turn a
		// `__proto__` key into a prototype and hide it from the check below, but not from tldraw.
		diff: z.custom<Record<string, unknown>>(isPlainObject, 'expected an object of record ops').optional(),
		// tldraw replaces the id and type of a presence record with the session's own.
		presence: z
			.custom<['put' | 'patch', Record<string, unknown>]>(
				(op) => Array.isArray(op) && op.length === 2 && (op[0] === 'put' || op[0] === 'patch') && isPlainObject(op[1]),
				'expected a put or patch of the presence record',
			)
			.optional(),
	})
	.superRefine((push, context) => {
		const problem =
			(push.diff && networkDiffProblem(push.diff)) || (push.presence?.[0] === 'patch' ? objectDiffProblem(push.presence[1], ['presence', 1]) : null)
		if (problem) context.addIssue({ code: 'custom', path: problem.path, message: problem.message })
	})

// tldraw's SerializedSchema: version 2 (tldraw ≥ 2) or the legacy version 1 it still migrates from.
const serializedSchema = z.union([
	z.looseObject({ schemaVersion: z.literal(2), sequences: z.record(z.string(), z.number().int().nonnegative()) }),
	z.looseObject({
		schemaVersion: z.literal(1),
		storeVersion: z.number().int(),
		recordVersions: z.record(z.string(), z.looseObject({ version: z.number().int() })),
	}),
])

// Strict: the handshake names no room and no session. Both come from the socket (the URL and the
// connection the worker authenticated), so a `connect` that names others is refused, not ignored.
const connectMessage = z.strictObject({
	type: z.literal('connect'),
	connectRequestId: z.string().min(1).max(64),
	// -1 before the first sync, then the last server clock the client saw.
	lastServerClock: z.number().int().min(-1),
	protocolVersion: z.number().int(),
	schema: serializedSchema,
})

const pingMessage = z.strictObject({ type: z.literal('ping') })

export const clientMessageSchema = z.discriminatedUnion('type', [connectMessage, pushMessage, pingMessage])
export type ClientMessage = z.infer<typeof clientMessageSchema>

/** True when `value` nests deeper than `maxDepth` objects and arrays. Iterative: the depth is the attack. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
	const stack: [unknown, number][] = [[value, 1]]
	while (stack.length > 0) {
		const [current, depth] = stack.pop() as [unknown, number]
		if (typeof current !== 'object' || current === null) continue
		if (depth > maxDepth) return true
		if (Array.isArray(current)) {
			for (const child of current) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
		} else {
			for (const key in current) {
				const child = (current as Record<string, unknown>)[key]
				if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
			}
		}
	}
	return false
}

/** The first problem zod found, as a short sentence that never quotes the message. */
export function describeIssue(error: z.ZodError): string {
	const issue = error.issues[0]
	if (!issue) return 'not a tldraw client message'
	const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'message'
	return `${where}: ${issue.message}`.slice(0, 200)
}
