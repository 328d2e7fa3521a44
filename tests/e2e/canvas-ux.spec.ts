import { type Browser, chromium, expect, type Page, test } from '@playwright/test'
import { boxesOf, canvasTags, overlappingPairs, wordsBrokenAcrossLines } from './support/canvasLayout'
import { SessionEnd } from './support/decide'
import { PropertiesTab, SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { canvasText, createSessionThroughHome, drawFlow, enterName, joinAs, placeElement } from './support/workshop'

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

/** A process in the open canvas, left of the session panel. */
const PROCESS_AT = { x: 420, y: 380 }
const EMPTY_CANVAS = { x: 820, y: 700 }

async function facilitatorIn(browser: Browser, sessionName: string) {
	const context = await browser.newContext()
	const page = await context.newPage()
	const links = await createSessionThroughHome(page, stack.appUrl, sessionName)
	await page.goto(links.facilitator)
	await enterName(page, 'Fiona Facilitator')
	return { context, page, links }
}

function textShapes(page: Page) {
	return page.locator('.tl-shape[data-shape-type="text"]')
}

test('double-click or Enter renames an element in place, Escape cancels, and only editors can', async ({ browser }) => {
	const { context, page, links } = await facilitatorIn(browser, 'Renaming')
	const { context: observerContext, page: observer } = await joinAs(browser, links.observer, 'Olga Observer')
	await new PropertiesTab(page).open()
	await placeElement(page, 'process', PROCESS_AT)
	await expect(canvasText(page)).toContainText('P1')
	const nameEditor = page.getByTestId('shape.nameEditor')

	await page.mouse.dblclick(PROCESS_AT.x, PROCESS_AT.y)
	await expect(nameEditor).toBeFocused()
	await expect(nameEditor).toHaveValue('Process')
	await page.keyboard.type('Payment service')
	await page.keyboard.press('Enter')
	await expect(nameEditor).toHaveCount(0)
	await expect(page.getByTestId('properties.name')).toHaveValue('Payment service')
	await expect(canvasText(observer)).toContainText('Payment service')

	await page.mouse.dblclick(PROCESS_AT.x, PROCESS_AT.y)
	await expect(nameEditor).toBeFocused()
	await page.keyboard.type('Oops')
	await page.keyboard.press('Escape')
	await expect(nameEditor).toHaveCount(0)
	await expect(page.getByTestId('properties.name')).toHaveValue('Payment service')

	// Enter on the selected element, then clicking away commits like Enter.
	await page.mouse.click(PROCESS_AT.x, PROCESS_AT.y)
	await page.keyboard.press('Enter')
	await expect(nameEditor).toBeFocused()
	await page.keyboard.type('Checkout service')
	await page.mouse.click(EMPTY_CANVAS.x, EMPTY_CANVAS.y)
	await expect(nameEditor).toHaveCount(0)
	await expect(canvasText(observer)).toContainText('Checkout service')
	// A double-click that misses the element makes no stray text either.
	await page.mouse.dblclick(EMPTY_CANVAS.x, EMPTY_CANVAS.y)
	await expect(textShapes(page)).toHaveCount(0)

	// A boundary is renamed on its heading, which also selects it.
	await placeElement(page, 'boundary', { x: 700, y: 480 })
	const heading = page.locator('.dfd-boundary__heading')
	await page.mouse.click(EMPTY_CANVAS.x, EMPTY_CANVAS.y)
	await heading.click()
	await expect(page.getByTestId('properties.kind')).toHaveText('Trust boundary')
	await heading.dblclick()
	await expect(nameEditor).toBeFocused()
	await page.keyboard.type('Payments zone')
	await page.keyboard.press('Enter')
	await expect(observer.locator('.dfd-boundary__name')).toHaveText('Payments zone')

	// An observer reads; an ended session is read-only for everyone.
	await observer.mouse.dblclick(PROCESS_AT.x, PROCESS_AT.y)
	await observer.keyboard.press('Enter')
	await expect(observer.getByTestId('shape.nameEditor')).toHaveCount(0)
	const end = new SessionEnd(page)
	await end.start()
	await end.confirm('2030-01-15')
	await new PropertiesTab(page).open()
	// The banner moved the canvas down: aim at the element where it is now.
	const processBox = await page.locator('.tl-shape[data-shape-type="dfd-process"]').boundingBox()
	if (!processBox) throw new Error('P1 is not on screen')
	await page.mouse.dblclick(processBox.x + processBox.width / 2, processBox.y + processBox.height / 2)
	await page.keyboard.press('Enter')
	await expect(page.getByTestId('properties.name')).toHaveValue('Checkout service')
	await expect(nameEditor).toHaveCount(0)
	await expect(textShapes(page)).toHaveCount(0)
	await expect(textShapes(observer)).toHaveCount(0)

	await observerContext.close()
	await context.close()
})

test('a rename made elsewhere while someone has the element open in place is kept', async ({ browser }) => {
	const { context, page, links } = await facilitatorIn(browser, 'Renaming together')
	const { context: patContext, page: pat } = await joinAs(browser, links.participant, 'Pat Participant')
	await placeElement(page, 'process', PROCESS_AT)
	await expect(canvasText(pat)).toContainText('P1')

	// Pat opens the name in place and reads it; Fiona renames the process in the panel meanwhile.
	const patNameEditor = pat.getByTestId('shape.nameEditor')
	await pat.mouse.dblclick(PROCESS_AT.x, PROCESS_AT.y)
	await expect(patNameEditor).toHaveValue('Process')
	await page.mouse.click(PROCESS_AT.x, PROCESS_AT.y)
	await new PropertiesTab(page).fill('name', 'Ledger')
	await expect(patNameEditor).toHaveValue('Ledger')

	// Pat clicks away without typing, then draws something: once that reaches Fiona, so would have
	// anything Pat's field wrote before it.
	await pat.mouse.click(EMPTY_CANVAS.x, EMPTY_CANVAS.y)
	await expect(patNameEditor).toHaveCount(0)
	await placeElement(pat, 'entity', { x: 200, y: 380 })
	await expect(canvasText(page)).toContainText('EE1')
	for (const each of [page, pat]) await expect(canvasText(each)).toContainText('Ledger')
	await expect(page.getByTestId('properties.name')).toHaveValue('Ledger')

	await patContext.close()
	await context.close()
})

test('flow labels wrap between words, boundary names show in full, and no tag covers another', async ({ browser }) => {
	const { context, page } = await facilitatorIn(browser, 'Labels')
	const panel = new SessionPanel(page)
	const properties = new PropertiesTab(page)
	await panel.moveTo('diagram')
	// Close together, as people draw them: the flow between them is short.
	const entityAt = { x: 200, y: 430 }
	const processAt = { x: 420, y: 430 }
	await placeElement(page, 'entity', entityAt)
	await placeElement(page, 'process', processAt)
	await drawFlow(page, entityAt, processAt)
	await page.mouse.click((entityAt.x + processAt.x) / 2 + 10, entityAt.y)
	await expect(page.getByTestId('properties.kind')).toHaveText('Data flow')
	await properties.fill('name', 'Booking request')
	await page.keyboard.press('Escape')

	// A boundary drawn tightly around the process, its top edge just above the process's ID.
	await page.getByTestId('toolbar.boundary').click()
	await page.mouse.move(processAt.x - 75, processAt.y - 68)
	await page.mouse.down()
	await page.mouse.move(processAt.x + 40, processAt.y, { steps: 4 })
	await page.mouse.move(processAt.x + 90, processAt.y + 80, { steps: 4 })
	await page.mouse.up()
	await expect(page.getByTestId('properties.kind')).toHaveText('Trust boundary')
	await properties.fill('name', 'Payment processing zone')
	await page.keyboard.press('Escape')

	await panel.moveTo('analyse')
	const flowTag = page.locator('[data-testid="flow.humanId"]', { hasText: 'DF1' })
	const tagBox = await flowTag.boundingBox()
	if (!tagBox) throw new Error('DF1 is not on screen')
	await page.mouse.click(tagBox.x + tagBox.width / 2, tagBox.y + tagBox.height + 12)
	await expect(panel.focus()).toContainText('DF1')
	await page.mouse.click(EMPTY_CANVAS.x, EMPTY_CANVAS.y)
	await page.screenshot({ path: '/tmp/canvas-ux-labels.png' })

	const label = page.locator('.tl-shape[data-shape-type="arrow"] .tl-rich-text')
	await expect(label).toHaveText('Booking request')
	expect(await wordsBrokenAcrossLines(label)).toEqual([])

	const boundaryName = page.locator('.dfd-boundary__name')
	await expect(boundaryName).toHaveText('Payment processing zone')
	expect(await boundaryName.evaluate((name) => name.scrollWidth <= name.clientWidth + 1)).toBe(true)
	expect(await wordsBrokenAcrossLines(boundaryName)).toEqual([])

	const tags = await boxesOf(canvasTags(page))
	expect(tags.map((tag) => tag.label)).toEqual(expect.arrayContaining(['EE1', 'P1', 'DF1', 'Focus · DF1']))
	expect(overlappingPairs(tags)).toEqual([])

	await context.close()
})

test('the style panel stays closed, offers only colour, and never shows for a DFD element', async ({ browser }) => {
	const { context, page } = await facilitatorIn(browser, 'Styles')
	await expect(page.getByTestId('style.panel')).toHaveCount(0)
	await new PropertiesTab(page).open()
	await placeElement(page, 'process', PROCESS_AT)
	await page.mouse.click(PROCESS_AT.x, PROCESS_AT.y)
	await expect(page.getByTestId('properties.kind')).toHaveText('Process')
	await expect(page.getByTestId('style.panel')).toHaveCount(0)
	await expect(page.getByTestId('style.opacity')).toHaveCount(0)
	await expect(page.getByTestId('style.toggle')).toHaveCount(0)

	await page.getByTestId('toolbar.flow').click()
	const toggle = page.getByTestId('style.toggle')
	await expect(toggle).toHaveText(/Colour/)
	await expect(page.getByTestId('style.panel')).toHaveCount(0)
	await toggle.click()
	await expect(page.getByTestId('style.color.red')).toBeVisible()
	await page.screenshot({ path: '/tmp/canvas-ux-style.png' })
	for (const hidden of ['style.opacity', 'style.dash', 'style.size', 'style.fill', 'style.font']) {
		await expect(page.getByTestId(hidden)).toHaveCount(0)
	}
	await page.getByTestId('style.color.red').click()
	await context.close()
})

test('every toolbar button names its element, with its shortcut on hover', async ({ browser }) => {
	const { context, page } = await facilitatorIn(browser, 'Toolbar')
	const expected: Record<string, { label: RegExp; tooltip: string }> = {
		select: { label: /^Select$/, tooltip: 'Select (V)' },
		entity: { label: /^Entity$/, tooltip: 'External entity (R)' },
		process: { label: /^Process$/, tooltip: 'Process (O)' },
		multiprocess: { label: /^Multi-process$/, tooltip: 'Multi-process (M)' },
		store: { label: /^Data store$/, tooltip: 'Data store (S)' },
		boundary: { label: /^Boundary$/, tooltip: 'Trust boundary (B)' },
		flow: { label: /^Data flow$/, tooltip: 'Data flow (A)' },
	}
	for (const [tool, { label, tooltip }] of Object.entries(expected)) {
		const button = page.getByTestId(`toolbar.${tool}`)
		await expect(button.locator('.dfd-toolbar__label')).toHaveText(label)
		await expect(button.locator('.dfd-toolbar__label')).toBeVisible()
		await button.hover()
		await expect(page.locator('.tlui-tooltip')).toHaveText(tooltip)
		await page.mouse.move(EMPTY_CANVAS.x, EMPTY_CANVAS.y)
	}
	await page.getByTestId('toolbar').screenshot({ path: '/tmp/canvas-ux-toolbar.png' })
	await context.close()
})

test('a facilitator at a real host name without a tldraw license key is told what to do', async ({ launchOptions }) => {
	// The stack serves 127.0.0.1, where tldraw never asks for a license: map a workshop host onto it.
	const host = 'threatroom.workshop.test'
	const workshopBrowser = await chromium.launch({
		...launchOptions,
		args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${host} 127.0.0.1`],
	})
	try {
		const appUrl = stack.appUrl.replace('127.0.0.1', host)
		const context = await workshopBrowser.newContext()
		const page = await context.newPage()
		const links = await createSessionThroughHome(page, appUrl, 'License')
		await page.goto(links.facilitator)
		await enterName(page, 'Fiona Facilitator')
		const notice = page.getByTestId('session.licenseNotice')
		await expect(notice).toBeVisible()
		await expect(notice).toContainText('NEXT_PUBLIC_TLDRAW_LICENSE_KEY')
		await page.screenshot({ path: '/tmp/canvas-ux-license.png' })
		await notice.getByRole('button', { name: 'Dismiss' }).click()
		await expect(notice).toHaveCount(0)

		const { page: participant } = await joinAs(workshopBrowser, links.participant, 'Pat Participant')
		await expect(participant.getByTestId('session.licenseNotice')).toHaveCount(0)

		// The same facilitator link on the loopback address: tldraw needs no key there.
		const local = await context.newPage()
		await local.goto(links.facilitator.replace(host, '127.0.0.1'))
		await enterName(local, 'Fiona Facilitator')
		await expect(local.getByTestId('session.licenseNotice')).toHaveCount(0)
	} finally {
		await workshopBrowser.close()
	}
})
