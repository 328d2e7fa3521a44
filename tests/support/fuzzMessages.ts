import type { MessageErrorReason } from '@/lib/protocol/customMessages'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { seededRandom } from '../../bench/lib/propagation'
import { chunk, getTlsyncProtocolVersion } from '@/lib/canvas/syncCoreInternals'

// A deterministic stream of bad messages for the room (tests/integration/fuzz.test.ts), each with
// the one answer the room owes it (docs/protocol.md, "Errors"). Pure: frames are built when sent,
// so a 50 MB string exists only while it is on its way.

export type FuzzLane = 'unauthenticated' | 'participant' | 'observer'

const FUZZ_KINDS = [
	'invalidJson',
	'wrongTypes',
	'unknownKind',
	'hugeString',
	'deepNesting',
	'binary',
	'chunkAbuse',
	'beforeHandshake',
	'foreignSession',
	'invalidRecord',
] as const
export type FuzzKind = (typeof FUZZ_KINDS)[number]

export type FuzzAnswer =
	/** `{type:'custom', data:{type:'error', reason}}`; the socket stays open. */
	| { answer: 'error'; reason: MessageErrorReason }
	/** The room's `rejected` message: the write was refused by the role rules. */
	| { answer: 'rejected' }
	/** Closed by the room with 4099 and this reason. */
	| { answer: 'close'; reason: string }
	/** A frame over workerd's 1 MiB cap: workerd drops the connection (1009, or 1006 when the sender is still sending). */
	| { answer: 'cut' }

export type Frame = string | Uint8Array

export interface FuzzMessage {
	index: number
	lane: FuzzLane
	kind: FuzzKind
	/** The variant, for counting and for a failure message. */
	label: string
	frames(): Frame[]
	/** Sent on a socket whose handshake is not done. */
	beforeHandshake: boolean
	expect: FuzzAnswer
}

/** Records the foreign writes aim at: someone else's threat, as roleActions.ts seeds it. */
interface FuzzTargets {
	othersThreatId: string
	otherUserId: string
	/** Another session of the same party. */
	otherSessionId: string
}

/** Every string the fuzzer makes up carries this, so a save that holds one is easy to find. */
export const FUZZ_MARK = 'FUZZ'

const MIB = 1024 * 1024
/** Under workerd's 1 MiB frame cap, so the frame reaches the room. */
const LARGEST_DELIVERED_FRAME = 1_000_000

const connectMessage = (extra: object = {}) => ({
	type: 'connect',
	connectRequestId: `${FUZZ_MARK}-connect`,
	lastServerClock: -1,
	protocolVersion: getTlsyncProtocolVersion(),
	schema: threatroomSchema.serialize(),
	...extra,
})

const json = (value: unknown) => JSON.stringify(value)
const push = (diff: object, extra: object = {}) => json({ type: 'push', clientClock: 1, diff, ...extra })
const page = (id: string, extra: object = {}) => ({ id, typeName: 'page', name: FUZZ_MARK, index: 'a9', meta: {}, ...extra })

/** Random values for one message's frames, from that message's own seed. */
interface Dice {
	int(min: number, max: number): number
	/** A made-up word carrying the fuzz mark. */
	word(): string
	bytes(n: number): Uint8Array
	/** A size from 10 kB to just under the frame cap, log-uniform: most small, a few near the cap. */
	size(): number
	/** A depth past the limit: mostly up to 5,000, sometimes up to 100,000. */
	deep(): number
}

function dice(random: () => number): Dice {
	const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
	return {
		int,
		word: () => `${FUZZ_MARK}${int(0, 1e9).toString(36)}`,
		bytes: (n) => Uint8Array.from({ length: n }, () => int(0, 255)),
		size: () => Math.round(Math.exp(Math.log(10_000) + random() * (Math.log(LARGEST_DELIVERED_FRAME - 100) - Math.log(10_000)))),
		deep: () => int(257, random() < 0.9 ? 5_000 : 100_000),
	}
}

type Variant = [label: string, frames: (dice: Dice) => Frame[], expect: (lane: FuzzLane) => FuzzAnswer]

