'use client'

import { useState } from 'react'
import { licenseNotice } from '@/lib/canvas/licenseNotice'

const CONSEQUENCE = {
	watermark: 'tldraw shows a “Get a license for production” button over the canvas for everyone.',
	hidden: 'tldraw hides the canvas a few seconds after it loads.',
} as const

/**
 * Tells the facilitator, before the workshop notices, that this deployment has no tldraw license
 * key and what tldraw will do about it here. Only the facilitator can act on it, so only they see it.
 */
export function LicenseNotice() {
	const [dismissed, setDismissed] = useState(false)
	const notice = licenseNotice({
		licenseKey: process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY,
		nodeEnv: process.env.NODE_ENV,
		protocol: window.location.protocol,
		hostname: window.location.hostname,
	})
	if (!notice || dismissed) return null
	return (
		<div className="tr-license-notice" data-testid="session.licenseNotice" role="alert">
			<p className="tr-license-notice__text">
				<strong>This deployment has no tldraw license key.</strong> {CONSEQUENCE[notice]} Whoever runs Threatroom sets{' '}
				<code>NEXT_PUBLIC_TLDRAW_LICENSE_KEY</code> when building it (<code>npm run build</code>) and restarts it — see the README, “Production on one machine”.
				Keys: tldraw.dev/pricing.
			</p>
			<button type="button" className="tr-license-notice__dismiss" onClick={() => setDismissed(true)}>
				Dismiss
			</button>
		</div>
	)
}
