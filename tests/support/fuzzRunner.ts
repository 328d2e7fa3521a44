import type { FuzzAnswer, FuzzKind, FuzzLane, FuzzMessage } from './fuzzMessages'
import { messageBytes } from './fuzzMessages'
import { openRawSocket, type RawSocket } from './rawSocket'

// Sends a fuzz stream (fuzzMessages.ts) to the room over real sockets and matches every answer to
// the message that earned it. Each lane runs several connections at once: the room handles 50
// frames a second per connection (party/rateLimit.ts), and the fuzzer keeps at most `window`
// messages unanswered on each, so it is slowed down but never closed for its rate.

interface KindTally {
	sent: number
	bytes: number
	/** `error` replies by reason, `rejected`, closes by reason, workerd cuts by close code. */
	answers: Record<string, number>
}

export interface FuzzOutcome {
	tally: Map<string, KindTally>
	/** Messages whose answer was not the expected one, or that got none. */
	failures: string[]
	/** `rate-limited` notices the fuzz connections received. */
	rateLimitedNotices: number
	/** Sockets opened (a socket the room closed is replaced to continue). */
	connections: number
	/** Sockets lost before any fuzz message was on them (the upgrade or the handshake failed), with why. */
	failedOpens: string[]
	/** Messages sent again because their connection was lost without an answer (isLost), with why. */
	resent: string[]
}

export interface FuzzRunOptions {
	messages: FuzzMessage[]
	url(lane: FuzzLane, connection: number): string
	connectionsPerLane: Record<FuzzLane, number>
	/** Unanswered messages per connection. */
	window: number
	/** Nothing is sent after this time (ms since the epoch): the run fails instead. */
	deadline: number
	/** Messages per unauthenticated socket, all answered by its one close. */
	unauthenticatedBatch: number
}

const ANSWER_TIMEOUT_MS = 15_000
/** Tries to open a socket before a message counts as unsent. */
const OPEN_ATTEMPTS = 3
/** Times a message is sent again after its connection was lost without an answer. */
const MAX_RESENDS = 2
/** Pings between messages, as tldraw's client does, so tldraw does not drop an idle fuzz session. */
const KEEPALIVE_MS = 4_000

interface Pending {
	message: FuzzMessage
	done: () => void
}

export async function runFuzz(options: FuzzRunOptions): Promise<FuzzOutcome> {
	const outcome: FuzzOutcome = { tally: new Map(), failures: [], rateLimitedNotices: 0, connections: 0, failedOpens: [], resent: [] }
	const workers: Promise<void>[] = []
	for (const lane of ['unauthenticated', 'participant', 'observer'] as const) {
		const ofLane = options.messages.filter((message) => message.lane === lane)
		const count = options.connectionsPerLane[lane]
		for (let connection = 0; connection < count; connection++) {
			const share = ofLane.filter((_, index) => index % count === connection)
			const url = () => options.url(lane, connection)
			workers.push(lane === 'unauthenticated' ? unauthenticatedWorker(share, url, options, outcome) : sessionWorker(share, url, options, outcome))
		}
	}
	await Promise.all(workers)
	return outcome
}

function record(outcome: FuzzOutcome, message: FuzzMessage, answer: string): void {
	const key = kindKey(message.kind, message.lane)
	const tally = outcome.tally.get(key) ?? { sent: 0, bytes: 0, answers: {} }
	tally.answers[answer] = (tally.answers[answer] ?? 0) + 1
	outcome.tally.set(key, tally)
}

function sent(outcome: FuzzOutcome, message: FuzzMessage, bytes: number): void {
	const key = kindKey(message.kind, message.lane)
	const tally = outcome.tally.get(key) ?? { sent: 0, bytes: 0, answers: {} }
	tally.sent += 1
	tally.bytes += bytes
	outcome.tally.set(key, tally)
}

function kindKey(kind: FuzzKind, lane: FuzzLane): string {
	return `${lane}/${kind}`
}

function labelOf(message: FuzzMessage): string {
	return `#${message.index} ${message.lane} ${message.kind} "${message.label}"`
}

/**
 * Closed without an answer from the room: no close frame (1006), or the runtime's frame without a
 * status (1005, seen once under heavy load when workerd tore a request down). The room's own closes
 * always carry its code and reason.
 */
function isLost(code: number): boolean {
	return code === 1006 || code === 1005
}

function isCut(code: number): boolean {
	// workerd's "Message is too large", or the connection torn down while the sender was still sending.
	return code === 1009 || code === 1006
}

/** Whether a close answers `expect`, and how to count it. */
function closeAnswer(expect: FuzzAnswer, lane: FuzzLane, code: number, reason: string): string | null {
	if (expect.answer === 'close' && code === 4099 && reason === expect.reason) return `close ${reason}`
	if (expect.answer === 'cut' && isCut(code)) return `cut ${code}`
	// An unauthenticated socket is closed on arrival, which can beat workerd to a large frame.
	if (expect.answer === 'cut' && lane === 'unauthenticated' && code === 4099 && reason === 'NOT_AUTHENTICATED') return 'close NOT_AUTHENTICATED'
	return null
}

