/**
 * What tldraw does on this page when it has no license key, mirrored from its LicenseManager
 * (@tldraw/editor, `getIsDevelopment` and `getLicenseState`) so we can warn the facilitator first:
 *
 * - 'watermark': tldraw counts plain http as development and shows its "Get a license for
 *   production" button over the canvas.
 * - 'hidden': on https (or a `*.localhost` name) a production build is unlicensed production, and
 *   tldraw replaces the whole canvas with nothing after five seconds.
 *
 * null where nobody needs telling: a key is set, a development build, or the loopback address a
 * developer works on (tldraw shows its watermark there too, but only the person running it sees it).
 */
export type LicenseNotice = 'watermark' | 'hidden'

export interface LicenseContext {
	licenseKey: string | undefined
	nodeEnv: string | undefined
	protocol: string
	hostname: string
}

function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

export function licenseNotice({ licenseKey, nodeEnv, protocol, hostname }: LicenseContext): LicenseNotice | null {
	if (licenseKey || nodeEnv !== 'production') return null
	const host = hostname.toLowerCase()
	if (host.endsWith('.localhost')) return 'hidden'
	if (isLoopbackHost(host)) return null
	return protocol === 'http:' ? 'watermark' : 'hidden'
}
