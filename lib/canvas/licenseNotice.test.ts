import { describe, expect, it } from 'vitest'
import { licenseNotice } from './licenseNotice'

const production = { licenseKey: undefined, nodeEnv: 'production', protocol: 'https:', hostname: 'threatroom.example' }

describe('licenseNotice', () => {
	it('warns that tldraw hides the canvas on an https production host without a key', () => {
		expect(licenseNotice(production)).toBe('hidden')
	})

	it('warns about the watermark on a plain-http production host, such as a workshop LAN address', () => {
		expect(licenseNotice({ ...production, protocol: 'http:', hostname: '10.0.0.5' })).toBe('watermark')
	})

	it('says nothing once a license key is set', () => {
		expect(licenseNotice({ ...production, licenseKey: 'tldraw-2026/abc.def' })).toBeNull()
	})

	it('says nothing in a development build', () => {
		expect(licenseNotice({ ...production, nodeEnv: 'development' })).toBeNull()
	})

	it('says nothing on the loopback addresses a developer uses, over http or https', () => {
		for (const hostname of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST']) {
			expect(licenseNotice({ ...production, protocol: 'http:', hostname })).toBeNull()
			expect(licenseNotice({ ...production, hostname })).toBeNull()
		}
	})

	it('treats a *.localhost name in production as tldraw does: not development, so the canvas goes', () => {
		expect(licenseNotice({ ...production, protocol: 'http:', hostname: 'workshop.localhost' })).toBe('hidden')
	})
})
