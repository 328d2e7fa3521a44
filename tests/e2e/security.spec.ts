import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { csvRecords } from './support/csv'
import { watchCspViolations } from './support/csp'
import { Exports } from './support/decide'
import { HomePage, threatDragonFixture } from './support/home'
import { PropertiesTab, SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { canvasText, createSessionThroughHome, drawFlow, enterName, expectBackInRoom, placeElement } from './support/workshop'

// Security as a user meets it: hostile text is text everywhere it is shown or exported, every page
// works under the Content-Security-Policy (any violation fails the test), and a rotated link stops
// working at once for whoever joined with it.

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

const IMG = '<img src=x onerror=window.__pwned=1>'
const SCRIPT = '<script>window.__pwned=1</script>'
const JS_LINK = '[x](javascript:window.__pwned=1)'
const FORMULA = '=HYPERLINK("http://evil")'
const BOLD = '**bold**'
const PAYLOADS = [IMG, SCRIPT, JS_LINK, FORMULA, BOLD]

const SESSION_NAME = `Shop ${IMG}`
const ENTITY_AT = { x: 220, y: 420 }
const PROCESS_AT = { x: 700, y: 420 }
const FLOW_MIDDLE = { x: (ENTITY_AT.x + PROCESS_AT.x) / 2, y: ENTITY_AT.y }
// biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal colour codes of the party log are what this strips
const TERMINAL_COLOURS = /\x1b\[[0-9;]*m/g

async function expectNotPwned(...pages: Page[]): Promise<void> {
	for (const page of pages) expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), page.url()).toBeUndefined()
}

/** What the payloads would have created, had any been parsed as markup. */
async function expectNoInjectedMarkup(page: Page): Promise<void> {
	await expect(page.locator('img[src="x"]')).toHaveCount(0)
	await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0)
	await expect(page.locator('script:not([src])', { hasText: '__pwned' })).toHaveCount(0)
}

function stringsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value]
	if (Array.isArray(value)) return value.flatMap(stringsIn)
	if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn)
	return []
}

test('hostile text is shown as text in the panel, on the canvas and in every export, and runs nowhere', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const newContext = async () => {
		const context = await browser.newContext()
		contexts.push(context)
		return { context, found: await watchCspViolations(context) }
	}
	const fiona = await newContext()
	const fionaPage = await fiona.context.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, SESSION_NAME)
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	await expect(fionaPage.getByTestId('session.name')).toHaveText(SESSION_NAME)
	const panel = new SessionPanel(fionaPage)

	// The diagram: element names and a flow label through the Properties panel.
	await panel.moveTo('diagram')
	await placeElement(fionaPage, 'entity', ENTITY_AT)
	await placeElement(fionaPage, 'process', PROCESS_AT)
	await drawFlow(fionaPage, ENTITY_AT, PROCESS_AT)
	const properties = new PropertiesTab(fionaPage)
	for (const [at, kind, name] of [
		[ENTITY_AT, 'External entity', SCRIPT],
		[PROCESS_AT, 'Process', JS_LINK],
		[FLOW_MIDDLE, 'Data flow', FORMULA],
	] as const) {
		await fionaPage.mouse.click(at.x, at.y)
		await expect(fionaPage.getByTestId('properties.kind')).toHaveText(kind)
		await properties.fill('name', name)
		await fionaPage.keyboard.press('Escape')
	}

	// The threats, one per payload, through the panel's form.
	await panel.moveTo('analyse')
	await panel.focusNext()
	await expect(panel.focus()).toContainText('EE1')
	for (const title of PAYLOADS) await panel.addThreat('S', { title, likelihood: 3, impact: 4 })

	// A participant's page shows the same, literally.
	const pat = await newContext()
	const patPage = await pat.context.newPage()
	await patPage.goto(links.participant)
	await enterName(patPage, 'Pat Participant')
	for (const page of [fionaPage, patPage]) {
		for (const name of [SCRIPT, JS_LINK, FORMULA]) await expect(canvasText(page)).toContainText(name)
		for (const title of PAYLOADS) await expect(new SessionPanel(page).threats().filter({ hasText: title })).toHaveCount(1)
		await expect(page.getByTestId('session.name')).toHaveText(SESSION_NAME)
		await expectNoInjectedMarkup(page)
	}
	await panel.moveTo('decide')
	// The register names each threat's element too (EE1's name is SCRIPT), so look for each title.
	await expect(patPage.getByTestId('decide.threat')).toHaveCount(PAYLOADS.length)
	for (const title of PAYLOADS) await expect(patPage.getByTestId('decide.threat').filter({ hasText: title }).first()).toBeVisible()
	await expectNotPwned(fionaPage, patPage)

	// Every export, once the room has saved the last threat.
	const exports = new Exports(fionaPage)
	await expect
		.poll(async () => stringsIn(JSON.parse((await exports.download('json')).text)).filter((text) => PAYLOADS.includes(text)).length, { timeout: 60_000 })
		.toBeGreaterThanOrEqual(PAYLOADS.length)

	const json = JSON.parse((await exports.download('json')).text) as unknown
	const threatDragon = JSON.parse((await exports.download('threat-dragon')).text) as unknown
	for (const model of [json, threatDragon]) {
		// Data formats keep the text exactly as written: escaping is the job of whoever renders it.
		for (const text of [...PAYLOADS, SESSION_NAME]) expect(stringsIn(model)).toContain(text)
	}

	const csv = csvRecords((await exports.download('csv')).text)
	expect(csv.map((row) => row.threat).sort()).toEqual([...PAYLOADS.filter((p) => p !== FORMULA), `'${FORMULA}`].sort())
	for (const row of csv) for (const cell of Object.values(row)) expect(cell, 'a cell a spreadsheet would run').not.toMatch(/^[=+\-@\t\r]/)

	const markdown = (await exports.download('md')).text
	expect(markdown).not.toContain('<img')
	expect(markdown).not.toContain('<script')
	expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/)
	expect(markdown).not.toMatch(/(?<!\\)\*\*bold(?<!\\)\*\*/)
	expect(markdown).toContain('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;')

	// The HTML report and the SVG, opened as documents: the text is there, nothing runs.
	const html = (await exports.download('html')).text
	const svg = (await exports.download('svg')).text
	const htmlPage = await fiona.context.newPage()
	await htmlPage.setContent(html, { waitUntil: 'load' })
	for (const text of [...PAYLOADS, SESSION_NAME]) await expect(htmlPage.locator('body')).toContainText(text)
	await expect(htmlPage.locator('script')).toHaveCount(0)
	await expectNoInjectedMarkup(htmlPage)
	const svgPage = await fiona.context.newPage()
	await svgPage.setContent(svg, { waitUntil: 'load' })
	// The diagram shortens a long name to fit its box ("…"): the start is enough to see it is text.
	for (const text of [SCRIPT, JS_LINK, FORMULA]) await expect(svgPage.locator('svg')).toContainText(text.slice(0, 16))
	await expect(svgPage.locator('script')).toHaveCount(0)
	await expectNoInjectedMarkup(svgPage)
	await expectNotPwned(fionaPage, patPage, htmlPage, svgPage)

	expect([...fiona.found, ...pat.found]).toEqual([])
	for (const context of contexts) await context.close()
})

