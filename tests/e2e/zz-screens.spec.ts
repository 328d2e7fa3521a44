import { expect, test } from '@playwright/test'
import { SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, drawFlow, enterName, joinAs, placeElement } from './support/workshop'

let stack: ThreatroomStack
test.beforeAll(async () => { stack = await startThreatroomStack() })
test.afterAll(async () => { await stack?.stop() })

test('screens', async ({ page, browser }) => {
	const links = await createSessionThroughHome(page, stack.appUrl, 'Screens')
	await page.goto(links.facilitator)
	await enterName(page, 'Fiona Facilitator')
	const { page: olgaPage } = await joinAs(browser, links.observer, 'Olga Observer')
	const fiona = new SessionPanel(page)
	await fiona.moveTo('diagram')
	await placeElement(page, 'entity', { x: 220, y: 420 })
	await page.mouse.click(220, 420)
	await page.screenshot({ path: test.info().outputPath('properties.png') })
	await placeElement(page, 'process', { x: 700, y: 420 })
	await drawFlow(page, { x: 220, y: 420 }, { x: 700, y: 420 })
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await page.getByTestId('panel.suggestion.adopt').first().click()
	await expect(fiona.threat('T-001')).toBeVisible()
	await fiona.moveTo('decide')
	await page.screenshot({ path: test.info().outputPath('decide.png') })
	await olgaPage.getByTestId('panel.tab.analyse').click()
	await (await new SessionPanel(olgaPage).openThreat('T-001'))
	await olgaPage.screenshot({ path: test.info().outputPath('observer.png') })
})
