import { type BrowserContext, expect, test } from '@playwright/test'
import { DecideTab, Exports } from './support/decide'
import { SessionPanel } from './support/panel'
import { startThreatroomStack, type ThreatroomStack } from './support/threatroomStack'
import { createSessionThroughHome, drawFlow, enterName, joinAs, placeElement } from './support/workshop'

// The report a facilitator takes home: who was there (observers too), what risk is left after the
// decisions, and a diagram whose arrows still show which way the data goes.

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
const DISPUTE = { title: 'Customer disputes a refund', likelihood: 4, impact: 4 }

/** The HTML report's residual-risk table row of one band: [band, priority, open, planned, deferred, accepted, transferred]. */
function residualRow(html: string, band: string): string[] {
	const table = html.slice(html.indexOf('Priority (open)'))
	const row = new RegExp(`<tr><td[^>]*>${band}</td>(.*?)</tr>`).exec(table)?.[1] ?? ''
	return [band, ...[...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1] ?? '')]
}

test('the report lists the observer, counts accepted and transferred risks as such, and keeps the arrows visible', async ({ browser }) => {
	const contexts: BrowserContext[] = []
	const fionaContext = await browser.newContext()
	contexts.push(fionaContext)
	const fionaPage = await fionaContext.newPage()
	const links = await createSessionThroughHome(fionaPage, stack.appUrl, 'Checkout report')
	await fionaPage.goto(links.facilitator)
	await enterName(fionaPage, 'Fiona Facilitator')
	// The observer only watches: nothing in the session but the room's guest book says she came.
	const olga = await joinAs(browser, links.observer, 'Olga Observer')
	contexts.push(olga.context)
	const fiona = new SessionPanel(fionaPage)

	await fiona.moveTo('diagram')
	await placeElement(fionaPage, 'entity', ENTITY_AT)
	await placeElement(fionaPage, 'process', PROCESS_AT)
	await drawFlow(fionaPage, ENTITY_AT, PROCESS_AT)

	await fiona.moveTo('analyse')
	await fiona.focusNext()
	await expect(fiona.focus()).toContainText('EE1')
	const replay = await fiona.addThreat('S', REPLAY)
	const dispute = await fiona.addThreat('R', DISPUTE)

	// Both are critical, and both are decided: neither is open work any more.
	await fiona.moveTo('decide')
	const decide = new DecideTab(fionaPage)
	const onBehalfOf = 'Paula Product'
	await decide.decide(replay, 'accept', { rationale: 'Sessions expire after 15 minutes', reviewDate: '2030-03-01', onBehalfOf })
	await decide.decide(dispute, 'transfer', { rationale: 'Chargebacks are the PSP’s', transferTo: 'PSP contract §7', onBehalfOf })

	// Built from what the room saved, a moment behind.
	const exports = new Exports(fionaPage)
	let html = ''
	await expect.poll(async () => (html = (await exports.download('html')).text), { timeout: 20_000 }).toContain('Transferred to PSP contract §7')

	expect(html).toMatch(/Olga Observer \(observer\)/)
	expect(html).toMatch(/Paula Product \(product owner\)/)
	expect(residualRow(html, 'Critical')).toEqual(['Critical', 'P0 Act now', '0', '0', '0', '1', '1'])
	expect(html).toContain('Accepted, review on 2030-03-01')
	expect(html).not.toContain('Open — P0')

	// The embedded diagram: the flow stops on the process's outline, drawn after it, so its arrowhead shows.
	const svg = html.slice(html.indexOf('<svg xmlns="http://www.w3.org/2000/svg"'), html.indexOf('</svg>'))
	const ellipse = /<ellipse cx="([\d.-]+)" cy="([\d.-]+)" rx="([\d.-]+)" ry="([\d.-]+)"/.exec(svg)?.slice(1).map(Number)
	const flow = /<path d="M[\d.,-]+ (?:L[\d.,-]+ )*L([\d.-]+),([\d.-]+)" fill="none"[^>]*marker-end/.exec(svg)?.slice(1).map(Number)
	if (!ellipse || !flow) throw new Error('no process or flow in the diagram')
	const [cx = 0, cy = 0, rx = 1, ry = 1] = ellipse
	const [x = 0, y = 0] = flow
	expect(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2).toBeCloseTo(1, 1)
	expect(svg.indexOf('<ellipse')).toBeLessThan(svg.indexOf('marker-end'))

	for (const context of contexts) await context.close()
})
