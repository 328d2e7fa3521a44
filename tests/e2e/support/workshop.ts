import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test'

export interface SessionLinks {
	facilitator: string
	participant: string
	productOwner: string
	observer: string
}

/** Every request a page makes, so a test can assert it never talks to another origin. */
export function recordRequests(page: Page): string[] {
	const urls: string[] = []
	page.on('request', (request) => urls.push(request.url()))
	return urls
}

export async function createSessionThroughHome(page: Page, appUrl: string, name: string, options: { projectPrefix?: string } = {}): Promise<SessionLinks> {
	await page.goto(`${appUrl}/`)
	await page.getByTestId('home.name').fill(name)
	await page.getByTestId('home.description').fill('Checkout flow of the web shop')
	if (options.projectPrefix) await page.getByTestId('home.projectPrefix').fill(options.projectPrefix)
	await page.getByTestId('home.create').click()
	const link = (role: keyof SessionLinks) => page.getByTestId(`home.link.${role}`).inputValue()
	await expect(page.getByTestId('home.link.facilitator')).toBeVisible()
	return {
		facilitator: await link('facilitator'),
		participant: await link('participant'),
		productOwner: await link('productOwner'),
		observer: await link('observer'),
	}
}

/** Opens a link in a fresh browser context, as a different person on another machine would. */
export async function joinAs(browser: Browser, link: string, displayName: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext()
	const page = await context.newPage()
	await page.goto(link)
	await enterName(page, displayName)
	return { context, page }
}

export async function enterName(page: Page, displayName: string): Promise<void> {
	await page.getByTestId('join.name').fill(displayName)
	await page.getByTestId('join.submit').click()
	await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 90_000 })
	await expect(page.getByTestId('connection.status')).toHaveText(/Connected/, { timeout: 90_000 })
}

/** Someone who joined the session from this browser is back in without the join screen (after a reload, or on a new link). */
export async function expectBackInRoom(page: Page): Promise<void> {
	await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 90_000 })
	await expect(page.getByTestId('connection.status')).toHaveText(/Connected/, { timeout: 90_000 })
	await expect(page.getByTestId('join.name')).toHaveCount(0)
}

/** Clicks a DFD tool and drops a default-sized element at a point of the viewport. */
export async function placeElement(page: Page, tool: string, at: { x: number; y: number }): Promise<void> {
	await page.getByTestId(`toolbar.${tool}`).click()
	await page.mouse.click(at.x, at.y)
	await page.keyboard.press('Escape')
}

export async function drawFlow(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
	await page.getByTestId('toolbar.flow').click()
	await page.mouse.move(from.x, from.y)
	await page.mouse.down()
	await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
	await page.mouse.move(to.x, to.y, { steps: 5 })
	await page.mouse.up()
	await page.keyboard.press('Escape')
}

/** The canvas and its overlays (the flows' ID tags live in front of the canvas), for convergence checks. */
export function canvasText(page: Page) {
	return page.locator('.tl-container')
}

/** What libSQL holds for the session, through the facilitator's API. */
export async function storedSession(appUrl: string, facilitatorLink: string): Promise<{ elements: { humanId: string }[] }> {
	const url = new URL(facilitatorLink)
	const id = url.pathname.split('/').at(-1)
	const response = await fetch(`${appUrl}/api/sessions/${id}`, { headers: { authorization: `Bearer ${url.hash.slice(1)}` } })
	expect(response.status).toBe(200)
	return (await response.json()) as { elements: { humanId: string }[] }
}
