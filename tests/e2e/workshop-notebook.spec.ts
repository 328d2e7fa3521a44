import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { Exports } from './support/decide'
import { NotebookTab } from './support/notebook'
import { SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, enterName, expectBackInRoom, joinAs, placeElement } from './support/workshop'

// The workshop's notebook with three people in three browsers: questions parked during the walk
// and resolved by the facilitator, an attack tree built together, and Markdown notes that are
// rendered safely, never lose someone's typing, and reach the reports.

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

const SHOP_AT = { x: 470, y: 300 }
const PSP_DOWN = 'What if the payment provider is down?'
const REPLAY = 'What if a session cookie is replayed?'
const VENDOR_BREACH = 'What if the card vendor itself is breached?'
const HOSTILE_NOTE =
	'Checkout **owns** the cart <script>window.pwned = 1</script>\n\n```mermaid\ngraph TD\n  Cart --> PSP\n```\n\n[docs](https://example.com/checkout) [bad](javascript:alert%281%29)'

test('parking lot, attack tree and notes across three browsers, into the reports', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, 'Notebook workshop')
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	const joined = await Promise.all([joinAs(browser, links.participant, 'Pat Participant'), joinAs(browser, links.observer, 'Olga Observer')])
	contexts.push(...joined.map(({ context }) => context))
	const [patPage, olgaPage] = joined.map(({ page }) => page) as [Page, Page]
	const fiona = new SessionPanel(fionaPage)

	// A web shop to walk, focused.
	await fiona.moveTo('diagram')
	await placeElement(fionaPage, 'process', SHOP_AT)
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await expect(new SessionPanel(patPage).focus()).toContainText('P1')
	const tampering = await fiona.addThreat('T', { title: 'Order total changed in transit', likelihood: 3, impact: 4 })

	const [fionaBook, patBook, olgaBook] = [fionaPage, patPage, olgaPage].map((page) => new NotebookTab(page)) as [NotebookTab, NotebookTab, NotebookTab]
	for (const book of [fionaBook, patBook, olgaBook]) await book.open()

	// Pat parks two questions; everyone sees them; the observer cannot park.
	await patBook.park(PSP_DOWN)
	await patBook.park(REPLAY)
	await patBook.park(VENDOR_BREACH)
	await expect(olgaBook.questions()).toHaveCount(3)
	await expect(olgaPage.getByTestId('panel.parking.input')).toHaveCount(0)
	await expect(patPage.getByTestId('panel.parking.toAssumption')).toHaveCount(0)
	await expect(patBook.question(PSP_DOWN)).toContainText('P1')

	// Fiona turns one into an assumption and the other into a threat on the focused element.
	await fionaBook.question(PSP_DOWN).getByTestId('panel.parking.toAssumption').click()
	await expect(patBook.question(PSP_DOWN)).toHaveAttribute('data-status', 'assumption')
	await expect(patBook.question(PSP_DOWN).getByTestId('panel.parking.outcome')).toContainText('Became assumption AS1')
	await fionaBook.question(REPLAY).getByTestId('panel.parking.toThreat').click()
	await expect(fionaPage.getByTestId('panel.parking.element')).toHaveValue(/shape:/)
	await fionaPage.getByTestId('panel.threat.form.category.S').check()
	await fionaPage.getByTestId('panel.threat.form.submit').click()
	await expect(olgaBook.question(REPLAY).getByTestId('panel.parking.outcome')).toContainText(/Became threat T-002/)
	// The third threatens no one element and no category fits: a model-level threat tagged Other.
	await fionaBook.question(VENDOR_BREACH).getByTestId('panel.parking.toThreat').click()
	await fionaPage.getByTestId('panel.parking.element').selectOption({ label: 'Whole model (no one element)' })
	await expect(fionaPage.getByTestId('panel.threat.form.category.other')).toBeChecked()
	await fionaPage.getByTestId('panel.threat.form.submit').click()
	await expect(olgaBook.question(VENDOR_BREACH).getByTestId('panel.parking.outcome')).toContainText(/Became threat T-003/)

	// An attack tree on the tampering threat, built by Pat and Fiona together.
	await patBook.newTree('Pay less than the price', `${tampering} Order total changed in transit`)
	await patBook.addStep('Pay less than the price', 'Edit the request')
	await expect(fionaBook.node('Edit the request')).toHaveAttribute('data-depth', '1')
	// Keyboard only: Fiona adds a second branch from the goal.
	await fionaBook.node('Pay less than the price').getByTestId('panel.attack.addChild').focus()
	await fionaPage.keyboard.press('Enter')
	await expect(fionaPage.getByTestId('panel.attack.childLabel')).toBeFocused()
	await fionaPage.keyboard.type('Replay a discount code')
	await fionaPage.keyboard.press('Enter')
	await expect(patBook.node('Replay a discount code')).toHaveAttribute('data-depth', '1')
	await fionaBook.node('Pay less than the price').getByTestId('panel.attack.toggleGate').click()
	await expect(patBook.node('Pay less than the price')).toHaveAttribute('data-gate', 'and')
	await fionaBook
		.node('Edit the request')
		.getByTestId('panel.attack.link')
		.selectOption({ label: `${tampering} Order total changed in transit` })
	await expect(patBook.node('Edit the request').getByTestId('panel.attack.node.linked')).toContainText(tampering)
	// Pat may not rename Fiona's step: the panel offers no rename for it.
	await expect(patBook.node('Replay a discount code').getByTestId('panel.attack.renameButton')).toHaveCount(0)
	// Pat removes a step of his own; the goal, with Fiona's step below it, is not his to delete.
	await patBook.addStep('Edit the request', 'Guess the API')
	await expect(olgaBook.nodes()).toHaveCount(4)
	await patBook.node('Guess the API').getByTestId('panel.attack.delete').click()
	await expect(patBook.node('Pay less than the price').getByTestId('panel.attack.delete')).toHaveCount(0)
	await expect(fionaBook.node('Pay less than the price').getByTestId('panel.attack.delete')).toHaveCount(1)
	await expect(olgaBook.nodes()).toHaveCount(3)
	await expect(olgaPage.getByTestId('panel.attack.newTree')).toHaveCount(0)

	// Pat writes the session note: rendered safely, Mermaid as its source.
	await patBook.note('session').getByTestId('panel.note.session.edit').click()
	await patBook.note('session').getByTestId('panel.note.session.text').fill(HOSTILE_NOTE)
	await patBook.note('session').getByTestId('panel.note.session.save').click()
	const fionaView = fionaBook.note('session').getByTestId('panel.note.session.view')
	await expect(fionaView.locator('strong')).toHaveText('owns')
	await expect(fionaView.getByTestId('panel.note.code')).toContainText('graph TD')
	await expect(fionaView).toContainText('<script>window.pwned = 1</script>')
	await expect(fionaView.locator('script')).toHaveCount(0)
	await expect(fionaView.locator('a[href="https://example.com/checkout"]')).toHaveCount(1)
	await expect(fionaView.locator('a[href^="javascript"]')).toHaveCount(0)
	expect(await fionaPage.evaluate(() => 'pwned' in window)).toBe(false)

	// Fiona types in the note while Pat saves another version: her typing stays, and she is told.
	await fionaBook.note('session').getByTestId('panel.note.session.edit').click()
	const fionaText = fionaBook.note('session').getByTestId('panel.note.session.text')
	await fionaText.fill('Fiona’s summary of the walk')
	await patBook.note('session').getByTestId('panel.note.session.edit').click()
	await patBook.note('session').getByTestId('panel.note.session.text').fill(`${HOSTILE_NOTE}\n\nPat adds a line`)
	await patBook.note('session').getByTestId('panel.note.session.save').click()
	await expect(fionaBook.note('session').getByTestId('panel.note.session.conflict')).toContainText('Pat Participant saved this note')
	await expect(fionaText).toHaveValue('Fiona’s summary of the walk')
	await fionaBook.note('session').getByTestId('panel.note.session.save').click()
	await expect(patBook.note('session').getByTestId('panel.note.session.view')).toHaveText('Fiona’s summary of the walk')

	// The element's note, left out of the report; the observer can read but not write.
	await fionaPage.getByTestId('panel.note.element.edit').click()
	await fionaPage.getByTestId('panel.note.element.text').fill('Internal: rate limits are per IP')
	await fionaPage.getByTestId('panel.note.element.save').click()
	await fionaPage.getByTestId('panel.note.element.include').uncheck()
	await expect(olgaPage.getByTestId('panel.note.element.view')).toHaveText('Internal: rate limits are per IP')
	await expect(olgaPage.getByTestId('panel.note.element.edit')).toHaveCount(0)
	await expect(olgaPage.getByTestId('panel.note.element.include')).toHaveCount(0)

	// Back after a reload: everything came from the room.
	await patPage.reload()
	await expectBackInRoom(patPage)
	await patBook.open()
	await expect(patBook.questions()).toHaveCount(3)
	await expect(patBook.nodes()).toHaveCount(3)

	// The reports carry it: Mermaid and the session note in Markdown, everything in JSON.
	await fiona.moveTo('decide')
	const exports = new Exports(fionaPage)
	const markdown = (await exports.download('md')).text
	expect(markdown).toContain('## Attack trees')
	expect(markdown).toMatch(/```mermaid\ngraph TD\n {2}n0\["Pay less than the price \(AND\)"\]/)
	expect(markdown).toContain('## Parking lot')
	expect(markdown).toContain('Fiona’s summary of the walk')
	expect(markdown).not.toContain('rate limits are per IP')
	const json = JSON.parse((await exports.download('json')).text)
	expect(json.parkingLot.map((question: { status: string }) => question.status)).toEqual(['assumption', 'threat', 'threat'])
	expect(json.threats.find((threat: { humanId: string }) => threat.humanId === 'T-003')).toMatchObject({
		title: VENDOR_BREACH,
		elementShapeId: null,
		categories: ['other'],
	})
	expect(json.attackTrees[0].nodes).toHaveLength(3)
	expect(json.notes.map((note: { includeInReport: boolean }) => note.includeInReport).sort()).toEqual([false, true])
	const html = (await exports.download('html')).text
	expect(html).toContain('<ul class="attack-tree"')
	expect(html).not.toContain('<script')

	for (const context of contexts) await context.close()
})
