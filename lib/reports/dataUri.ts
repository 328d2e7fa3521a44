const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of bytes, three at a time: no argument-spreading into String.fromCharCode, no binary string for btoa. */
function base64(bytes: Uint8Array): string {
	const parts: string[] = []
	const whole = bytes.length - (bytes.length % 3)
	for (let i = 0; i < whole; i += 3) {
		const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
		parts.push(
			BASE64_ALPHABET.charAt(n >> 18) + BASE64_ALPHABET.charAt((n >> 12) & 63) + BASE64_ALPHABET.charAt((n >> 6) & 63) + BASE64_ALPHABET.charAt(n & 63),
		)
	}
	const rest = bytes.length - whole
	if (rest > 0) {
		const n = ((bytes[whole] ?? 0) << 16) | (rest === 2 ? (bytes[whole + 1] ?? 0) << 8 : 0)
		parts.push(`${BASE64_ALPHABET.charAt(n >> 18)}${BASE64_ALPHABET.charAt((n >> 12) & 63)}${rest === 2 ? BASE64_ALPHABET.charAt((n >> 6) & 63) : '='}=`)
	}
	return parts.join('')
}

/**
 * An SVG as a base64 data: URI. Base64 rather than percent-encoding: its alphabet has no spaces,
 * parentheses or quotes, so it is safe inside Markdown's `![alt](…)` and an HTML attribute alike.
 * Dependency-free (TextEncoder exists in browsers, Node and workerd); encoded by hand because a
 * 300-element diagram is a megabyte of SVG, and btoa wants it as a binary string first.
 */
export function svgDataUri(svg: string): string {
	return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`
}
