import { expect, test } from '@playwright/test'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import {
	canvasText,
	createSessionThroughHome,
	drawFlow,
	enterName,
	expectBackInRoom,
	joinAs,
	placeElement,
	recordRequests,
	storedSession,
} from './support/workshop'

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

test('a facilitator and a participant draw a DFD together and it survives a crash of the party and the app', async ({ browser }) => {
	const facilitatorContext = await browser.newContext()
	const facilitator = await facilitatorContext.newPage()
	const facilitatorRequests = recordRequests(facilitator)
	const links = await createSessionThroughHome(facilitator, stack.appUrl, 'Web shop checkout')
	for (const link of Object.values(links)) expect(link).toMatch(/\/s\/[\w-]+#[\w-]{24,}$/)

	await facilitator.goto(links.facilitator)
	await enterName(facilitator, 'Fiona Facilitator')

	const { context: participantContext, page: participant } = await joinAs(browser, links.participant, 'Pat Participant')
	const participantRequests = recordRequests(participant)
	const { context: observerContext, page: observer } = await joinAs(browser, links.observer, 'Olga Observer')

	await expect(facilitator.getByTestId('people')).toContainText('Pat Participant')
	await expect(participant.getByTestId('people')).toContainText('Fiona Facilitator')

	await placeElement(facilitator, 'process', { x: 450, y: 400 })
	await placeElement(facilitator, 'store', { x: 850, y: 400 })
	await drawFlow(facilitator, { x: 450, y: 400 }, { x: 850, y: 400 })

	for (const page of [facilitator, participant, observer]) {
		await expect(canvasText(page)).toContainText('P1')
		await expect(canvasText(page)).toContainText('DS1')
		await expect(canvasText(page)).toContainText('DF1')
	}

	await facilitator.mouse.move(600, 600, { steps: 4 })
	await expect(participant.locator('.tl-nametag', { hasText: 'Fiona Facilitator' })).toBeVisible()

	await expect
		.poll(async () => (await storedSession(stack.appUrl, links.facilitator)).elements.map((e) => e.humanId).sort(), {
			timeout: 30_000,
		})
		.toEqual(['DF1', 'DS1', 'P1'])

	await expect(observer.getByTestId('toolbar.process')).toHaveCount(0)
	await expect(observer.getByTestId('session.role')).toContainText('Observer')

	await stack.crashAndRestartParty()
	await stack.crashAndRestartApp()
	await participant.reload()
	await expectBackInRoom(participant)
	await expect(canvasText(participant)).toContainText('P1')
	await expect(canvasText(participant)).toContainText('DS1')
	await expect(canvasText(participant)).toContainText('DF1')

	const ours = [new URL(stack.appUrl).origin, stack.partyUrl.replace(/^ws/, 'http')]
	for (const url of [...facilitatorRequests, ...participantRequests]) {
		const origin = url.startsWith('data:') || url.startsWith('blob:') ? ours[0] : new URL(url.replace(/^ws/, 'http')).origin
		expect(ours, `request to another origin: ${url}`).toContain(origin)
	}

	await observerContext.close()
	await participantContext.close()
	await facilitatorContext.close()
})

test('a link with a bad token says so instead of spinning', async ({ page }) => {
	const links = await createSessionThroughHome(page, stack.appUrl, 'Bad link check')
	await page.goto(links.participant.replace(/#.*$/, '#not-a-real-token-000000000'))
	await expect(page.getByTestId('session.invalid')).toContainText('not valid')
})
