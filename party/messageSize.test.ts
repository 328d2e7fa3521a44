import { describe, expect, it } from 'vitest'
import { chunk } from '../tests/support/syncCoreInternals'
import { MessageSizeGuard } from './messageSize'

describe('MessageSizeGuard', () => {
	it('accepts messages up to the limit and refuses larger ones', () => {
		const guard = new MessageSizeGuard(10)
		expect(guard.accept('s', '{"a":"12"}')).toBe(true)
		expect(guard.accept('s', '{"a":"123"}')).toBe(false)
		expect(guard.accept('s', new Uint8Array(11))).toBe(false)
	})

	it('counts UTF-8 bytes, not characters', () => {
		const guard = new MessageSizeGuard(10)
		expect(guard.accept('s', '{"é":""}')).toBe(true)
		expect(guard.accept('s', '{"€€":""}')).toBe(false)
	})

	it("counts a chunked message as a whole, as tldraw's room assembles it", () => {
		const message = JSON.stringify({ type: 'push', data: 'x'.repeat(3_000) })
		const parts = chunk(message, 1_000)
		expect(parts.length).toBeGreaterThan(2)

		const roomy = new MessageSizeGuard(4_000)
		expect(parts.every((part) => roomy.accept('s', part))).toBe(true)

		const tight = new MessageSizeGuard(2_500)
		expect(parts.map((part) => tight.accept('s', part))).toContain(false)
	})

	it('counts each session on its own and starts over after the last chunk', () => {
		const guard = new MessageSizeGuard(2_500)
		const parts = chunk(JSON.stringify({ data: 'y'.repeat(2_000) }), 1_000)
		for (let round = 0; round < 3; round++) {
			for (const part of parts) {
				expect(guard.accept('a', part)).toBe(true)
				expect(guard.accept('b', part)).toBe(true)
			}
		}
	})
})
