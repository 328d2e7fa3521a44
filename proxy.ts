import { type NextRequest, NextResponse } from 'next/server'
import { partyUrl } from '@/lib/server/origin'
import { createNonce, pageContentSecurityPolicy } from '@/lib/security/contentSecurityPolicy'

const CSP = 'content-security-policy'

/**
 * Sets the Content-Security-Policy per request (next.config.ts `headers()` cannot: the party's
 * origin depends on the request, and the nonce must be new for every page). Next.js reads the
 * nonce back from the request's CSP header and puts it on its own scripts, which is why every page
 * renders dynamically (app/layout.tsx). The other security headers are static: next.config.ts.
 */
export function proxy(request: NextRequest): NextResponse {
	const policy = pageContentSecurityPolicy({
		nonce: createNonce(),
		partyUrl: partyUrl(request),
		isDevelopment: process.env.NODE_ENV === 'development',
	})
	const requestHeaders = new Headers(request.headers)
	requestHeaders.set(CSP, policy)
	const response = NextResponse.next({ request: { headers: requestHeaders } })
	response.headers.set(CSP, policy)
	return response
}

export const config = {
	// Static build output and the self-hosted tldraw assets are not documents: no policy needed,
	// and skipping them keeps the proxy off the hot path of every chunk and font. The API sets its
	// own policy on every answer (lib/api/http.ts, app/api/[...path]); a proxy in front of it would
	// also make Next.js log every request body a leaving browser cuts off as an uncaught exception.
	matcher: ['/((?!api/|_next/static|_next/image|tldraw-assets/).*)'],
}
