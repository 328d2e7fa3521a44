import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test'
import { SessionEnd } from './support/decide'
import { PropertiesTab, ScopeTab, SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, enterName, expectBackInRoom, joinAs, placeElement, type SessionLinks } from './support/workshop'

// The session page as people live with it: coming back after a reload, the panel following the
// canvas, suggestions that respect what the room ruled out, a timer that stops with the session,
// and a connection indicator that tells the truth when the room does not answer.

let stack: ThreatroomStack
const contexts: BrowserContext[] = []

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook wants from an object pattern, and this one wants none
test.afterEach(async ({}, testInfo) => {
	for (const context of contexts.splice(0)) await context.close()
	if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('party output', { body: stack.partyOutput().join('\n') })
})

test.afterAll(async () => {
	await stack?.stop()
})

/** The canvas sits left of the 380 px session panel in the 1400 × 900 viewport. */
const ENTITY_AT = { x: 300, y: 420 }
const EMPTY_CANVAS_AT = { x: 700, y: 700 }

/** A new session with the facilitator in it, and each of `participants` joined from their own browser. */
async function openSession(browser: Browser, name: string, participants: string[] = []) {
	const context = await browser.newContext()
	contexts.push(context)
	const page = await context.newPage()
	const links: SessionLinks = await createSessionThroughHome(page, stack.appUrl, name)
	await page.goto(links.facilitator)
	await enterName(page, 'Fiona Facilitator')
	const others = await Promise.all(participants.map((person) => joinAs(browser, links.participant, person)))
	contexts.push(...others.map((joined) => joined.context))
	return { links, fiona: new SessionPanel(page), others: others.map((joined) => new SessionPanel(joined.page)) }
}

function connection(page: Page) {
	return page.getByTestId('connection.status')
}

test('someone who joined from this browser goes straight back into the room after a reload, and can change their name', async ({ browser }) => {
	const {
		others: [pat],
	} = await openSession(browser, 'Reload mid-workshop', ['Pat Participant'])
	if (!pat) throw new Error('no participant')

	await pat.page.reload()
	await expectBackInRoom(pat.page)
	await expect(pat.byTestId('people.item').filter({ hasText: '(you)' })).toContainText('Pat Participant')

	// Changing the name goes back to the join screen with the name filled in.
	await pat.byTestId('session.changeName').click()
	await expect(pat.byTestId('join.name')).toHaveValue('Pat Participant')
	await enterName(pat.page, 'Pat Payments')
	await expect(pat.byTestId('people.item').filter({ hasText: '(you)' })).toContainText('Pat Payments')
	await pat.page.reload()
	await expectBackInRoom(pat.page)
	await expect(pat.byTestId('people.item').filter({ hasText: '(you)' })).toContainText('Pat Payments')
})

test('selecting an element opens its properties, and the Scope tab says who adds to the scope', async ({ browser }) => {
	const {
		fiona,
		others: [pat],
	} = await openSession(browser, 'Properties on select', ['Pat Participant'])
	if (!pat) throw new Error('no participant')
	const page = fiona.page

	// The workshop starts on Scope; drawing an element there and clicking it shows its properties.
	await expect(fiona.byTestId('panel.tab.scope')).toHaveAttribute('aria-selected', 'true')
	await placeElement(page, 'entity', ENTITY_AT)
	await new ScopeTab(page).open()
	await page.mouse.click(EMPTY_CANVAS_AT.x, EMPTY_CANVAS_AT.y)
	await page.mouse.click(ENTITY_AT.x, ENTITY_AT.y)
	await expect(fiona.byTestId('panel.tab.properties')).toHaveAttribute('aria-selected', 'true')
	await expect(page.getByTestId('properties.kind')).toHaveText('External entity')
	await new PropertiesTab(page).fill('name', 'Customer')

	// A participant selecting it sees its properties too.
	await expect(pat.byTestId('panel.tab.scope')).toHaveAttribute('aria-selected', 'true')
	await pat.page.mouse.click(ENTITY_AT.x, ENTITY_AT.y)
	await expect(pat.byTestId('panel.tab.properties')).toHaveAttribute('aria-selected', 'true')
	await expect(pat.byTestId('properties.name')).toHaveValue('Customer')

	// Only the facilitator adds scope items (the room refuses anyone else's): the tab says so.
	await new ScopeTab(pat.page).open()
	await expect(pat.byTestId('panel.scope.who')).toContainText('The facilitator adds and changes the scope')
	await expect(pat.byTestId('panel.scope.add.useCase')).toHaveCount(0)
	await new ScopeTab(page).open()
	await expect(fiona.byTestId('panel.scope.who')).toContainText('Only you, the facilitator')
	await page.screenshot({ path: test.info().outputPath('scope-facilitator.png') })
})

