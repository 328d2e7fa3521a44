import { describe, expect, it } from 'vitest'
import { frameBytes } from './messageSize'

describe('frameBytes', () => {
	it('counts UTF-8 bytes of a text frame, not characters', () => {
		expect(frameBytes('{"a":"12"}')).toBe(10)
		expect(frameBytes('{"é":""}')).toBe(9)
		expect(frameBytes('{"€€":""}')).toBe(13)
	})

	it('counts the bytes of a binary frame', () => {
		expect(frameBytes(new Uint8Array(11))).toBe(11)
		expect(frameBytes(new ArrayBuffer(7))).toBe(7)
	})
})
