import { expect, test } from '@playwright/test'
import { HomePage, threatDragonFixture } from './support/home'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { canvasText, createSessionThroughHome, enterName } from './support/workshop'

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

test('a Threat Dragon model becomes a session, a broken one says why, and My sessions keeps both sessions', async ({ browser }) => {
	const context = await browser.newContext()
	const page = await context.newPage()
	const home = new HomePage(page, stack.appUrl)

	// A first visit has nothing to list.
	await home.goto()
	await expect(page.getByTestId('home.mySessions')).toHaveCount(0)

	// A file Threat Dragon itself would refuse: the problems, each at its place in the file.
	await home.importFile(threatDragonFixture('v2-malformed-new-model.json'))
	await expect(home.importError()).toContainText('could not be imported')
	await expect(home.importError().getByTestId('home.import.issues').locator('li').first()).toBeVisible()
	await page.screenshot({ path: test.info().outputPath('import-error.png'), fullPage: true })

	// OWASP's demo model, its IDs composed with a project prefix: the four links, like a new session.
	await page.getByTestId('home.import.projectPrefix').fill('demo')
	await home.importFile(threatDragonFixture('v2-threat-model.json'))
	await expect(page.getByRole('heading', { name: 'Model imported' })).toBeVisible()
	await expect(home.importError()).toHaveCount(0)
	const facilitatorLink = await home.link('facilitator').inputValue()
	expect(facilitatorLink).toMatch(/\/s\/[^/#]+#.+/)
	await page.screenshot({ path: test.info().outputPath('import-links.png'), fullPage: true })

	// The facilitator opens it: the demo's elements are on the canvas, by name.
	await page.getByTestId('home.open').click()
	await enterName(page, 'Fiona Facilitator')
	await page.keyboard.press('Shift+1')
	for (const name of ['Browser', 'Database', 'Message Queue', 'Worker Config']) await expect(canvasText(page)).toContainText(name)
	await expect(page.getByTestId('session.project')).toHaveText('DEMO.S01')
	await page.screenshot({ path: test.info().outputPath('imported-canvas.png') })

	// A session made the ordinary way, from the same browser.
	await createSessionThroughHome(page, stack.appUrl, 'Payments review')

	// After a reload, both are listed, brought up to date by the server.
	await home.goto()
	await page.reload()
	await expect(home.mySessions()).toHaveCount(2)
	await expect(home.mySessions().first()).toContainText('Payments review')
	const imported = home.mySession('Demo Threat Model')
	await expect(imported).toContainText('Facilitator')
	await expect(imported.getByTestId('home.mySessions.status')).toHaveText('Active')
	await expect(imported.getByTestId('home.mySessions.counts')).toContainText(/\d+ threats/)
	await expect(imported.getByTestId('home.mySessions.project')).toHaveText('DEMO.S01')
	await expect(home.mySession('Payments review').getByTestId('home.mySessions.project')).toHaveCount(0)
	const { pathname, hash } = new URL(facilitatorLink)
	await expect(imported.getByTestId('home.mySessions.open')).toHaveAttribute('href', pathname + hash)
	await page.screenshot({ path: test.info().outputPath('my-sessions.png'), fullPage: true })

	// Forgetting one takes it off this browser's list, for good.
	await home.forget('Payments review')
	await page.reload()
	await expect(home.mySessions()).toHaveCount(1)
	await expect(home.mySessions().first()).toContainText('Demo Threat Model')

	await context.close()
})