const error = (reason: MessageErrorReason) => () => ({ answer: 'error', reason }) as const
/** A valid write the role rules refuse: `rejected` for both roles. */
const rejected = () => ({ answer: 'rejected' }) as const
/** An invalid record: tldraw closes an editor's socket; an observer's write is refused before validation. */
const invalidRecord = (lane: FuzzLane): FuzzAnswer => (lane === 'observer' ? { answer: 'rejected' } : { answer: 'close', reason: 'INVALID_RECORD' })

const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

function variants(targets: FuzzTargets): Record<FuzzKind, Variant[]> {
	return {
		invalidJson: [
			['unquoted key', (d) => [`{${d.word()}:1}`], error('INVALID_JSON')],
			['truncated push', (d) => [push({ [`page:${d.word()}`]: ['put', page('page:x')] }).slice(0, d.int(2, 40))], error('INVALID_JSON')],
			['plain text', (d) => [`hello ${d.word()}`], error('INVALID_JSON')],
			['single quotes', (d) => [`{'type':'ping','x':'${d.word()}'}`], error('INVALID_JSON')],
			['NaN', () => ['NaN'], error('INVALID_JSON')],
			['trailing comma', () => ['{"type":"ping",}'], error('INVALID_JSON')],
		],
		wrongTypes: [
			['clock is a string', (d) => [json({ type: 'push', clientClock: d.word() })], error('BAD_MESSAGE')],
			['negative clock', (d) => [json({ type: 'push', clientClock: -d.int(1, 99) })], error('BAD_MESSAGE')],
			['no clock', () => [json({ type: 'push', diff: {} })], error('BAD_MESSAGE')],
			['diff is a string', (d) => [push(d.word() as unknown as object)], error('BAD_MESSAGE')],
			['diff is an array', () => [push([1, 2] as unknown as object)], error('BAD_MESSAGE')],
			['unknown op', (d) => [push({ [`shape:${d.word()}`]: ['weird'] })], error('BAD_MESSAGE')],
			['put without record', (d) => [push({ [`shape:${d.word()}`]: ['put'] })], error('BAD_MESSAGE')],
			['patch with a string', (d) => [push({ [`shape:${d.word()}`]: ['patch', d.word()] })], error('BAD_MESSAGE')],
			['remove with a value', (d) => [push({ [`shape:${d.word()}`]: ['remove', 1] })], error('BAD_MESSAGE')],
			['id without type', (d) => [push({ [d.word()]: ['remove'] })], error('BAD_MESSAGE')],
			["put's key is another id", (d) => [push({ 'page:honest': ['put', page(`page:${d.word()}`)] })], error('BAD_MESSAGE')],
			['presence remove', () => [json({ type: 'push', clientClock: 1, presence: ['remove'] })], error('BAD_MESSAGE')],
			// Written out: an object literal would make `__proto__` a prototype, not a key.
			[
				'__proto__ patched',
				() => [`{"type":"push","clientClock":1,"diff":{"page:page":["patch",{"meta":["patch",{"__proto__":["put",{"${FUZZ_MARK}":true}]}]}]}}`],
				error('BAD_MESSAGE'),
			],
			['ping with a payload', (d) => [json({ type: 'ping', payload: d.word() })], error('BAD_MESSAGE')],
			['connect clock is a string', (d) => [json(connectMessage({ lastServerClock: d.word() }))], error('BAD_MESSAGE')],
			['connect without schema', () => [json({ ...connectMessage(), schema: undefined })], error('BAD_MESSAGE')],
			['connect schema garbage', (d) => [json(connectMessage({ schema: { schemaVersion: 2, sequences: d.word() } }))], error('BAD_MESSAGE')],
		],
		unknownKind: [
			['made-up type', (d) => [json({ type: d.word() })], error('BAD_MESSAGE')],
			['no type', () => [json({ diff: {} })], error('BAD_MESSAGE')],
			['numeric type', (d) => [json({ type: d.int(0, 9) })], error('BAD_MESSAGE')],
			["server's own message", () => [json({ type: 'push_result', clientClock: 1, serverClock: 1, action: 'commit' })], error('BAD_MESSAGE')],
			['array', (d) => [json([d.word(), d.int(0, 9)])], error('BAD_MESSAGE')],
			['string', (d) => [json(d.word())], error('BAD_MESSAGE')],
			['null', () => ['null'], error('BAD_MESSAGE')],
			['number', (d) => [String(d.int(0, 1e6))], error('BAD_MESSAGE')],
		],
		hugeString: [
			['large non-JSON', (d) => [`{"${FUZZ_MARK}":"${'x'.repeat(d.size())}`], error('INVALID_JSON')],
			['large JSON string', (d) => [json('x'.repeat(d.size()) + FUZZ_MARK)], error('BAD_MESSAGE')],
			['large padded push', (d) => [json({ type: 'push', clientClock: 1, padding: FUZZ_MARK + 'x'.repeat(d.size()) })], error('BAD_MESSAGE')],
		],
		deepNesting: [
			['deep arrays', (d) => [nest(d.deep())], error('BAD_MESSAGE')],
			[
				'deep meta in a put',
				(d) => [push({ 'page:deep': ['put', page('page:deep', { meta: { d: 0 } })] }).replace('"d":0', `"d":${nest(d.deep())}`)],
				error('BAD_MESSAGE'),
			],
			['deep patch', (d) => [push({ 'page:deep': ['patch', { meta: ['put', 0] }] }).replace('"put",0', `"put",${deepObject(d.deep())}`)], error('BAD_MESSAGE')],
		],
		binary: [
			['random bytes', (d) => [d.bytes(d.int(1, 4_096))], error('BINARY_MESSAGE')],
			['a valid ping as bytes', () => [new TextEncoder().encode('{"type":"ping"}')], error('BINARY_MESSAGE')],
			['a foreign write as bytes', () => [new TextEncoder().encode(push({ [targets.othersThreatId]: ['remove'] }))], error('BINARY_MESSAGE')],
		],
		chunkAbuse: [
			['skipped chunk', () => ['2_{"type"', '0_:"ping"}'], error('BAD_CHUNK')],
			['whole message mid-chunk', () => ['1_{"type"', '{"type":"ping"}'], error('BAD_CHUNK')],
			['absurd chunk count', (d) => [`${'9'.repeat(d.int(20, 40))}_${d.word()}`], error('BAD_CHUNK')],
			['chunks of non-JSON', (d) => ['1_{"ty', `0_pe":${d.word()}`], error('INVALID_JSON')],
			['chunks of an empty object', () => ['1_{', '0_}'], error('BAD_MESSAGE')],
		],
		beforeHandshake: [
			['ping', () => ['{"type":"ping"}'], error('NOT_CONNECTED')],
			['push', () => [push({})], error('NOT_CONNECTED')],
		],
		foreignSession: [
			['connect naming another room and session', (d) => [json(connectMessage({ roomId: targets.otherSessionId, sessionId: d.word() }))], error('BAD_MESSAGE')],
			["edit someone else's threat", () => [push({ [targets.othersThreatId]: ['patch', { title: ['put', `${FUZZ_MARK} pwned`] }] })], rejected],
			["delete someone else's threat", () => [push({ [targets.othersThreatId]: ['remove'] })], rejected],
			[
				'vote as someone else',
				() => {
					const id = `vote:${targets.othersThreatId.slice('threat:'.length)}~${targets.otherUserId}`
					const vote = {
						id,
						typeName: 'vote',
						threatId: targets.othersThreatId,
						voterId: targets.otherUserId,
						voterName: FUZZ_MARK,
						likelihood: 5,
						impact: 5,
						votedAt: 0,
					}
					return [push({ [id]: ['put', vote] })]
				},
				rejected,
			],
			[
				"another session's presence in the document",
				(d) => {
					const id = `instance_presence:${d.word()}`
					return [push({ [id]: ['put', { id, typeName: 'instance_presence', userName: FUZZ_MARK }] })]
				},
				invalidRecord,
			],
		],
		invalidRecord: [
			['page name is a number', (d) => [push({ 'page:bad': ['put', page('page:bad', { name: d.int(0, 9) })] })], invalidRecord],
			['unknown record type', () => [push({ [`${FUZZ_MARK}:x`]: ['put', { id: `${FUZZ_MARK}:x`, typeName: FUZZ_MARK }] })], invalidRecord],
			[
				'unknown shape type',
				() => [
					push({
						'shape:bad': ['put', { id: 'shape:bad', typeName: 'shape', type: FUZZ_MARK, x: 0, y: 0, parentId: 'page:page', index: 'a1', props: {}, meta: {} }],
					}),
				],
				invalidRecord,
			],
		],
	}
}

