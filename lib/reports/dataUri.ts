// Below the engines' argument limit for String.fromCharCode(...chunk).
const CHUNK_BYTES = 0x8000

/**
 * An SVG as a base64 data: URI. Base64 rather than percent-encoding: its alphabet has no spaces,
 * parentheses or quotes, so it is safe inside Markdown's `![alt](…)` and an HTML attribute alike.
 * TextEncoder and btoa exist in browsers, Node and workerd, so this stays dependency-free.
 */
export function svgDataUri(svg: string): string {
	const bytes = new TextEncoder().encode(svg)
	let binary = ''
	for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
		binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES))
	}
	return `data:image/svg+xml;base64,${btoa(binary)}`
}
