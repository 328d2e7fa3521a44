import { type BrowserContext, expect, test } from '@playwright/test'
import { sessionModelSchema } from '../../lib/reports/sessionModel'
import { csvRecords } from './support/csv'
import { Exports } from './support/decide'
import { SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, drawFlow, enterName, joinAs, placeElement } from './support/workshop'

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

test.afterAll(async () => {
	await stack?.stop()
})

const ENTITY_AT = { x: 220, y: 420 }
const PROCESS_AT = { x: 700, y: 420 }

const REPLAY = { title: 'Stolen session cookie is replayed', likelihood: 4, impact: 5 }
const MITIGATION = {
	title: 'Bind the session cookie to the device',
	owner: 'Identity team',
	dueDate: '2030-01-31',
	acceptanceCriteria: 'A cookie replayed from another device is refused',
	verification: 'Replay test in the integration suite',
}

test('a participant proposes a mitigation, the product owner puts it in place, and the plan reaches every export', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, 'Checkout mitigations')
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	const pat = await joinAs(browser, links.participant, 'Pat Participant')
	const paula = await joinAs(browser, links.productOwner, 'Paula Product')
	contexts.push(pat.context, paula.context)
	const fiona = new SessionPanel(fionaPage)
	const patPanel = new SessionPanel(pat.page)
	const paulaPanel = new SessionPanel(paula.page)

	await fiona.moveTo('diagram')
	await placeElement(fionaPage, 'entity', ENTITY_AT)
	await placeElement(fionaPage, 'process', PROCESS_AT)
	await drawFlow(fionaPage, ENTITY_AT, PROCESS_AT)
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await expect(patPanel.focus()).toContainText('EE1')
	const replay = await patPanel.addThreat('S', REPLAY)

	// Pat proposes the mitigation in the threat's details; the room numbers it.
	const patThreat = await patPanel.openThreat(replay)
	await patThreat.getByTestId('panel.mitigation.add').click()
	await patThreat.getByTestId('panel.mitigation.form.title').fill(MITIGATION.title)
	await patThreat.getByTestId('panel.mitigation.form.owner').fill(MITIGATION.owner)
	await patThreat.getByTestId('panel.mitigation.form.dueDate').fill(MITIGATION.dueDate)
	await patThreat.getByTestId('panel.mitigation.form.acceptanceCriteria').fill(MITIGATION.acceptanceCriteria)
	await patThreat.getByTestId('panel.mitigation.form.verification').fill(MITIGATION.verification)
	await patThreat.getByTestId('panel.mitigation.form.submit').click()
	await expect(patThreat.getByTestId('panel.mitigation')).toContainText('M-001')
	await expect(patThreat.getByTestId('panel.mitigation.status')).toHaveText('Planned')

	// Paula, the product owner, sees it, and marks it in place: everyone sees the threat's progress.
	const paulaThreat = await paulaPanel.openThreat(replay)
	await expect(paulaThreat.getByTestId('panel.mitigation.title')).toHaveText(MITIGATION.title)
	await paulaThreat.getByTestId('panel.mitigation.edit').click()
	await paulaThreat.getByTestId('panel.mitigation.form.status').selectOption('inPlace')
	await paulaThreat.getByTestId('panel.mitigation.form.submit').click()
	await expect(patThreat.getByTestId('panel.mitigation.status')).toHaveText('In place')
	await expect(patThreat.getByTestId('panel.mitigations.progress')).toHaveText('1 of 1 in place')
	const fionaThreat = await fiona.openThreat(replay)
	await expect(fionaThreat.getByTestId('panel.mitigations.hint')).toBeVisible()
	await expect(pat.page.locator('.tr-toast--error')).toHaveCount(0)
	await expect(paula.page.locator('.tr-toast--error')).toHaveCount(0)

	// The exports carry it: the plan and the test plan, the JSON, the CSV, the tracker and the calendar.
	await fiona.moveTo('decide')
	const exports = new Exports(paula.page)
	await expect
		.poll(async () => (await exports.download('md')).text, { timeout: 60_000 })
		.toContain(`| M-001 | ${MITIGATION.title} | Design | ${replay} | ${MITIGATION.owner} | ${MITIGATION.dueDate} | In place |`)
	const markdown = (await exports.download('md')).text
	expect(markdown).toContain('## Test plan')
	expect(markdown).toContain(MITIGATION.acceptanceCriteria)
	const json = sessionModelSchema.parse(JSON.parse((await exports.download('json')).text))
	expect(json.mitigations).toEqual([expect.objectContaining({ humanId: 'M-001', threatHumanIds: [replay], status: 'inPlace' })])
	const csv = csvRecords((await exports.download('csv')).text)
	expect(csv.find((row) => row.id === replay)?.mitigations).toBe('M-001 (In place)')
	const github = await exports.download('github-csv')
	expect(github.filename).toMatch(/-github-issues-\d{4}-\d{2}-\d{2}\.csv$/)
	expect(github.text).toContain(`[SEC][P0] ${replay} ${REPLAY.title}`)
	const calendar = await exports.download('ics')
	expect(calendar.filename).toMatch(/\.ics$/)
	expect(calendar.text).toContain('BEGIN:VEVENT')

	for (const context of contexts) await context.close()
})
