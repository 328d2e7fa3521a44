// workerd (the runtime under `partykit dev`) reports every WebSocket a client drops without a
// closing handshake — a closed laptop, a killed tab, a lost network — as an "Uncaught exception …
// disconnected: worker_do_not_log" with a native stack trace. It is no error of ours (the room gets
// its close event as usual) and the message itself says it is not meant to be logged; shown on
// every disconnect it buries the real errors, so the output of the party drops it.

const DROPPED_SOCKET = /disconnected: worker_do_not_log/
const NATIVE_STACK = /^\s*stack: .*workerd/

/**
 * Wraps an output handler so that workerd's dropped-socket reports (and the stack line after
 * each) never reach it; every other line passes unchanged.
 * @template {unknown[]} Rest
 * @param {(line: string, ...rest: Rest) => void} handler
 * @returns {(line: string, ...rest: Rest) => void}
 */
export function withoutDroppedSocketReports(handler) {
	let skipStack = false
	return (line, ...rest) => {
		if (DROPPED_SOCKET.test(line)) {
			skipStack = true
			return
		}
		const isItsStack = skipStack && NATIVE_STACK.test(line)
		skipStack = false
		if (!isItsStack) handler(line, ...rest)
	}
}
