import { type BrowserContext, expect, test } from '@playwright/test'
import { csvRecords } from './support/csv'
import { DecideTab, Exports, SessionEnd } from './support/decide'
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

/** The canvas sits left of the 380 px session panel in the 1400 × 900 viewport. */
const ENTITY_AT = { x: 220, y: 420 }
const PROCESS_AT = { x: 700, y: 420 }

const REPLAY = { title: 'Stolen session cookie is replayed', likelihood: 4, impact: 5 }
const REPUDIATION = { title: 'Customer denies placing the order', likelihood: 2, impact: 3 }
const STUFFING = { title: 'Credential stuffing against the login', likelihood: 3, impact: 4 }

const ACCEPT_RATIONALE = 'Sessions expire after 15 minutes; the residual risk is accepted'
const DEFER_REASON = 'Revisit once the new order service ships'
const MITIGATION = 'Rate-limit logins and require MFA'

test('the product owner decides the risks, the facilitator ends the session and takes the reports home', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, 'Checkout decisions')
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	const pat = await joinAs(browser, links.participant, 'Pat Participant')
	contexts.push(pat.context)
	const fiona = new SessionPanel(fionaPage)
	const patPanel = new SessionPanel(pat.page)

	// The diagram: a customer talking to the shop.
	await fiona.moveTo('diagram')
	await placeElement(fionaPage, 'entity', ENTITY_AT)
	await placeElement(fionaPage, 'process', PROCESS_AT)
	await drawFlow(fionaPage, ENTITY_AT, PROCESS_AT)

	// The walk starts at the customer; the participant raises three threats through the panel.
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await expect(patPanel.focus()).toContainText('EE1')
	const replay = await patPanel.addThreat('S', REPLAY)
	const repudiation = await patPanel.addThreat('R', REPUDIATION)
	const stuffing = await patPanel.addThreat('S', STUFFING)
	expect([replay, repudiation, stuffing]).toEqual(['T-001', 'T-002', 'T-003'])

	// Decide: everybody lands on the register, riskiest first.
	await fiona.moveTo('decide')
	const fionaDecide = new DecideTab(fionaPage)
	const patDecide = new DecideTab(pat.page)
	await expect(patDecide.rows()).toHaveCount(3)
	expect(await patDecide.order()).toEqual([replay, stuffing, repudiation])
	for (const humanId of [replay, stuffing, repudiation]) await expect(patDecide.current(humanId)).toHaveText('Undecided')

	// The heat map counts each cell and filters the register to one.
	await expect(fionaDecide.heatMapCell(4, 5)).toHaveAttribute('data-count', '1')
	await expect(fionaDecide.heatMapCell(3, 4)).toHaveAttribute('data-count', '1')
	await expect(fionaDecide.heatMapCell(1, 1)).toHaveAttribute('data-count', '0')
	await fionaDecide.heatMapCell(3, 4).click()
	expect(await fionaDecide.order()).toEqual([stuffing])
	await fionaDecide.heatMapCell(3, 4).click()
	await expect(fionaDecide.rows()).toHaveCount(3)
	await fionaDecide.heatMapCell(4, 5).click()
	expect(await fionaDecide.order()).toEqual([replay])
	await fionaPage.getByTestId('heatmap.clear').click()
	await expect(fionaDecide.rows()).toHaveCount(3)

	// No product owner yet: the facilitator may decide only on a named person's behalf.
	const fionaRow = await fionaDecide.fillAndSubmit(repudiation, 'accept', {
		rationale: 'Every order is confirmed by e-mail',
		reviewDate: '2030-06-30',
	})
	await expect(fionaRow.getByTestId('decide.onBehalfNote')).toContainText('No product owner is here')
	await expect(fionaRow.getByTestId('decide.field.onBehalfOf')).toHaveAttribute('aria-invalid', 'true')
	await expect(fionaDecide.current(repudiation)).toHaveText('Undecided')
	await fionaRow.getByTestId('decide.field.onBehalfOf').fill('Paula Product')
	await fionaRow.getByTestId('decide.submit').click()
	await expect(fionaDecide.current(repudiation)).toHaveText('Accepted')
	await expect(patDecide.current(repudiation)).toHaveText('Accepted')

	// The product owner arrives and decides; the form asks for what each choice needs first.
	const paula = await joinAs(browser, links.productOwner, 'Paula Product')
	contexts.push(paula.context)
	const paulaDecide = new DecideTab(paula.page)
	await expect(fionaRow.getByTestId('decide.onBehalfNote')).toContainText('Paula Product (product owner) is here')
	const paulaRow = await paulaDecide.fillAndSubmit(replay, 'accept', {})
	await expect(paulaRow.getByTestId('decide.field.rationale')).toHaveAttribute('aria-invalid', 'true')
	await expect(paulaRow.getByTestId('decide.field.reviewDate')).toHaveAttribute('aria-invalid', 'true')
	await expect(paulaRow.getByTestId('decide.field.onBehalfOf')).toHaveCount(0)
	await expect(paulaDecide.current(replay)).toHaveText('Undecided')
	await paulaRow.getByTestId('decide.field.rationale').fill(ACCEPT_RATIONALE)
	await paulaRow.getByTestId('decide.field.reviewDate').fill('2030-03-01')
	await paulaRow.getByTestId('decide.submit').click()
	await expect(paulaDecide.current(replay)).toHaveText('Accepted')
	await paulaDecide.decide(repudiation, 'defer', { deferUntil: '2030-02-01', rationale: DEFER_REASON })
	await paulaDecide.decide(stuffing, 'mitigate', { mitigation: MITIGATION, owner: 'Identity team', dueDate: '2030-01-31' })
	await expect(pat.page.locator('.tr-toast--error')).toHaveCount(0)
	await expect(paula.page.locator('.tr-toast--error')).toHaveCount(0)

	// The participant watches the decisions land, with their history, and cannot decide.
	await expect(patDecide.current(replay)).toHaveText('Accepted')
	await expect(patDecide.current(repudiation)).toHaveText('Deferred')
	await expect(patDecide.current(stuffing)).toHaveText('Mitigation planned')
	const patRow = await patDecide.openRow(repudiation)
	await expect(patDecide.history(repudiation)).toHaveCount(2)
	await expect(patDecide.history(repudiation).first()).toContainText('recorded by Fiona Facilitator on behalf of Paula Product')
	await expect(patDecide.history(repudiation).last()).toContainText('by Paula Product')
	await expect(patDecide.history(repudiation).last()).toContainText(DEFER_REASON)
	await expect(patDecide.history(repudiation).last()).toHaveAttribute('data-in-force', 'true')
	await expect(patRow.getByTestId('decide.kind.accept')).toHaveCount(0)
	await pat.page.screenshot({ path: test.info().outputPath('participant-decide.png') })
	await paula.page.screenshot({ path: test.info().outputPath('product-owner-decide.png') })

	// The facilitator ends the session on its summary, with the date of the next one.
	const end = new SessionEnd(fionaPage)
	const summary = await end.start()
	await expect(summary.getByTestId('session.summary.bands')).toContainText('1 Critical')
	await expect(summary.getByTestId('session.summary.decisions').locator('[data-kind="accept"] dd')).toHaveText('1')
	await expect(summary.getByTestId('session.summary.decisions').locator('[data-kind="defer"] dd')).toHaveText('1')
	await expect(summary.getByTestId('session.summary.decisions').locator('[data-kind="mitigate"] dd')).toHaveText('1')
	await expect(summary.getByTestId('session.summary.decisions').locator('[data-kind="undecided"] dd')).toHaveText('0')
	await expect(summary.getByTestId('session.summary.risk')).toHaveCount(3)
	await fionaPage.screenshot({ path: test.info().outputPath('end-summary.png') })
	await end.confirm('2030-01-15')

	// Everyone now reads an ended session: the banner, no drawing tools, no forms.
	for (const page of [fionaPage, pat.page, paula.page]) {
		const banner = page.getByTestId('session.ended')
		await expect(banner).toContainText('This session ended on')
		await expect(banner.getByTestId('session.ended.next')).toHaveAttribute('datetime', '2030-01-15')
		await expect(page.getByTestId('toolbar.entity')).toHaveCount(0)
		await expect(page.getByTestId('panel.phase.scope')).toBeDisabled()
	}
	await expect(fionaPage.getByTestId('session.reopen')).toBeVisible()
	await expect(fionaPage.getByTestId('session.end')).toHaveCount(0)
	await expect(pat.page.getByTestId('session.reopen')).toHaveCount(0)
	await expect(paula.page.getByTestId('session.followUp')).toHaveCount(0)
	const paulaEnded = await paulaDecide.openRow(replay)
	await expect(paulaEnded.getByTestId('decide.kind.mitigate')).toHaveCount(0)
	await expect(paulaDecide.history(replay)).toHaveCount(1)
	await pat.page.screenshot({ path: test.info().outputPath('participant-ended.png') })

	// The reports say what was decided. They are built from what the room saved, a moment behind.
	const exports = new Exports(fionaPage)
	let csv = ''
	await expect.poll(async () => (csv = (await exports.download('csv')).text), { timeout: 60_000 }).toMatch(/Credential stuffing[^\r\n]*,mitigate,/)
	const [header] = csv.split('\r\n')
	expect(header?.split(',')).toEqual([
		'id',
		'component',
		'threat',
		'description',
		'likelihood',
		'impact',
		'risk_score',
		'mitigation',
		'owner',
		'due',
		'date_identified',
		'status',
		'decision',
		'decided_by',
		'decided_at',
		'mitigations',
		'categories',
		'severity',
		'cvss_vector',
		'cvss_base_score',
		'priority',
		'include_in_report',
		'assets',
		'threat_agents',
		'metadata',
	])
	const rows = new Map(csvRecords(csv).map((row) => [row.id, row]))
	expect(rows.get(replay)).toMatchObject({ threat: REPLAY.title, risk_score: '20', decision: 'accept', decided_by: 'Paula Product' })
	expect(rows.get(repudiation)).toMatchObject({ decision: 'defer', decided_by: 'Paula Product' })
	expect(rows.get(stuffing)).toMatchObject({ mitigation: MITIGATION, owner: 'Identity team', due: '2030-01-31', decision: 'mitigate' })
	expect(rows.get(replay)?.component).toMatch(/^EE1/)
	for (const row of rows.values()) expect(row.decided_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)

	const markdown = await exports.download('md')
	expect(markdown.filename).toMatch(/^checkout-decisions-\d{4}-\d{2}-\d{2}\.md$/)
	const decided = [ACCEPT_RATIONALE, DEFER_REASON, MITIGATION, 'Identity team', 'Paula Product']
	for (const text of [replay, repudiation, stuffing, 'Accepted risks', 'Deferred risks', ...decided]) expect(markdown.text).toContain(text)
	const svg = await exports.download('svg')
	expect(svg.filename).toMatch(/\.svg$/)
	expect(svg.text).toContain('EE1')
	const threatDragon = JSON.parse((await exports.download('threat-dragon')).text) as { summary: { title: string } }
	expect(threatDragon.summary.title).toBe('Checkout decisions')
	const unmitigated = await exports.download('csv', 'unmitigated')
	expect(unmitigated.filename).toContain('unmitigated')
	expect(
		csvRecords(unmitigated.text)
			.map((row) => row.id)
			.sort(),
	).toEqual([replay, repudiation, stuffing])

	// A follow-up session gets links of its own; reopening gives everyone their controls back.
	await fionaPage.getByTestId('session.followUp').click()
	const followUp = fionaPage.getByTestId('session.followUp.dialog')
	await expect(followUp.getByTestId('session.followUp.open')).toHaveAttribute('href', /\/s\/[^/#]+#.+/)
	expect(await followUp.getByTestId('home.link.facilitator').inputValue()).not.toBe(links.facilitator)
	await fionaPage.screenshot({ path: test.info().outputPath('follow-up.png') })
	await fionaPage.keyboard.press('Escape')
	await expect(followUp).toHaveCount(0)
	await fionaPage.getByTestId('session.reopen').click()
	for (const page of [fionaPage, pat.page, paula.page]) {
		await expect(page.getByTestId('session.ended')).toHaveCount(0)
		await expect(page.getByTestId('toolbar.entity')).toBeVisible()
	}
	await expect(fionaPage.getByTestId('session.end')).toBeVisible()

	for (const context of contexts) await context.close()
})