test('every page and API answer carries the security headers, and the pages work under the policy', async ({ browser, request }) => {
	const context = await browser.newContext()
	const violations = await watchCspViolations(context)
	const page = await context.newPage()

	// Pages: the policy names this stack's party, with a fresh nonce each time.
	const first = await request.get(`${stack.appUrl}/`)
	const second = await request.get(`${stack.appUrl}/s/someSession1`)
	const nonces: string[] = []
	for (const response of [first, second]) {
		const headers = response.headers()
		const policy = headers['content-security-policy'] ?? ''
		for (const directive of [
			"default-src 'self'",
			"style-src 'self' 'unsafe-inline'",
			"img-src 'self' data: blob:",
			"font-src 'self' data:",
			"worker-src 'self' blob:",
			"frame-ancestors 'none'",
			"base-uri 'none'",
			"form-action 'self'",
			"object-src 'none'",
		]) {
			expect(policy).toContain(directive)
		}
		expect(policy).toMatch(new RegExp(`connect-src 'self' ${stack.partyUrl.replace(/[.:/]/g, '\\$&')} `))
		expect(policy).not.toContain('unsafe-eval')
		expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/)
		nonces.push(/'nonce-([^']+)'/.exec(policy)?.[1] ?? '')
		expect(headers['x-content-type-options']).toBe('nosniff')
		expect(headers['referrer-policy']).toBe('no-referrer')
		expect(headers['x-frame-options']).toBe('DENY')
	}
	expect(new Set(nonces).size).toBe(2)

	// API answers: data that nothing may render, refusals included.
	const created = await request.post(`${stack.appUrl}/api/sessions`, { data: { name: 'Headers' } })
	const { id, facilitatorUrl } = (await created.json()) as { id: string; facilitatorUrl: string }
	const token = new URL(facilitatorUrl).hash.slice(1)
	const api = [
		created,
		await request.get(`${stack.appUrl}/api/sessions/${id}`),
		await request.get(`${stack.appUrl}/api/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } }),
		await request.post(`${stack.appUrl}/api/sessions`, { headers: { 'content-type': 'text/plain' }, data: '{"name":"x"}' }),
		await request.get(`${stack.appUrl}/api/no-such-route`),
	]
	expect(api.map((response) => response.status())).toEqual([201, 401, 200, 415, 404])
	for (const response of api) {
		expect(response.headers()['content-security-policy']).toContain("default-src 'none'")
		expect(response.headers()['x-content-type-options']).toBe('nosniff')
	}
	// The exports keep their own, sandboxed, policy.
	const exported = await request.get(`${stack.appUrl}/api/sessions/${id}/export?format=html`, { headers: { authorization: `Bearer ${token}` } })
	expect(exported.headers()['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)

	// No page of ours can be framed by another one.
	const framing = await context.newPage()
	const framingMessages: string[] = []
	framing.on('console', (message) => framingMessages.push(message.text()))
	await framing.setContent(`<iframe src="${stack.appUrl}/"></iframe>`)
	await expect.poll(() => framingMessages.join('\n'), { timeout: 30_000 }).toMatch(/frame-ancestors 'none'|X-Frame-Options/)
	await framing.close()
	violations.length = 0 // the refused frame above is the one violation this test wants

	// The pages themselves, under the policy: home, an import, its board, a bad link.
	const home = new HomePage(page, stack.appUrl)
	await home.goto()
	await home.importFile(threatDragonFixture('v2-threat-model.json'))
	const importedLink = await home.link('facilitator').inputValue()
	await page.goto(importedLink)
	await enterName(page, 'Fiona Facilitator')
	await expect(canvasText(page)).toContainText('P1')
	await page.goto(`${stack.appUrl}/s/${id}#not-a-real-token-000000000`)
	await expect(page.getByTestId('session.invalid')).toBeVisible()
	expect(violations).toEqual([])
	await context.close()
})