/** How often each kind comes up, out of the total weight. */
const KIND_WEIGHTS: Record<FuzzKind, number> = {
	invalidJson: 14,
	wrongTypes: 20,
	unknownKind: 14,
	hugeString: 5,
	deepNesting: 8,
	binary: 9,
	chunkAbuse: 9,
	beforeHandshake: 3,
	foreignSession: 14,
	invalidRecord: 4,
}

/** The few messages far over the limits, placed at seeded positions of their lane. */
function oversized(lane: FuzzLane): Variant[] {
	const huge = (bytes: number) => 'x'.repeat(bytes - FUZZ_MARK.length) + FUZZ_MARK
	const chunked = (bytes: number) => chunk(json({ type: 'push', clientClock: 1, padding: huge(bytes) }), LARGEST_DELIVERED_FRAME)
	const single: Variant[] = [
		['50 MB in one frame', () => [huge(50_000_000)], () => ({ answer: 'cut' })],
		['2 MiB in one frame', () => [huge(2 * MIB)], () => ({ answer: 'cut' })],
	]
	if (lane === 'unauthenticated') return single
	return [
		...single,
		['50 MB in 1 MB chunks', () => chunked(50_000_000), () => ({ answer: 'close', reason: 'MESSAGE_TOO_LARGE' })],
		['5 MiB in 1 MB chunks', () => chunked(5 * MIB), () => ({ answer: 'close', reason: 'MESSAGE_TOO_LARGE' })],
	]
}

