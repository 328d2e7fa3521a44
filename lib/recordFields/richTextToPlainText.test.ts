import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { richTextToPlainText } from './richTextToPlainText'

describe('richTextToPlainText', () => {
	it('joins paragraphs with a newline, as typed', () => {
		expect(richTextToPlainText(toRichText('Card number\nExpiry date'))).toBe('Card number\nExpiry date')
	})

	it('keeps empty paragraphs between lines and trims the ends', () => {
		expect(richTextToPlainText(toRichText('\n  Orders \n\nRefunds\n'))).toBe('Orders \n\nRefunds')
	})

	it('reads marked text, hard breaks and lists', () => {
		const doc = {
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Session ', marks: [{ type: 'bold' }] },
						{ type: 'text', text: 'token' },
						{ type: 'hardBreak' },
						{ type: 'text', text: 'JWT' },
					],
				},
				{
					type: 'bulletList',
					content: [
						{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] },
						{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] },
					],
				},
			],
		}
		expect(richTextToPlainText(doc)).toBe('Session token\nJWT\na\nb')
	})

	it('returns the empty string for an empty label or a malformed document', () => {
		expect(richTextToPlainText(toRichText(''))).toBe('')
		expect(richTextToPlainText({ type: 'doc', content: [42, null, { content: 'x' }] })).toBe('')
		expect(richTextToPlainText(null)).toBe('')
	})

	it('stops at a depth no label reaches instead of overflowing the stack', () => {
		let deep: unknown = { type: 'text', text: 'bottom' }
		for (let i = 0; i < 10_000; i++) deep = { type: 'paragraph', content: [deep] }
		expect(richTextToPlainText(deep)).toBe('')
	})
})