test('rotating a link disconnects whoever joined with it; the new link works and no token reaches a log', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const open = async (link: string | null, name: string) => {
		const context = await browser.newContext()
		contexts.push(context)
		const violations = await watchCspViolations(context)
		const page = await context.newPage()
		if (link) {
			await page.goto(link)
			await enterName(page, name)
		}
		return { page, violations }
	}
	const fiona = await open(null, 'Fiona Facilitator')
	const links = await createSessionThroughHome(fiona.page, stack.appUrl, 'Rotation')
	await fiona.page.goto(links.facilitator)
	await enterName(fiona.page, 'Fiona Facilitator')
	const pat = await open(links.participant, 'Pat Participant')
	const olga = await open(links.observer, 'Olga Observer')
	await expect(fiona.page.getByTestId('people')).toContainText('Pat Participant')

	// Only the facilitator has the Links dialog.
	await expect(pat.page.getByTestId('links.open')).toHaveCount(0)
	await expect(olga.page.getByTestId('links.open')).toHaveCount(0)
	await fiona.page.getByTestId('links.open').click()
	const dialog = fiona.page.getByTestId('links.dialog')
	await expect(dialog.getByTestId('links.rotate.facilitator')).toHaveCount(0)
	await dialog.getByTestId('links.rotate.participant').click()
	await dialog.getByTestId('links.rotate.participant.confirm').click()
	await expect(dialog.getByTestId('links.rotated.participant')).toContainText('1 person was disconnected')
	const newLink = await dialog.getByTestId('links.link.participant').inputValue()
	expect(newLink).toMatch(/\/s\/[\w-]+#[\w-]{24}$/)
	expect(newLink).not.toBe(links.participant)
	await fiona.page.screenshot({ path: test.info().outputPath('links-dialog.png') })

	// The participant is told, without a retry; the others stay.
	await expect(pat.page.getByTestId('session.revoked')).toContainText('This link was replaced by the facilitator — ask for the new one')
	await expect(pat.page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
	await pat.page.screenshot({ path: test.info().outputPath('link-revoked.png') })
	await expect(olga.page.getByTestId('connection.status')).toHaveText('Connected')
	await expect(fiona.page.getByTestId('connection.status')).toHaveText('Connected')
	await expect(fiona.page.getByTestId('people')).not.toContainText('Pat Participant')

	// Opening the old link again says the same; the new one opens the session as a participant.
	await pat.page.goto(links.participant)
	await pat.page.reload()
	await expect(pat.page.getByTestId('session.revoked')).toBeVisible()
	// Pat joined this session from this browser before: the new link takes them straight back in.
	await pat.page.goto(newLink)
	await expectBackInRoom(pat.page)
	await expect(pat.page.getByTestId('session.role')).toContainText('Participant')
	await expect(fiona.page.getByTestId('people')).toContainText('Pat Participant')

	// The party logs its requests, never a token: neither the old nor the new one.
	const output = stack.partyOutput().join('\n').replace(TERMINAL_COLOURS, '')
	expect(output).toContain('POST /party/')
	for (const link of [...Object.values(links), newLink]) expect(output).not.toContain(new URL(link).hash.slice(1))

	expect([...fiona.violations, ...pat.violations, ...olga.violations]).toEqual([])
	for (const context of contexts) await context.close()
})
