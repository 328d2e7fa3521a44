import { describe, expect, it } from 'vitest'
import { downloadFilename } from './downloadFilename'

describe('downloadFilename', () => {
	it('reads a quoted or bare filename', () => {
		expect(downloadFilename('attachment; filename="payments-report.md"', 'x')).toBe('payments-report.md')
		expect(downloadFilename('attachment; filename=payments.csv', 'x')).toBe('payments.csv')
	})

	it('prefers the UTF-8 filename* over the plain one', () => {
		expect(downloadFilename(`attachment; filename="Zahlung.md"; filename*=UTF-8''Zahlungsverkehr%20%C3%BCberblick.md`, 'x')).toBe(
			'Zahlungsverkehr überblick.md',
		)
	})

	it('falls back when there is no usable name', () => {
		expect(downloadFilename(null, 'session.md')).toBe('session.md')
		expect(downloadFilename('attachment', 'session.md')).toBe('session.md')
		expect(downloadFilename('attachment; filename=""', 'session.md')).toBe('session.md')
	})

	it('never lets a name carry a path or characters a file system refuses', () => {
		expect(downloadFilename('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd')
		expect(downloadFilename('attachment; filename="a:b*c?.csv"', 'x')).toBe('a_b_c_.csv')
	})
})
