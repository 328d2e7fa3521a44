import { test } from '@playwright/test'
import { SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, drawFlow, enterName, placeElement } from './support/workshop'

let stack: ThreatroomStack
test.beforeAll(async () => { stack = await startThreatroomStack() })
test.afterAll(async () => { await stack?.stop() })

test('debug', async ({ page, browser }) => {
	const links = await createSessionThroughHome(page, stack.appUrl, 'Screens')
	await page.goto(links.facilitator)
	await enterName(page, 'Fiona Facilitator')
	const context = await browser.newContext()
	const olga = await context.newPage()
	olga.on('websocket', (ws) => {
		ws.on('framesent', (frame) => {
			const text = String(frame.payload)
			if (text.includes('"push"')) console.log('OBSERVER SENT', text.slice(0, 600))
		})
		ws.on('framereceived', (frame) => {
			const text = String(frame.payload)
			if (text.includes('rejected')) console.log('OBSERVER GOT', text.slice(0, 400))
		})
	})
	await olga.goto(links.observer)
	await enterName(olga, 'Olga')
	const fiona = new SessionPanel(page)
	await fiona.moveTo('diagram')
	await placeElement(page, 'entity', { x: 220, y: 420 })
	await placeElement(page, 'process', { x: 700, y: 420 })
	await drawFlow(page, { x: 220, y: 420 }, { x: 700, y: 420 })
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await page.waitForTimeout(2000)
})