/** Sends a message's frames; `again` for a message sent before whose connection was lost. */
async function sendFrames(socket: RawSocket, message: FuzzMessage, outcome: FuzzOutcome, again = false): Promise<void> {
	const frames = message.frames()
	if (!again) sent(outcome, message, messageBytes(frames))
	for (const frame of frames) {
		if (!socket.isOpen()) break
		await socket.send(frame)
	}
}

/** Opens a socket, trying again when the upgrade itself fails (see docs/security.md on workerd). */
async function open(url: string, outcome: FuzzOutcome): Promise<RawSocket> {
	for (let attempt = 1; ; attempt++) {
		outcome.connections += 1
		try {
			return await openRawSocket(url)
		} catch (error) {
			outcome.failedOpens.push(error instanceof Error ? error.message : String(error))
			if (attempt >= OPEN_ATTEMPTS) throw error
			await new Promise((resolve) => setTimeout(resolve, 100 * attempt))
		}
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
	let timer: ReturnType<typeof setTimeout> | undefined
	return Promise.race([promise, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)))]).finally(() => clearTimeout(timer))
}

async function unauthenticatedWorker(messages: FuzzMessage[], url: () => string, options: FuzzRunOptions, outcome: FuzzOutcome): Promise<void> {
	const retried = new WeakSet<FuzzMessage>()
	for (let next = 0; next < messages.length; ) {
		if (Date.now() > options.deadline) {
			outcome.failures.push(`deadline: ${messages.length - next} unauthenticated messages not sent`)
			return
		}
		// A frame workerd cuts goes alone: its answer may be the cut rather than the room's close.
		const first = messages[next] as FuzzMessage
		const batch = [first]
		if (first.expect.answer !== 'cut') {
			for (const candidate of messages.slice(next + 1, next + options.unauthenticatedBatch)) {
				if (candidate.expect.answer === 'cut') break
				batch.push(candidate)
			}
		}
		next += batch.length
		let socket: RawSocket
		try {
			socket = await open(url(), outcome)
		} catch (error) {
			for (const message of batch) outcome.failures.push(`${labelOf(message)}: could not connect: ${String(error)}`)
			continue
		}
		const again = retried.has(first)
		for (const message of batch) await sendFrames(socket, message, outcome, again)
		const closed = await withTimeout(socket.closed, ANSWER_TIMEOUT_MS)
		socket.close()
		// Lost without a close frame, and no frame workerd cuts among them: no answer from the room; once more.
		if (closed !== 'timeout' && isLost(closed.code) && first.expect.answer !== 'cut' && !again) {
			retried.add(first)
			for (const message of batch) outcome.resent.push(`${labelOf(message)}: connection lost (${closed.code})`)
			next -= batch.length
			continue
		}
		for (const message of batch) {
			const answer = closed === 'timeout' ? null : closeAnswer(message.expect, 'unauthenticated', closed.code, closed.reason)
			if (answer) record(outcome, message, answer)
			else outcome.failures.push(`${labelOf(message)}: expected ${JSON.stringify(message.expect)}, got ${JSON.stringify(closed)}`)
		}
	}
}

