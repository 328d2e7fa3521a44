import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { PropertiesTab, ScopeTab, SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, drawFlow, enterName, expectBackInRoom, joinAs, placeElement } from './support/workshop'

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

/** The canvas sits left of the 380 px session panel in the 1400 × 900 viewport. */
const ENTITY_AT = { x: 220, y: 420 }
const PROCESS_AT = { x: 700, y: 420 }
const FLOW_MIDDLE = { x: (ENTITY_AT.x + PROCESS_AT.x) / 2, y: ENTITY_AT.y }

/** How far apart two people's countdowns read, both read at once. */
async function secondsApart(a: SessionPanel, b: SessionPanel): Promise<number> {
	const [left, right] = await Promise.all([a.secondsLeft(), b.secondsLeft()])
	return Math.abs(left - right)
}

/** Clicks a flow's label, just below its ID tag, wherever the camera has moved it. */
async function clickFlow(page: Page, humanId: string): Promise<void> {
	const box = await page.locator('[data-testid="flow.humanId"]', { hasText: humanId }).boundingBox()
	if (!box) throw new Error(`${humanId} is not on screen`)
	await page.mouse.click(box.x + box.width / 2, box.y + box.height + 14)
}

async function flowShapeId(page: Page): Promise<string> {
	const tag = page.locator('[data-testid="flow.humanId"]', { hasText: 'DF1' })
	await expect(tag).toBeVisible()
	const id = await tag.getAttribute('data-shape-id')
	if (!id) throw new Error('DF1 has no shape id')
	return id
}

test('a facilitated walk: focus a flow, adopt a suggested threat, vote, agree, rule a category out', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const facilitatorContext = await browser.newContext()
	contexts.push(facilitatorContext)
	const facilitatorPage = await facilitatorContext.newPage()
	const links = await createSessionThroughHome(facilitatorPage, stack.appUrl, 'Login walk')
	await facilitatorPage.goto(links.facilitator)
	await enterName(facilitatorPage, 'Fiona Facilitator')

	const joined = await Promise.all([
		joinAs(browser, links.participant, 'Pat Participant'),
		joinAs(browser, links.participant, 'Quinn Participant'),
		joinAs(browser, links.observer, 'Olga Observer'),
	])
	contexts.push(...joined.map(({ context }) => context))
	const [patPage, quinnPage, olgaPage] = joined.map(({ page }) => page) as [Page, Page, Page]
	const fiona = new SessionPanel(facilitatorPage)
	const pat = new SessionPanel(patPage)
	const quinn = new SessionPanel(quinnPage)
	const olga = new SessionPanel(olgaPage)
	await expect(facilitatorPage.getByTestId('people')).toContainText('Olga Observer')

	// Scope → Diagram: the facilitator draws a customer logging in to the web app.
	await fiona.moveTo('diagram')
	await expect(quinn.currentPhase()).toHaveText('Diagram')
	await placeElement(facilitatorPage, 'entity', ENTITY_AT)
	await placeElement(facilitatorPage, 'process', PROCESS_AT)
	await drawFlow(facilitatorPage, ENTITY_AT, PROCESS_AT)
	const flowId = await flowShapeId(facilitatorPage)
	await facilitatorPage.mouse.click(FLOW_MIDDLE.x, FLOW_MIDDLE.y)
	const properties = new PropertiesTab(facilitatorPage)
	await expect(facilitatorPage.getByTestId('properties.kind')).toHaveText('Data flow')
	await properties.fill('name', 'Login request')
	await properties.fill('protocol', 'HTTP')
	await properties.check('isPublicNetwork')
	await facilitatorPage.keyboard.press('Escape')

	// Analyse, on the clock: everybody sees the same countdown.
	await fiona.moveTo('analyse')
	await facilitatorPage.getByTestId('panel.timer.start').click()
	await expect(facilitatorPage.getByTestId('panel.timer.pause')).toBeVisible()
	await expect(pat.currentPhase()).toHaveText('Analyse')
	await expect.poll(() => pat.secondsLeft()).toBeLessThan(30 * 60)
	await expect.poll(() => secondsApart(fiona, pat)).toBeLessThanOrEqual(2)

	// The walk starts at the external entity; the facilitator then clicks the flow on the canvas.
	await fiona.focusNext()
	await expect(fiona.focus()).toContainText('EE1')
	await clickFlow(facilitatorPage, 'DF1')
	for (const panel of [fiona, pat, quinn, olga]) {
		await expect(panel.focus()).toHaveText('DF1 · Login request')
		await expect(panel.focusRing()).toHaveAttribute('data-shape-id', flowId)
	}
	await expect(pat.follow()).toBeChecked()
	await expect(pat.category('T')).toBeVisible()
	await expect(pat.category('S')).toHaveCount(0)
	const coverageBefore = await fiona.coverage()
	expect(coverageBefore.text).toMatch(/^\d+ \/ \d+ · \d+ %$/)

	// A participant adopts a suggestion; the other sees it as soon as its ID arrives.
	await expect(pat.suggestions().first()).toBeVisible()
	const title = await pat.adoptFirstSuggestion()
	await expect(pat.threat('T-001')).toContainText(title)
	await expect.poll(() => quinn.threat('T-001').count()).toBe(1)
	await expect(fiona.badge(flowId)).toHaveAttribute('data-count', '1')

	// Both vote; the facilitator sees the spread and settles on 4 × 4.
	await pat.vote('T-001', 4, 5)
	await quinn.vote('T-001', 2, 3)
	const fionaThreat = await fiona.openThreat('T-001')
	await expect(fionaThreat.getByTestId('panel.vote.spread')).toContainText('2 votes')
	await expect(fionaThreat.getByTestId('panel.agreed.likelihood')).toHaveValue('2')
	await fiona.agree('T-001', 4, 4)
	for (const panel of [pat, quinn, olga]) {
		await expect(panel.risk('T-001')).toHaveAttribute('data-score', '16')
		await expect(panel.badge(flowId)).toHaveAttribute('data-band', 'Critical')
	}

	// The facilitator rules one open category out, with a reason; coverage rises for everyone.
	const openCategory = await fiona.firstOpenCategoryId()
	await fiona.markNotApplicable(openCategory, 'Only a public login page is served over this flow')
	const coverageAfter = await fiona.coverage()
	expect(coverageAfter.covered).toBeGreaterThan(coverageBefore.covered)
	await expect(quinn.byTestId('panel.coverage')).toHaveText(coverageAfter.text)

	// The observer sees everything and can change nothing.
	await expect(olga.threat('T-001')).toBeVisible()
	await expect(olga.byTestId('panel.threat.add')).toHaveCount(0)
	await expect(olga.byTestId('panel.suggestion.adopt')).toHaveCount(0)
	await expect(olga.byTestId(`panel.na.${openCategory}`)).toHaveCount(0)
	await expect(olga.byTestId('panel.timer.start')).toHaveCount(0)
	await olga.openThreat('T-001')
	await expect(olga.threat('T-001').getByTestId('panel.vote.likelihood.1')).toHaveCount(0)
	await expect(olga.threats()).toHaveCount(1)
	await expect(olgaPage.locator('.tr-toast--error')).toHaveCount(0)

	// After a reload the walk is where it was: focus, threat, agreed rating, n/a mark, coverage, clock.
	await quinnPage.reload()
	await expectBackInRoom(quinnPage)
	await expect(quinn.currentPhase()).toHaveText('Analyse')
	await expect(quinn.focus()).toHaveText('DF1 · Login request')
	await expect(quinn.threat('T-001')).toContainText(title)
	await expect(quinn.risk('T-001')).toHaveAttribute('data-score', '16')
	await expect(quinn.category(openCategory)).toHaveAttribute('data-state', 'na')
	await expect(quinn.byTestId('panel.coverage')).toHaveText(coverageAfter.text)
	await expect.poll(() => secondsApart(fiona, quinn)).toBeLessThanOrEqual(2)
	// A changed vote replaces the earlier one, never doubles it, and the room accepts it.
	await quinn.vote('T-001', 3, 3)
	await expect(quinn.threat('T-001').getByTestId('panel.vote.spread')).toContainText('2 votes')
	await expect(quinnPage.locator('.tr-toast--error')).toHaveCount(0)
	await expect.poll(async () => (await fiona.openThreat('T-001')).getByTestId('panel.vote.spread').textContent()).toContain('2 votes')

	await facilitatorPage.screenshot({ path: test.info().outputPath('facilitator.png') })
	await patPage.screenshot({ path: test.info().outputPath('participant.png') })

	for (const context of contexts) await context.close()
})

