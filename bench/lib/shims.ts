import { setMaxListeners } from 'node:events'
import WebSocket from 'ws'

// tldraw's sync client was written for browsers; in Node it needs these few globals (as in
// tests/support/syncClient.ts and the worked example of docs/protocol.md). Imported for its effect,
// before any tldraw module runs.

const globals = globalThis as Record<string, unknown>
if (globals.window === undefined) {
	globals.window = Object.assign(new EventTarget(), { devicePixelRatio: 1, setTimeout, clearTimeout })
}
if (globals.document === undefined) globals.document = Object.assign(new EventTarget(), { hidden: false })
globals.navigator ??= { onLine: true }
// A browser paints every ~16.7 ms; tldraw's schedulers (the 30 fps network throttle, the store's
// listener flush) wait for frames, so frames cost what they cost in a browser.
globals.requestAnimationFrame ??= (callback: (time: number) => void) => setTimeout(() => callback(performance.now()), 16)
globals.cancelAnimationFrame ??= (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle)
// `ws` even on Node 22+, which has a WebSocket of its own: the one the figures were always measured with.
globals.WebSocket = WebSocket
// Every client listens to the shared window/document (visibility, online): 100 clients are not a leak.
for (const target of [globals.window, globals.document]) if (target instanceof EventTarget) setMaxListeners(0, target)

// Under NODE_ENV=test tldraw's fpsThrottle runs every push immediately, which no user ever sees.
if (process.env.NODE_ENV === 'test') Reflect.deleteProperty(process.env, 'NODE_ENV')
