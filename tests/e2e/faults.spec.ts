import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test'
import { SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, enterName, joinAs, placeElement } from './support/workshop'

// Faults in the middle of a workshop, in the browser: the room's process killed with SIGKILL right
// after it acknowledged the last threat, and a participant whose network drops for a minute while
// they keep working. Nothing anyone saw acknowledged, or wrote while offline, is lost or doubled.

let stack: ThreatroomStack

test.beforeAll(async () => {
	stack = await startThreatroomStack()
})

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook wants from an object pattern, and this one wants none
test.afterEach(async ({}, testInfo) => {
	// What the room said (its restores, retries and write-ahead figures) goes with a failure's report.
	if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('party output', { body: stack.partyOutput().join('\n') })
})

test.afterAll(async () => {
	await stack?.stop()
})

/** The canvas sits left of the 380 px session panel in the 1400 × 900 viewport. */
const ENTITY_AT = { x: 300, y: 420 }
const OFFLINE_FOR_MS = 60_000

interface StoredThreat {
	humanId: string
	title: string
	votes: { voterName: string; likelihood: number; impact: number }[]
}

/** The session's threats as libSQL holds them, through the facilitator's API. */
async function storedThreats(appUrl: string, facilitatorLink: string): Promise<StoredThreat[]> {
	const url = new URL(facilitatorLink)
	const id = url.pathname.split('/').at(-1)
	const response = await fetch(`${appUrl}/api/sessions/${id}`, { headers: { authorization: `Bearer ${url.hash.slice(1)}` } })
	expect(response.status).toBe(200)
	return ((await response.json()) as { threats: StoredThreat[] }).threats
}

/** A session with an external entity in focus of the walk, the facilitator and `others` in it. */
async function workshop(browser: Browser, name: string, others: string[]) {
	const contexts: BrowserContext[] = []
	const facilitatorContext = await browser.newContext()
	contexts.push(facilitatorContext)
	const facilitatorPage = await facilitatorContext.newPage()
	const links = await createSessionThroughHome(facilitatorPage, stack.appUrl, name)
	await facilitatorPage.goto(links.facilitator)
	await enterName(facilitatorPage, 'Fiona Facilitator')
	const joined = await Promise.all(others.map((person) => joinAs(browser, links.participant, person)))
	contexts.push(...joined.map(({ context }) => context))
	const fiona = new SessionPanel(facilitatorPage)
	await fiona.moveTo('diagram')
	await placeElement(facilitatorPage, 'entity', ENTITY_AT)
	await fiona.moveTo('analyse')
	await fiona.focusNext()
	const panels = [fiona, ...joined.map(({ page }) => new SessionPanel(page))]
	for (const panel of panels) await expect(panel.focus()).toContainText('EE1')
	return { links, contexts, panels, pages: [facilitatorPage, ...joined.map(({ page }) => page)] }
}

function status(page: Page) {
	return page.getByTestId('connection.status')
}

test('the room is killed right after acknowledging a threat: everyone reconnects and every threat and vote is still there', async ({ browser }) => {
	const { links, contexts, panels, pages } = await workshop(browser, 'Crash during the walk', ['Pat Participant', 'Quinn Participant'])
	const [fiona, pat, quinn] = panels as [SessionPanel, SessionPanel, SessionPanel]

	// Threats and votes from all three, each acknowledged by the room (numbered, vote no longer pending).
	const threats = [
		{ by: pat, title: 'Stolen session cookie is replayed', category: 'S', likelihood: 4, impact: 5 },
		{ by: quinn, title: 'Customer denies placing the order', category: 'R', likelihood: 2, impact: 3 },
		{ by: fiona, title: 'Attacker registers as the shop', category: 'S', likelihood: 3, impact: 4 },
	]
	const numbers: string[] = []
	for (const threat of threats.slice(0, 2)) numbers.push(await threat.by.addThreat(threat.category, threat))
	const votes = [
		{ by: pat, on: numbers[1] ?? '', likelihood: 3, impact: 3 },
		{ by: quinn, on: numbers[0] ?? '', likelihood: 5, impact: 4 },
		{ by: fiona, on: numbers[0] ?? '', likelihood: 2, impact: 2 },
	]
	for (const vote of votes) {
		await vote.by.vote(vote.on, vote.likelihood, vote.impact)
		await expect(vote.by.threat(vote.on).getByTestId('panel.vote.pending')).toHaveCount(0)
	}
	// The last write: the moment its number shows, the room's process dies.
	const last = threats[2] ?? threats[0]
	if (!last) throw new Error('no threat')
	numbers.push(await last.by.addThreat(last.category, last))
	const restarted = stack.crashAndRestartParty()

	// Everyone sees the connection drop, then come back by itself.
	for (const page of pages) await expect(status(page)).toHaveText('Reconnecting…')
	await restarted
	for (const page of pages) await expect(status(page)).toHaveText('Connected', { timeout: 60_000 })

	for (const panel of panels) {
		for (const [index, threat] of threats.entries()) await expect(panel.threat(numbers[index] ?? '')).toContainText(threat.title)
		await expect(panel.threats()).toHaveCount(threats.length)
		await expect(panel.page.getByTestId('panel.threat.pending')).toHaveCount(0)
	}
	const first = await fiona.openThreat(numbers[0] ?? '')
	await expect(first.getByTestId('panel.vote.spread')).toHaveAttribute('data-count', '2')
	const second = await fiona.openThreat(numbers[1] ?? '')
	await expect(second.getByTestId('panel.vote.spread')).toHaveAttribute('data-count', '1')

	// libSQL has all of it too: the restarted room saved what it restored.
	await expect
		.poll(
			async () => (await storedThreats(stack.appUrl, links.facilitator)).map((threat) => `${threat.humanId} ${threat.title} ${threat.votes.length}`).sort(),
			{
				timeout: 60_000,
			},
		)
		.toEqual([`${numbers[0]} ${threats[0]?.title} 2`, `${numbers[1]} ${threats[1]?.title} 1`, `${numbers[2]} ${threats[2]?.title} 0`].sort())
	for (const context of contexts) await context.close()
})

