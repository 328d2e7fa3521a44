import type { NextConfig } from 'next'

// The baseline of the join and first-load-JS benchmarks: as little as Next.js needs to serve a
// tldraw canvas, with the same production settings that matter for the bytes (compression on,
// React strict mode as the app has it).
const nextConfig: NextConfig = {
	reactStrictMode: true,
	poweredByHeader: false,
	// Built only by the benchmark: the repo's own `npm run typecheck` covers these files.
	typescript: { ignoreBuildErrors: true },
}

export default nextConfig
