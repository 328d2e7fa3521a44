import type { BrowserContext } from '@playwright/test'

/**
 * Collects every Content-Security-Policy violation in a browser context: Chromium's console errors
 * ("Refused to … because it violates the following Content Security Policy directive") and, for
 * anything reported without one, `securitypolicyviolation` events. A test asserts the list stays empty.
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
	const violations: string[] = []
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(
				`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
			)
		})
	})
	context.on('console', (message) => {
		if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`)
	})
	return violations
}
