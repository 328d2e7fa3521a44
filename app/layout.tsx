import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
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

export default function RootLayout({ children }: { children: ReactNode }) {
	return (
		<html lang="en">
			<body>{children}</body>
		</html>
	)
}
