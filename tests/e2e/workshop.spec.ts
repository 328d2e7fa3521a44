import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { csvRecords } from './support/csv'
import { DecideTab, Exports, SessionEnd } from './support/decide'
import { PropertiesTab, ScopeTab, SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { canvasText, createSessionThroughHome, drawFlow, enterName, expectBackInRoom, joinAs, placeElement } from './support/workshop'

// One whole workshop in one go, five people in five browsers: a facilitator, two participants, a
// product owner and an observer, from the home page to the reports. Each step is what the people
// of a real one-hour session do, in the order they do it.

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

/** The canvas sits left of the 380 px session panel in the 1400 × 900 viewport. */
const CUSTOMER_AT = { x: 180, y: 300 }
const SHOP_AT = { x: 470, y: 300 }
const ORDERS_AT = { x: 760, y: 300 }

const SESSION = 'Checkout workshop'
const ASSET = 'Card data'
const REPLAY = { title: 'Stolen session cookie is replayed', likelihood: 4, impact: 5 }
const TAMPERING = { title: 'Order total is changed in transit', likelihood: 3, impact: 4 }
const NA_REASON = 'Every order is confirmed by e-mail: a customer cannot deny placing it'

function flowTag(page: Page, humanId: string) {
	return page.locator('[data-testid="flow.humanId"]', { hasText: humanId })
}

async function nameSelected(page: Page, name: string): Promise<void> {
	const properties = new PropertiesTab(page)
	await properties.fill('name', name)
	await page.keyboard.press('Escape')
}

test('a five-person workshop: scope, diagram, walk, votes, decisions, end and reports', async ({ browser }) => {
	const contexts: BrowserContext[] = []

	// The facilitator prepares the session and sends the links.
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, SESSION)
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	const fiona = new SessionPanel(fionaPage)

	// Everybody joins with their link and a name; each sees all five.
	const joined = await Promise.all([
		joinAs(browser, links.participant, 'Pat Participant'),
		joinAs(browser, links.participant, 'Quinn Participant'),
		joinAs(browser, links.productOwner, 'Paula Product'),
		joinAs(browser, links.observer, 'Olga Observer'),
	])
	contexts.push(...joined.map(({ context }) => context))
	const [patPage, quinnPage, paulaPage, olgaPage] = joined.map(({ page }) => page) as [Page, Page, Page, Page]
	const pages = [fionaPage, patPage, quinnPage, paulaPage, olgaPage]
	const [pat, quinn, paula, olga] = [patPage, quinnPage, paulaPage, olgaPage].map((page) => new SessionPanel(page)) as [
		SessionPanel,
		SessionPanel,
		SessionPanel,
		SessionPanel,
	]
	for (const page of pages) {
		for (const name of ['Fiona Facilitator', 'Pat Participant', 'Quinn Participant', 'Paula Product', 'Olga Observer']) {
			await expect(page.getByTestId('people')).toContainText(name)
		}
	}

	// Scope: what is worth protecting, and what we take for granted.
	const scope = new ScopeTab(fionaPage)
	await scope.add('asset', { title: ASSET, description: 'PAN and expiry', cia: ['high', 'high', 'medium'] })
	await scope.add('assumption', { title: 'The payment provider is PCI certified' })
	for (const page of [patPage, olgaPage]) await expect(new ScopeTab(page).items()).toHaveCount(2)

	// Diagram: the customer orders from the shop, which keeps orders in a database.
	await fiona.moveTo('diagram')
	await expect(olga.currentPhase()).toHaveText('Diagram')
	await placeElement(fionaPage, 'entity', CUSTOMER_AT)
	await nameSelectedAt(fionaPage, CUSTOMER_AT, 'Customer')
	await placeElement(fionaPage, 'process', SHOP_AT)
	// Named in place, as in any diagram tool: a double-click, the name, Enter.
	await fionaPage.mouse.dblclick(SHOP_AT.x, SHOP_AT.y)
	// As a person does, type once the name field has the caret: on a busy machine it comes a moment later.
	await expect(fionaPage.getByTestId('shape.nameEditor')).toBeFocused()
	await fionaPage.keyboard.type('Web shop')
	await fionaPage.keyboard.press('Enter')
	await expect(canvasText(olgaPage)).toContainText('Web shop')
	// A participant who never drew a DFD finds the store by its name on the toolbar.
	await expect(patPage.getByTestId('toolbar.store')).toContainText('Data store')
	await placeElement(patPage, 'store', ORDERS_AT)
	await nameSelectedAt(patPage, ORDERS_AT, 'Orders DB')
	await drawFlow(fionaPage, CUSTOMER_AT, SHOP_AT)
	await drawFlow(patPage, SHOP_AT, ORDERS_AT)
	for (const page of pages) {
		await expect(flowTag(page, 'DF1')).toBeVisible()
		await expect(flowTag(page, 'DF2')).toBeVisible()
	}
	await expect(olgaPage.getByTestId('toolbar.entity')).toHaveCount(0)

	// Analyse, on the clock: the walk starts at the customer.
	await fiona.moveTo('analyse')
	await fionaPage.getByTestId('panel.timer.start').click()
	await expect(pat.currentPhase()).toHaveText('Analyse')
	await fiona.focusNext()
	for (const panel of [pat, quinn, olga]) await expect(panel.focus()).toContainText('EE1')
	const replay = await pat.addThreat('S', REPLAY)
	// STRIDE per element: an external entity can be spoofed or deny what it did, nothing else.
	await fiona.markNotApplicable('R', NA_REASON)
	await expect(quinn.category('R')).toHaveAttribute('data-state', 'na')

	// On to the web shop: a suggestion adopted, a threat written, votes and the agreed rating.
	await fiona.focusNext()
	for (const panel of [pat, quinn]) await expect(panel.focus()).toContainText('P1')
	await expect(quinn.suggestions().first()).toBeVisible()
	const suggested = await quinn.adoptFirstSuggestion()
	const tampering = await quinn.addThreat('T', TAMPERING)
	await pat.vote(tampering, 4, 4)
	await quinn.vote(tampering, 2, 4)
	await expect((await fiona.openThreat(tampering)).getByTestId('panel.vote.spread')).toContainText('2 votes')
	await fiona.agree(tampering, 3, 4)
	for (const panel of [pat, quinn, paula, olga]) await expect(panel.risk(tampering)).toHaveAttribute('data-score', '12')
	const coverage = await fiona.coverage()
	expect(coverage.covered).toBeGreaterThan(0)
	await expect(olga.byTestId('panel.coverage')).toHaveText(coverage.text)
	// The panel lists the focused element's threats: the web shop has two; the room three in all.
	await expect(fiona.threats()).toHaveCount(2)
	const threatsInRoom = 3

	// Quinn's browser reloads mid-walk: straight back into the room, where the walk is.
	await quinnPage.reload()
	await expectBackInRoom(quinnPage)
	await expect(quinn.focus()).toContainText('P1')
	await expect(quinn.threats()).toHaveCount(2)

	// The observer sees all of it and can change none of it.
	await expect(olga.threats()).toHaveCount(2)
	await expect(olga.byTestId('panel.threat.add')).toHaveCount(0)
	await expect(olga.byTestId('panel.timer.start')).toHaveCount(0)

	// Decide: the product owner takes each risk in turn.
	await fiona.moveTo('decide')
	const paulaDecide = new DecideTab(paulaPage)
	await expect(paulaDecide.rows()).toHaveCount(threatsInRoom)
	await paulaDecide.decide(replay, 'accept', { rationale: 'Sessions expire after 15 minutes', reviewDate: '2031-03-01' })
	await paulaDecide.decide(tampering, 'mitigate', { mitigation: 'Sign the order server-side', owner: 'Checkout team', dueDate: '2031-01-31' })
	const suggestedId = (await paulaDecide.order()).find((humanId) => humanId !== replay && humanId !== tampering) ?? ''
	await paulaDecide.decide(suggestedId, 'transfer', { transferTo: 'Payment provider', rationale: 'Card handling is theirs by contract' })
	for (const page of [patPage, olgaPage]) {
		const decide = new DecideTab(page)
		await expect(decide.current(replay)).toHaveText('Accepted')
		await expect(decide.current(tampering)).toHaveText('Mitigation planned')
	}

	// The facilitator ends the hour; everyone reads an ended session.
	const end = new SessionEnd(fionaPage)
	await end.start()
	await end.confirm('2031-03-04')
	for (const page of pages) await expect(page.getByTestId('session.ended')).toBeVisible()
	// The clock stopped with the session: everyone reads the same value, and it stays.
	// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the text as the user sees it
	const stoppedAt = await fiona.timer().innerText()
	for (const panel of [pat, quinn, paula, olga]) await expect(panel.timer()).toHaveText(stoppedAt)
	await fionaPage.waitForTimeout(2_000)
	await expect(fiona.timer()).toHaveText(stoppedAt)

	// The reports hold what the room decided, and who was there.
	const exports = new Exports(fionaPage)
	let csv = ''
	await expect.poll(async () => (csv = (await exports.download('csv')).text)).toMatch(/,transfer,/)
	const rows = new Map(csvRecords(csv).map((row) => [row.id, row]))
	expect(rows.get(replay)).toMatchObject({ threat: REPLAY.title, decision: 'accept', decided_by: 'Paula Product' })
	expect(rows.get(tampering)).toMatchObject({ risk_score: '12', decision: 'mitigate', owner: 'Checkout team' })
	expect(rows.get(suggestedId)).toMatchObject({ threat: suggested, decision: 'transfer' })
	const markdown = (await exports.download('md')).text
	for (const text of [SESSION, ASSET, NA_REASON, 'Customer', 'Web shop', 'Orders DB', 'Olga Observer (observer)']) expect(markdown).toContain(text)
	// Threat Dragon users see our element IDs, so a model that goes there and back keeps them.
	const threatDragon = (await exports.download('threat-dragon')).text
	for (const name of ['Customer (EE1)', 'Web shop (P1)', 'Orders DB (DS1)']) expect(threatDragon).toContain(name)

	for (const [index, page] of pages.entries()) await page.screenshot({ path: test.info().outputPath(`workshop-${index}.png`) })
	for (const context of contexts) await context.close()
})

/** Selects the element placed at a point and names it in the Properties tab. */
async function nameSelectedAt(page: Page, at: { x: number; y: number }, name: string): Promise<void> {
	await page.mouse.click(at.x, at.y)
	await nameSelected(page, name)
}