test('the facilitator writes down the scope and the agenda, and everyone sees them with their IDs', async ({ browser }) => {
	const facilitatorContext = await browser.newContext()
	const facilitatorPage = await facilitatorContext.newPage()
	const links = await createSessionThroughHome(facilitatorPage, stack.appUrl, 'Scope first')
	await facilitatorPage.goto(links.facilitator)
	await enterName(facilitatorPage, 'Fiona Facilitator')
	const { context: participantContext, page: participantPage } = await joinAs(browser, links.participant, 'Pat Participant')

	const scope = new ScopeTab(facilitatorPage)
	await expect(facilitatorPage.getByTestId('panel.phase.current')).toHaveText('Scope')
	await scope.add('useCase', { title: 'A customer pays for an order' })
	await scope.add('asset', { title: 'Card data', description: 'PAN and expiry, never the CVV', cia: ['high', 'high', 'medium'] })
	await scope.add('threatAgent', { title: 'Nation-state attackers', inScope: false })
	await scope.add('compliance', { title: 'PCI DSS 4.0' })

	const seen = new ScopeTab(participantPage)
	await expect(seen.items()).toHaveCount(4)
	await expect(seen.items().filter({ hasText: 'Card data' })).toContainText('A1')
	await expect(seen.items().filter({ hasText: 'Card data' })).toContainText('C:H')
	await expect(seen.items().filter({ hasText: 'Nation-state' })).toContainText('TA1')
	await expect(seen.items().filter({ hasText: 'Nation-state' })).toContainText('out of scope')
	await expect(seen.items().filter({ hasText: 'PCI DSS' })).toContainText('CR1')
	await expect(participantPage.getByTestId('panel.scope.add.asset')).toHaveCount(0)

	// The agenda: the facilitator gives the analysis 45 minutes; the default stays for the rest.
	const minutes = facilitatorPage.getByTestId('panel.minutes.analyse')
	await expect(minutes).toHaveValue('30')
	await minutes.fill('45')
	await minutes.press('Enter')
	await expect(participantPage.getByTestId('panel.minutes.analyse')).toHaveText('45 min')
	await expect(participantPage.getByTestId('panel.minutes.scope')).toHaveText('5 min')
	await expect(participantPage.getByTestId('panel.timer')).toHaveText('05:00')
	await expect(participantPage.getByTestId('panel.timer.start')).toHaveCount(0)

	await facilitatorPage.getByTestId('panel.timer.extend').click()
	await expect(participantPage.getByTestId('panel.timer')).toHaveText('10:00')

	await participantPage.screenshot({ path: test.info().outputPath('scope.png') })
	await participantContext.close()
	await facilitatorContext.close()
})
