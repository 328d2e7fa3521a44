import type { Locator, Page } from '@playwright/test'

export interface Box {
	label: string
	x: number
	y: number
	width: number
	height: number
}

/** Words of an element's text that the browser split over two lines ("Bookin" / "g request"). */
export async function wordsBrokenAcrossLines(element: Locator): Promise<string[]> {
	return element.evaluate((root) => {
		const broken: string[] = []
		const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent ?? ''
			for (const match of text.matchAll(/\S+/g)) {
				const range = root.ownerDocument.createRange()
				range.setStart(node, match.index)
				range.setEnd(node, match.index + match[0].length)
				const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
				if (lineTops.size > 1) broken.push(match[0])
			}
		}
		return broken
	})
}

/** The on-screen box of every visible element the locator matches, named by its text. */
export async function boxesOf(locator: Locator): Promise<Box[]> {
	const boxes: Box[] = []
	for (const element of await locator.all()) {
		const box = await element.boundingBox()
		const label = await element.evaluate((node) => node.textContent?.trim() || node.getAttribute('class') || '')
		if (box && box.width > 0 && box.height > 0) boxes.push({ label, ...box })
	}
	return boxes
}

/** Pairs of boxes that overlap by more than a pixel, as "A × B" for a readable failure. */
export function overlappingPairs(boxes: Box[]): string[] {
	const pairs: string[] = []
	for (const [i, a] of boxes.entries()) {
		for (const b of boxes.slice(i + 1)) {
			const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
			const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
			if (dx > 1 && dy > 1) pairs.push(`${a.label} × ${b.label}`)
		}
	}
	return pairs
}

/**
 * What people read on the canvas — ID tags, flow tags, boundary headings, the focus tag, threat
 * badges — and the focused flow's highlighted line, which must not run over any of them.
 */
export function canvasTags(page: Page): Locator {
	return page.locator(
		[
			'[data-testid="shape.humanId"]:not(.dfd-boundary__heading *)',
			'[data-testid="flow.humanId"]',
			'.dfd-boundary__heading',
			'.tr-focus-ring__tag',
			'[data-testid="canvas.badge"]',
			'.tr-focus-flow__line',
		].join(', '),
	)
}