test('a category marked not applicable on an element has no more suggestions offered for it', async ({ browser }) => {
	const {
		fiona,
		others: [pat],
	} = await openSession(browser, 'Suggestions and n/a', ['Pat Participant'])
	if (!pat) throw new Error('no participant')
	await fiona.moveTo('diagram')
	await placeElement(fiona.page, 'entity', ENTITY_AT)
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await expect(pat.focus()).toContainText('EE1')

	// An actor that does not authenticate: a Spoofing and Repudiation suggestion.
	const unauthenticated = (panel: SessionPanel) => panel.page.locator('[data-testid="panel.suggestion"][data-rule-id="entity-unauthenticated"]')
	for (const panel of [fiona, pat]) await expect(unauthenticated(panel).locator('.tr-category-chip')).toHaveText(['Spoofing', 'Repudiation'])

	await fiona.markNotApplicable('S', 'Only our own staff, on the corporate SSO')
	for (const panel of [fiona, pat]) await expect(unauthenticated(panel).locator('.tr-category-chip')).toHaveText(['Repudiation'])

	await fiona.markNotApplicable('R', 'Every action is signed by the SSO session')
	for (const panel of [fiona, pat]) await expect(unauthenticated(panel)).toHaveCount(0)
	await pat.page.screenshot({ path: test.info().outputPath('suggestions-after-na.png') })
})

test('an ended session’s timer stands still: the same for everyone, after a reload and after the room restarts', async ({ browser }) => {
	const {
		fiona,
		others: [pat],
	} = await openSession(browser, 'Timer at the end', ['Pat Participant'])
	if (!pat) throw new Error('no participant')

	await fiona.byTestId('panel.timer.start').click()
	await expect.poll(() => pat.secondsLeft(), { timeout: 15_000 }).toBeLessThan(5 * 60 - 1)
	await new SessionEnd(fiona.page).start()
	await new SessionEnd(fiona.page).confirm('2030-01-15')
	await expect(pat.byTestId('session.ended')).toBeVisible()

	// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the text as the user sees it
	const final = await fiona.timer().innerText()
	expect(final).toMatch(/^0[34]:\d\d$/)
	await expect(pat.timer()).toHaveText(final)
	// Long enough for a running clock to show it (the display ticks every 250 ms).
	await fiona.page.waitForTimeout(2_500)
	await expect(fiona.timer()).toHaveText(final)
	await expect(pat.timer()).toHaveText(final)

	await fiona.page.reload()
	await expectBackInRoom(fiona.page)
	await expect(fiona.timer()).toHaveText(final)

	await stack.crashAndRestartParty()
	for (const panel of [fiona, pat]) await expect(connection(panel.page)).toHaveText('Connected', { timeout: 60_000 })
	await pat.page.reload()
	await expectBackInRoom(pat.page)
	for (const panel of [fiona, pat]) await expect(panel.timer()).toHaveText(final)
})

test('a room that never answers the handshake: the page does not claim Connected, and the socket is tried again', async ({ browser }) => {
	const {
		fiona,
		others: [pat],
	} = await openSession(browser, 'Stalled handshake', ['Pat Participant'])
	if (!pat) throw new Error('no participant')

	// Pat's next socket opens but reaches nothing, as one held by a restarting room runtime would;
	// every later one goes through to the room.
	let sockets = 0
	let heldHandshake = false
	await pat.page.routeWebSocket(/\/party\//, (socket) => {
		sockets++
		if (sockets > 1) {
			socket.connectToServer()
			return
		}
		socket.onMessage((message) => {
			if (typeof message === 'string' && message.includes('"type":"connect"')) heldHandshake = true
		})
	})
	// The browser reports the network gone: tldraw closes the socket and opens a new one.
	await pat.page.evaluate(() => window.dispatchEvent(new Event('offline')))
	await expect.poll(() => heldHandshake, { timeout: 30_000 }).toBe(true)
	await expect(connection(pat.page)).toHaveText('Reconnecting…')

	// The watchdog gives up on the stalled socket and the next attempt gets in.
	await expect(connection(pat.page)).toHaveText('Connected', { timeout: 60_000 })
	expect(sockets).toBeGreaterThan(1)
	await new ScopeTab(fiona.page).add('useCase', { title: 'A customer pays for an order' })
	await new ScopeTab(pat.page).open()
	await expect(pat.byTestId('panel.scope.item')).toContainText(['A customer pays for an order'])
})
