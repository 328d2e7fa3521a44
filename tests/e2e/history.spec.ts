import { type BrowserContext, expect, type Locator, test } from '@playwright/test'
import { PropertiesTab, ScopeTab, SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, enterName, joinAs, placeElement } from './support/workshop'

// The change history through the browsers: a participant renames an element (one keystroke per
// write) and edits their threat; the facilitator sees, in the panel, who changed what, old → new.

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

const SHOP_AT = { x: 470, y: 300 }
const FIRST_TITLE = 'Session cookie is replayed'
const SECOND_TITLE = 'Stolen session cookie is replayed'

async function openHistory(scope: Locator): Promise<Locator> {
	const history = scope.getByTestId('panel.history')
	const toggle = history.getByTestId('panel.history.toggle')
	if ((await history.getAttribute('open')) === null) await toggle.click()
	return history.getByTestId('panel.history.entry')
}

test('the facilitator sees who changed a threat, an element and a scope item, old → new', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, 'History workshop')
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	const fiona = new SessionPanel(fionaPage)
	const { context: patContext, page: patPage } = await joinAs(browser, links.participant, 'Pat Participant')
	contexts.push(patContext)
	const pat = new SessionPanel(patPage)
	await expect(fionaPage.getByTestId('people')).toContainText('Pat Participant')

	// The facilitator adds an asset: everyone sees when and by whom it was created.
	await new ScopeTab(fionaPage).add('asset', { title: 'Card data' })
	const patScope = new ScopeTab(patPage)
	await expect(patScope.items()).toHaveCount(1)
	const assetEntries = await openHistory(patScope.items().first())
	await expect(assetEntries).toHaveCount(1)
	await expect(assetEntries.first()).toHaveAttribute('data-action', 'create')
	await expect(assetEntries.first()).toContainText('Created “Card data”')
	await expect(assetEntries.first()).toContainText('Fiona Facilitator (Facilitator)')

	// The participant draws a process and types its name, one write per keystroke: one entry.
	await fiona.moveTo('diagram')
	await placeElement(patPage, 'process', SHOP_AT)
	await patPage.mouse.click(SHOP_AT.x, SHOP_AT.y)
	const name = patPage.getByTestId('properties.name')
	await name.fill('')
	await name.pressSequentially('Web shop')
	await expect(name).toHaveValue('Web shop')
	await patPage.keyboard.press('Escape')

	// … and raises a threat on it, then rewrites its title.
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await expect(pat.focus()).toContainText('P1')
	const humanId = await pat.addThreat('S', { title: FIRST_TITLE, likelihood: 3, impact: 4 })
	const patThreat = await pat.openThreat(humanId)
	await patThreat.getByTestId('panel.threat.edit').click()
	await patPage.getByTestId('panel.threat.form.title').fill(SECOND_TITLE)
	await patPage.getByTestId('panel.threat.form.submit').click()
	await expect(pat.threat(humanId)).toContainText(SECOND_TITLE)

	// The facilitator opens the threat's history: created, then retitled, both by Pat.
	const fionaThreat = await fiona.openThreat(humanId)
	const threatEntries = await openHistory(fionaThreat)
	await expect(threatEntries).toHaveCount(2)
	await expect(threatEntries.nth(0)).toContainText(`Title: “${FIRST_TITLE}” → “${SECOND_TITLE}”`)
	await expect(threatEntries.nth(0)).toContainText('Pat Participant (Participant)')
	await expect(threatEntries.nth(1)).toContainText(`Created “${FIRST_TITLE}”`)

	// … and the element's, in the Properties tab: the name typed letter by letter is one change.
	// Following the walk moved the facilitator's camera to the focus: find the shape where it is now.
	const shop = await fionaPage.locator('.tl-shape').filter({ hasText: 'Web shop' }).first().boundingBox()
	if (!shop) throw new Error('the web shop is not on the facilitator’s canvas')
	await fionaPage.mouse.click(shop.x + shop.width / 2, shop.y + shop.height / 2)
	await new PropertiesTab(fionaPage).open()
	await expect(fionaPage.getByTestId('properties.humanId')).toHaveText(/P1/)
	const elementEntries = await openHistory(fionaPage.getByTestId('properties'))
	const rename = elementEntries.and(fionaPage.locator('[data-field="name"]'))
	await expect(rename).toHaveCount(1)
	await expect(rename).toContainText('Name: “Process” → “Web shop”')
	await expect(rename).toContainText('Pat Participant (Participant)')
	await expect(rename).toContainText(/\d+ edits/)

	for (const context of contexts) await context.close()
})
