import type { NextConfig } from 'next'

// Baseline hardening for every route, static files included. A CSP comes later, once the
// canvas's inline styles and the party's WebSocket origin are pinned down.
const SECURITY_HEADERS = [
	{ key: 'X-Content-Type-Options', value: 'nosniff' },
	// Session links carry their token in the fragment; no-referrer also keeps the session id
	// out of any request the page makes to another origin.
	{ key: 'Referrer-Policy', value: 'no-referrer' },
	{ key: 'X-Frame-Options', value: 'DENY' },
]

const nextConfig: NextConfig = {
	reactStrictMode: true,
	poweredByHeader: false,
	// The dev server only trusts `localhost` by default; scripts/dev.mjs and the tests use
	// 127.0.0.1, whose HMR socket would otherwise be refused.
	allowedDevOrigins: ['127.0.0.1'],
	async headers() {
		return [{ source: '/:path*', headers: SECURITY_HEADERS }]
	},
}

export default nextConfig
