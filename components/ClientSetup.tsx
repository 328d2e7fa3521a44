'use client'

import * as z from 'zod/mini'

// zod compiles object parsers with `new Function` when it may. Our Content-Security-Policy allows
// no eval, and even zod's probe for it (caught) is reported as a CSP violation, so the browser
// uses its interpreter. Module scope: it runs when the page's client bundle loads, before any parse.
z.config({ jitless: true })

/** Rendered once by the root layout, for the module's side effect above. */
export function ClientSetup() {
	return null
}
