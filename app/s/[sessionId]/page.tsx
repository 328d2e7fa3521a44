import type { Metadata } from 'next'
import { preloadCanvasFonts } from '@/components/session/preloadCanvasFonts'
import { SessionGate } from '@/components/session/SessionGate'

// The session's name stays out of the title: only a valid token may reveal it, and the server
// never sees the token (it sits in the URL fragment).
export const metadata: Metadata = { title: 'Session' }

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
	const { sessionId } = await params
	preloadCanvasFonts()
	return <SessionGate sessionId={sessionId} />
}