async function sessionWorker(messages: FuzzMessage[], url: () => string, options: FuzzRunOptions, outcome: FuzzOutcome): Promise<void> {
	let socket = null as RawSocket | null
	let handshaken = false
	let lastPingAt = 0
	const outstanding: Pending[] = []
	const retired = new WeakSet<RawSocket>()
	const queue = [...messages]
	/** Times each message was sent again after its connection was lost. */
	const sends = new Map<FuzzMessage, number>()
	const waiters: (() => void)[] = []
	const wake = () => {
		for (const resolve of waiters.splice(0)) resolve()
	}
	const settle = (index: number, answer: string) => {
		const [pending] = outstanding.splice(index, 1)
		if (!pending) return
		record(outcome, pending.message, answer)
		pending.done()
		wake()
	}

	/** A fresh socket, its handshake done unless `handshake` is false; tried again if it drops first. */
	async function reconnect(handshake: boolean): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			try {
				await replaceSocket(handshake)
				return
			} catch (error) {
				// No fuzz message is outstanding yet: a socket lost here answers nothing.
				outcome.failedOpens.push(error instanceof Error ? error.message : String(error))
				if (attempt >= OPEN_ATTEMPTS) throw error
			}
		}
	}

	async function replaceSocket(handshake: boolean): Promise<void> {
		if (socket) retired.add(socket)
		socket?.close()
		handshaken = false
		const current = await open(url(), outcome)
		socket = current
		current.onCustom((data) => {
			const message = data as { type?: string; reason?: string }
			if (message.type === 'rate-limited') outcome.rateLimitedNotices += 1
			if (message.type !== 'error' && message.type !== 'rejected') return
			const index = outstanding.findIndex(({ message: { expect } }) =>
				message.type === 'error' ? expect.answer === 'error' && expect.reason === message.reason : expect.answer === 'rejected',
			)
			if (index === -1)
				outcome.failures.push(`unexpected answer ${JSON.stringify(data)} (outstanding: ${outstanding.map((p) => labelOf(p.message)).join(', ')})`)
			else settle(index, message.type === 'error' ? `error ${message.reason}` : 'rejected')
		})
		void current.closed.then(({ code, reason }) => {
			// The fuzzer closed it to start afresh: nothing was outstanding on it.
			if (retired.has(current)) return
			if (socket === current) socket = null
			// Closes answer the one message sent alone to earn them; any other close is a failure —
			// but a connection lost without the room's answer (isLost) is no answer at all: its
			// unanswered messages are sent again on a new socket, at most twice each.
			const resend: FuzzMessage[] = []
			for (let index = outstanding.length - 1; index >= 0; index--) {
				const pending = outstanding[index] as Pending
				const answer = closeAnswer(pending.message.expect, pending.message.lane, code, reason)
				if (answer) {
					settle(index, answer)
					continue
				}
				outstanding.splice(index, 1)
				const attempts = (sends.get(pending.message) ?? 0) + 1
				if (isLost(code) && attempts <= MAX_RESENDS) {
					sends.set(pending.message, attempts)
					resend.unshift(pending.message)
					outcome.resent.push(`${labelOf(pending.message)}: connection lost (${code}${current.lastError() ? `, ${current.lastError()}` : ''})`)
				} else {
					const why = current.lastError() ? ` (${current.lastError()})` : ''
					outcome.failures.push(`${labelOf(pending.message)}: socket closed ${code} ${reason}${why} instead of ${JSON.stringify(pending.message.expect)}`)
				}
				pending.done()
			}
			queue.unshift(...resend)
			wake()
		})
		if (handshake) {
			await current.handshake()
			handshaken = true
			lastPingAt = Date.now()
		}
	}

	/** Until fewer than `limit` messages are unanswered; false if that took too long. */
	async function until(limit: number): Promise<boolean> {
		const deadline = Date.now() + ANSWER_TIMEOUT_MS
		while (outstanding.length > limit) {
			if (Date.now() > deadline) return false
			await withTimeout(new Promise<void>((resolve) => waiters.push(resolve)), 500)
		}
		return true
	}

	while (queue.length > 0) {
		const message = queue.shift() as FuzzMessage
		if (Date.now() > options.deadline) {
			outcome.failures.push(`deadline: ${queue.length + 1} ${message.lane} messages not sent`)
			break
		}
		const closes = message.expect.answer === 'close' || message.expect.answer === 'cut'
		if ((closes || message.beforeHandshake) && !(await until(0))) {
			outcome.failures.push(`${labelOf(message)}: not sent, earlier messages still unanswered`)
			break
		}
		try {
			if (message.beforeHandshake) await reconnect(false)
			else if (!socket?.isOpen() || !handshaken) await reconnect(true)
		} catch (error) {
			outcome.failures.push(`${labelOf(message)}: not sent, no socket: ${String(error)}`)
			break
		}
		if (!message.beforeHandshake && Date.now() - lastPingAt > KEEPALIVE_MS) {
			lastPingAt = Date.now()
			await socket?.send('{"type":"ping"}')
		}
		if (!(await until(options.window - 1))) {
			outcome.failures.push(`${labelOf(message)}: not sent, ${outstanding.length} earlier messages still unanswered`)
			break
		}
		const answered = new Promise<void>((resolve) => outstanding.push({ message, done: resolve }))
		if (!socket) {
			outcome.failures.push(`${labelOf(message)}: no socket`)
			break
		}
		const sock = socket
		await sendFrames(socket, message, outcome, sends.has(message))
		if (closes || message.beforeHandshake) {
			if ((await withTimeout(answered, ANSWER_TIMEOUT_MS)) === 'timeout') {
				outcome.failures.push(`${labelOf(message)}: no answer within ${ANSWER_TIMEOUT_MS} ms, state ${sock.ws.readyState}`)
				break
			}
			if (message.beforeHandshake && socket) {
				await socket.handshake()
				handshaken = true
				lastPingAt = Date.now()
			}
		}
	}
	await until(0)
	for (const pending of outstanding.splice(0)) {
		outcome.failures.push(
			`${labelOf(pending.message)}: no answer within ${ANSWER_TIMEOUT_MS} ms (socket ${socket ? `state ${socket.ws.readyState}, ${socket.ws.bufferedAmount} bytes unsent` : 'gone'})`,
		)
	}
	socket?.close()
}
