import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'
import type { ReactNode } from 'react'
import { ClientSetup } from '@/components/ClientSetup'
import './globals.css'

export const metadata: Metadata = {
	title: { default: 'Threatroom', template: '%s · Threatroom' },
	description: 'Real-time threat modeling on a shared data-flow diagram.',
	// Belt and braces with the Referrer-Policy header: session URLs must never leak through Referer.
	referrer: 'no-referrer',
	robots: { index: false, follow: false },
}

export const viewport: Viewport = {
	themeColor: '#f6f7f9',
	colorScheme: 'light',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
	// Every page renders per request: Next.js puts the nonce of the request's Content-Security-Policy
	// (proxy.ts) on its scripts only while rendering, and a prerendered page has none to carry.
	await connection()
	return (
		<html lang="en">
			<body>
				<ClientSetup />
				{children}
			</body>
		</html>
	)
}
