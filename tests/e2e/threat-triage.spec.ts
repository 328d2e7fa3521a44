import { type BrowserContext, expect, test } from '@playwright/test'
import { sessionModelSchema } from '../../lib/reports/sessionModel'
import { csvRecords } from './support/csv'
import { Exports } from './support/decide'
import { ScopeTab, SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, enterName, joinAs } from './support/workshop'

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

const INSIDER = {
	title: 'Insider sells the customer list',
	vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N',
	baseScore: '8.1',
}

test('a participant adds a model-level Other threat on an asset and an agent, the facilitator filters by the asset, and the exports carry it', async ({
	browser,
}) => {
	const contexts: BrowserContext[] = []
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, 'Insider threats')
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	const pat = await joinAs(browser, links.participant, 'Pat Participant')
	contexts.push(pat.context)
	const fiona = new SessionPanel(fionaPage)
	await expect(fionaPage.getByTestId('people')).toContainText('Pat Participant')

	// The facilitator writes the scope: two assets and a threat agent.
	const scope = new ScopeTab(fionaPage)
	await scope.add('asset', { title: 'Customer list' })
	await scope.add('asset', { title: 'Price list' })
	await scope.add('threatAgent', { title: 'Disgruntled insider' })
	await expect(new ScopeTab(pat.page).items()).toHaveCount(3)

	// In Analyse, with nothing focused, Pat adds a threat on the whole model, tagged Other.
	await fiona.moveTo('analyse')
	await pat.page.getByTestId('panel.threat.addModelLevel').click()
	const form = pat.page.getByTestId('panel.threat.form')
	await form.getByTestId('panel.threat.form.title').fill(INSIDER.title)
	await expect(form.getByTestId('panel.threat.form.category.other')).toBeChecked()
	await form.getByTestId('panel.threat.form.severity').selectOption('High')
	await form.getByTestId('panel.threat.form.cvssVector').fill(INSIDER.vector)
	await expect(form).toContainText(`Base score ${INSIDER.baseScore} (High)`)
	await form.getByTestId('panel.threat.form.assets.A1').check()
	await form.getByTestId('panel.threat.form.agents.TA1').check()
	await form.getByTestId('panel.threat.form.submit').click()
	const patWholeModel = pat.page.getByTestId('panel.analyse.wholeModel')
	const added = patWholeModel.getByTestId('panel.threat').filter({ hasText: INSIDER.title })
	await expect(added).toHaveAttribute('data-human-id', /^T-\d{3,}$/)
	const humanId = (await added.getAttribute('data-human-id')) ?? ''

	// The facilitator sees it on the whole model, and filters the threats by the asset.
	await expect(fionaPage.getByTestId('panel.analyse.wholeModel').getByTestId('panel.threat').filter({ hasText: humanId })).toBeVisible()
	await fionaPage.getByTestId('panel.analyse.scopeFilter').selectOption({ label: 'A1 Customer list (Asset)' })
	const filtered = fionaPage.getByTestId('panel.analyse.byScope.threats').getByTestId('panel.threat')
	await expect(filtered).toHaveCount(1)
	await expect(filtered).toContainText(humanId)
	await expect(filtered).toContainText('Whole model')
	await filtered.getByTestId('panel.threat.toggle').click()
	await expect(filtered.getByTestId('panel.threat.severity')).toHaveText('High')
	await expect(filtered.getByTestId('panel.threat.cvss')).toContainText(INSIDER.baseScore)
	await expect(filtered.getByTestId('panel.threat.links')).toHaveText('A1 Customer list; TA1 Disgruntled insider')
	// The other asset names no threat.
	await fionaPage.getByTestId('panel.analyse.scopeFilter').selectOption({ label: 'A2 Price list (Asset)' })
	await expect(fionaPage.getByTestId('panel.analyse.byScope.empty')).toBeVisible()
	await expect(pat.page.locator('.tr-toast--error')).toHaveCount(0)

	// The product owner's register shows what to weigh beside the risk: priority, severity, CVSS.
	await fiona.moveTo('decide')
	const row = fionaPage.getByTestId('decide.threat').filter({ hasText: humanId })
	await expect(row.getByTestId('decide.priority')).toHaveText('P1')
	await expect(row.getByTestId('decide.severity')).toHaveText('Severity High')
	await expect(row.getByTestId('decide.cvss')).toHaveText(`CVSS ${INSIDER.baseScore}`)

	// The exports carry it, with its triage and links; Threat Dragon has no place for it.
	const exports = new Exports(fionaPage)
	await expect.poll(async () => (await exports.download('md')).text, { timeout: 60_000 }).toContain(`| ${humanId} | Whole model | **${INSIDER.title}** |`)
	const markdown = (await exports.download('md')).text
	expect(markdown).toContain(`| High | ${INSIDER.baseScore} (${INSIDER.vector}) |`)
	expect(markdown).toContain('| A1 Customer list | TA1 Disgruntled insider |')
	const json = sessionModelSchema.parse(JSON.parse((await exports.download('json')).text))
	expect(json.threats.find((threat) => threat.humanId === humanId)).toMatchObject({
		elementShapeId: null,
		categories: ['other'],
		severity: 'High',
		cvss: { vector: INSIDER.vector, baseScore: 8.1 },
		includeInReport: true,
		assetHumanIds: ['A1'],
		agentHumanIds: ['TA1'],
	})
	const csv = csvRecords((await exports.download('csv')).text)
	expect(csv.find((row) => row.id === humanId)).toMatchObject({
		component: 'Whole model',
		categories: 'Other',
		severity: 'High',
		cvss_base_score: INSIDER.baseScore,
		assets: 'A1 Customer list',
	})
	expect((await exports.download('html')).text).toContain(INSIDER.title)
	expect((await exports.download('threat-dragon')).text).not.toContain(INSIDER.title)

	for (const context of contexts) await context.close()
})