export interface FuzzPlan {
	seed: number
	count: number
	/** Share of the messages per lane; the rest are the participant's. */
	shares: Record<Exclude<FuzzLane, 'participant'>, number>
	targets: FuzzTargets
}

export function generateFuzzMessages({ seed, count, shares, targets }: FuzzPlan): FuzzMessage[] {
	const random = seededRandom(seed)
	const byKind = variants(targets)
	const totalWeight = Object.values(KIND_WEIGHTS).reduce((sum, weight) => sum + weight, 0)
	const pickKind = (): FuzzKind => {
		let roll = random() * totalWeight
		for (const kind of FUZZ_KINDS) {
			roll -= KIND_WEIGHTS[kind]
			if (roll < 0) return kind
		}
		return 'invalidJson'
	}
	const pickLane = (): FuzzLane => {
		const roll = random()
		if (roll < shares.unauthenticated) return 'unauthenticated'
		return roll < shares.unauthenticated + shares.observer ? 'observer' : 'participant'
	}
	const message = (index: number, lane: FuzzLane, kind: FuzzKind, [label, frames, expect]: Variant): FuzzMessage => {
		// Each message rolls its own dice: its frames are the same whenever, and in whatever order, they are built.
		const messageSeed = Math.floor(random() * 2 ** 32)
		return {
			index,
			lane,
			kind,
			label,
			frames: () => frames(dice(seededRandom(messageSeed))),
			beforeHandshake: kind === 'beforeHandshake',
			// Whatever an unauthenticated socket sends, the room's one answer is to close it.
			expect: lane === 'unauthenticated' ? unauthenticatedAnswer(expect(lane)) : expect(lane),
		}
	}

	const lanes: FuzzLane[] = ['unauthenticated', 'participant', 'observer']
	const fixed = lanes.flatMap((lane) => oversized(lane).map((variant) => ({ lane, variant })))
	const messages: FuzzMessage[] = []
	for (let index = 0; messages.length < count - fixed.length; index++) {
		const kind = pickKind()
		const options = byKind[kind]
		const variant = options[Math.floor(random() * options.length)] as Variant
		messages.push(message(index, pickLane(), kind, variant))
	}
	for (const { lane, variant } of fixed) {
		const at = Math.floor(random() * (messages.length + 1))
		messages.splice(at, 0, message(-1, lane, 'hugeString', variant))
	}
	return messages.map((fuzz, index) => ({ ...fuzz, index }))
}

function unauthenticatedAnswer(expected: FuzzAnswer): FuzzAnswer {
	return expected.answer === 'cut' ? expected : { answer: 'close', reason: 'NOT_AUTHENTICATED' }
}

/** What a message weighs on the wire, for the report. */
export function messageBytes(frames: Frame[]): number {
	return frames.reduce((sum, frame) => sum + (typeof frame === 'string' ? Buffer.byteLength(frame) : frame.byteLength), 0)
}