test('a participant offline for a minute keeps working: the panel shows what is pending, and it arrives once when they are back', async ({ browser }) => {
	const { links, contexts, panels } = await workshop(browser, 'Train ride', ['Pat Participant'])
	const [fiona, pat] = panels as [SessionPanel, SessionPanel]
	const [, patContext] = contexts as [BrowserContext, BrowserContext]
	const existing = await fiona.addThreat('S', { title: 'Stolen session cookie is replayed', likelihood: 4, impact: 5 })

	// The network goes; Pat carries on.
	await patContext.setOffline(true)
	const offlineAt = Date.now()
	await expect(status(pat.page)).toHaveText('Reconnecting…')
	const written = { title: 'Phishing page mimics the login', likelihood: 3, impact: 4 }
	const added = await pat.submitThreat('S', written)
	await expect(added.getByTestId('panel.threat.pending')).toBeVisible()
	await pat.vote(existing, 5, 2)
	await expect(pat.threat(existing).getByTestId('panel.vote.pending')).toBeVisible()
	const banner = pat.page.getByTestId('connection.pending')
	await expect(banner).toHaveText('Offline — 2 changes will be sent when you reconnect')

	// Meanwhile nobody else has them, and they stay pending for the whole minute.
	await pat.page.waitForTimeout(Math.max(0, OFFLINE_FOR_MS - (Date.now() - offlineAt)))
	await expect(fiona.threatTitled(written.title)).toHaveCount(0)
	await expect(banner).toBeVisible()
	await expect(added.getByTestId('panel.threat.pending')).toBeVisible()

	// Back online: both are sent, numbered, and no longer pending.
	await patContext.setOffline(false)
	await expect(status(pat.page)).toHaveText('Connected', { timeout: 60_000 })
	await expect(added).toHaveAttribute('data-human-id', /^T-\d{3}$/)
	const number = (await added.getAttribute('data-human-id')) ?? ''
	await expect(banner).toHaveCount(0)
	await expect(pat.page.getByTestId('panel.threat.pending')).toHaveCount(0)
	await expect(pat.page.getByTestId('panel.vote.pending')).toHaveCount(0)

	// Exactly once, for everyone and in libSQL.
	await expect(fiona.threatTitled(written.title)).toHaveCount(1)
	await expect(fiona.threat(number)).toContainText(written.title)
	const votedOn = await fiona.openThreat(existing)
	await expect(votedOn.getByTestId('panel.vote.spread')).toHaveAttribute('data-count', '1')
	await expect
		.poll(
			async () => {
				const stored = await storedThreats(stack.appUrl, links.facilitator)
				return {
					written: stored.filter((threat) => threat.title === written.title).map((threat) => threat.humanId),
					votes: stored.find((threat) => threat.humanId === existing)?.votes.map((vote) => `${vote.voterName} ${vote.likelihood}×${vote.impact}`),
				}
			},
			{ timeout: 60_000 },
		)
		.toEqual({ written: [number], votes: ['Pat Participant 5×2'] })
	for (const context of contexts) await context.close()
})
