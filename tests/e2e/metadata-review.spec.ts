import { type BrowserContext, expect, type Locator, test } from '@playwright/test'
import { sessionModelSchema } from '../../lib/reports/sessionModel'
import { csvRecords } from './support/csv'
import { Exports } from './support/decide'
import { SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { canvasText, createSessionThroughHome, drawFlow, enterName, joinAs, placeElement } from './support/workshop'

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

const ENTITY_AT = { x: 220, y: 420 }
const PROCESS_AT = { x: 700, y: 420 }
const SNIFFED = { title: 'Card data sniffed from the checkout request', likelihood: 4, impact: 5 }

async function tag(where: Locator, key: string, value: string): Promise<void> {
	await where.getByTestId('panel.metadata.key').fill(key)
	await where.getByTestId('panel.metadata.value').fill(value)
	await where.getByTestId('panel.metadata.add').click()
	await expect(where.locator(`[data-testid="panel.metadata.item"][data-key="${key}"]`)).toContainText(`${key}=${value}`)
}

test('a session with a project prefix: a participant tags an element and a threat, the facilitator sets the review status, and the exports compose the IDs', async ({
	browser,
}) => {
	const contexts: BrowserContext[] = []
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, 'Payments review', { projectPrefix: 'PAY' })
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	const pat = await joinAs(browser, links.participant, 'Pat Participant')
	const paula = await joinAs(browser, links.productOwner, 'Paula Product')
	contexts.push(pat.context, paula.context)
	const fiona = new SessionPanel(fionaPage)
	const patPanel = new SessionPanel(pat.page)

	// Everyone sees where the model stands and which project its IDs belong to.
	for (const page of [fionaPage, pat.page, paula.page]) {
		await expect(page.getByTestId('session.project')).toHaveText('PAY.S01')
		await expect(page.getByTestId('session.review')).toHaveText('Not started')
	}

	await fiona.moveTo('diagram')
	await placeElement(fionaPage, 'entity', ENTITY_AT)
	await placeElement(fionaPage, 'process', PROCESS_AT)
	await drawFlow(fionaPage, ENTITY_AT, PROCESS_AT)
	await expect(canvasText(pat.page)).toContainText('P1')

	// Pat selects the customer and tags it in its properties.
	await pat.page.mouse.click(ENTITY_AT.x, ENTITY_AT.y)
	await expect(pat.page.getByTestId('properties.humanId')).toContainText('EE1')
	await tag(pat.page.getByTestId('properties.metadata'), 'env', 'prod')

	// Pat raises a threat on it and tags the threat too (typing kept Pat's tab open: Pat moves on).
	await fiona.moveTo('analyse')
	await pat.page.getByTestId('panel.tab.analyse').click()
	await fiona.focusNext()
	await expect(patPanel.focus()).toContainText('EE1')
	const sniffed = await patPanel.addThreat('S', SNIFFED)
	expect(sniffed).toBe('T-001')
	const patThreat = await patPanel.openThreat(sniffed)
	await tag(patThreat, 'compliance', 'PCI')
	await expect(pat.page.locator('.tr-toast--error')).toHaveCount(0)

	// The facilitator finds both by filtering on metadata: the threat through its element, and itself.
	const filter = fionaPage.getByTestId('panel.analyse.metadataFilter')
	await filter.fill('env=PROD')
	await expect(fionaPage.getByTestId('panel.analyse.metadataElement')).toHaveAttribute('data-human-id', 'EE1')
	await expect(fionaPage.getByTestId('panel.analyse.metadataResults').getByTestId('panel.threat')).toHaveAttribute('data-human-id', sniffed)
	await filter.fill('compliance=sox')
	await expect(fionaPage.getByTestId('panel.analyse.metadataCount')).toHaveText('0 elements, 0 threats')

	// The facilitator sets the review status; everyone sees it. The product owner may only read it.
	await fionaPage.getByTestId('panel.tab.scope').click()
	await fionaPage.getByTestId('panel.review.select').selectOption('pendingReview')
	for (const page of [fionaPage, pat.page, paula.page]) await expect(page.getByTestId('session.review')).toHaveText('Pending review')
	await paula.page.getByTestId('panel.tab.scope').click()
	await expect(paula.page.getByTestId('panel.review.status')).toHaveText('Pending review')
	await expect(paula.page.getByTestId('panel.session').getByTestId('panel.metadata.add')).toHaveCount(0)

	// The facilitator renames the project for a moment: every open page shows it, without a reload.
	const setPrefix = async (prefix: string) => {
		await fionaPage.getByTestId('panel.project.prefix').fill(prefix)
		await fionaPage.getByTestId('panel.project.save').click()
		for (const page of [fionaPage, pat.page, paula.page]) await expect(page.getByTestId('session.project')).toHaveText(`${prefix}.S01`)
	}
	await setPrefix('CARD')
	await expect(paula.page.getByTestId('panel.project')).toContainText('CARD.S01.T-001')
	await setPrefix('PAY')

	// Every export carries the composed ID, the review status and the metadata.
	await fiona.moveTo('decide')
	const exports = new Exports(paula.page)
	const composed = 'PAY.S01.T-001'
	await expect.poll(async () => (await exports.download('json')).text, { timeout: 60_000 }).toContain(composed)
	const json = sessionModelSchema.parse(JSON.parse((await exports.download('json')).text))
	expect(json.session).toMatchObject({ projectPrefix: 'PAY', sessionNumber: 1, review: { status: 'pendingReview', setByName: 'Fiona Facilitator' } })
	expect(json.threats.map((threat) => threat.humanId)).toEqual([composed])
	expect(json.metadata).toEqual([
		expect.objectContaining({ targetKind: 'element', targetHumanId: 'EE1', key: 'env', value: 'prod' }),
		expect.objectContaining({ targetKind: 'threat', targetHumanId: composed, key: 'compliance', value: 'PCI' }),
	])
	const csv = csvRecords((await exports.download('csv')).text)
	expect(csv.find((row) => row.id === composed)?.metadata).toBe('compliance=PCI')
	const markdown = (await exports.download('md')).text
	expect(markdown).toContain('| **Review status** | **Pending review** — by Fiona Facilitator')
	expect(markdown).toContain(`| ${composed} | threat |`)
	const github = await exports.download('github-csv')
	expect(github.text).toContain(composed)

	for (const context of contexts) await context.close()
})
