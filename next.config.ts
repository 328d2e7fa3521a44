import type { NextConfig } from 'next'

// Baseline hardening for every route, static files included. The Content-Security-Policy is set
// per request by proxy.ts: it names the party's origin, which depends on the request, and a nonce.
const SECURITY_HEADERS = [
	{ key: 'X-Content-Type-Options', value: 'nosniff' },
	// Session links carry their token in the fragment; no-referrer also keeps the session id
	// out of any request the page makes to another origin.
	{ key: 'Referrer-Policy', value: 'no-referrer' },
	// Frame protection for browsers without CSP frame-ancestors (the policy says 'none' too).
	{ key: 'X-Frame-Options', value: 'DENY' },
	// Pages opened from ours (an issue link) get no handle on the session's window.
	{ key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

const nextConfig: NextConfig = {
	reactStrictMode: true,
	poweredByHeader: false,
	// The dev server only trusts `localhost` by default; scripts/dev.mjs and the tests use
	// 127.0.0.1, whose HMR socket would otherwise be refused.
	allowedDevOrigins: ['127.0.0.1'],
	// Route handlers read canvas snapshots with tldraw's schema packages. Bundled, each route gets
	// its own copy of them, and tldraw warns about "multiple instances" as soon as a second route
	// loads; left to Node, every route shares the one in node_modules.
	serverExternalPackages: ['@tldraw/state', '@tldraw/store', '@tldraw/sync-core', '@tldraw/tlschema', '@tldraw/utils', '@tldraw/validate'],
	async headers() {
		return [{ source: '/:path*', headers: SECURITY_HEADERS }]
	},
}

export default nextConfig
