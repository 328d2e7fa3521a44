import { expect, type Locator, type Page } from '@playwright/test'

export type DecisionKind = 'mitigate' | 'accept' | 'defer' | 'transfer'
export type DecisionField = 'mitigation' | 'owner' | 'dueDate' | 'issueUrl' | 'rationale' | 'reviewDate' | 'deferUntil' | 'transferTo' | 'onBehalfOf'

import type { ExportFormat } from '../../../lib/api/exportSchemas'

export type { ExportFormat }

/** What the register shows for the decision in force. */
const DECISION_STATE: Record<DecisionKind, string> = {
	mitigate: 'Mitigation planned',
	accept: 'Accepted',
	defer: 'Deferred',
	transfer: 'Transferred',
}

/** The Decide tab as one person sees it: the heat map, the risk register and its decisions. */
export class DecideTab {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.getByTestId('panel.tab.decide').click()
	}

	rows(): Locator {
		return this.page.getByTestId('decide.threat')
	}

	row(humanId: string): Locator {
		return this.page.locator(`[data-testid="decide.threat"][data-human-id="${humanId}"]`)
	}

	/** The T-IDs in the register's order (highest risk first). */
	async order(): Promise<string[]> {
		return this.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-human-id') ?? ''))
	}

	current(humanId: string): Locator {
		return this.row(humanId).getByTestId('decide.current')
	}

	history(humanId: string): Locator {
		return this.row(humanId).getByTestId('decide.history.item')
	}

	async openRow(humanId: string): Promise<Locator> {
		const row = this.row(humanId)
		const toggle = row.getByTestId('decide.open')
		if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
		await expect(toggle).toHaveAttribute('aria-expanded', 'true')
		return row
	}

	/** Picks a kind, fills the fields given and records; does not wait for the room (see `decide`). */
	async fillAndSubmit(humanId: string, kind: DecisionKind, fields: Partial<Record<DecisionField, string>>): Promise<Locator> {
		const row = await this.openRow(humanId)
		await row.getByTestId(`decide.kind.${kind}`).click()
		for (const [field, value] of Object.entries(fields)) await row.getByTestId(`decide.field.${field}`).fill(value)
		await row.getByTestId('decide.submit').click()
		return row
	}

	/** Records a decision and waits until it is the one in force. */
	async decide(humanId: string, kind: DecisionKind, fields: Partial<Record<DecisionField, string>>): Promise<void> {
		await this.fillAndSubmit(humanId, kind, fields)
		await expect(this.current(humanId)).toHaveText(DECISION_STATE[kind])
	}

	heatMapCell(likelihood: number, impact: number): Locator {
		return this.page.getByTestId(`heatmap.cell.${likelihood}-${impact}`)
	}
}

/** Ending a session, its banner, and what the facilitator can do with an ended session. */
export class SessionEnd {
	constructor(readonly page: Page) {}

	banner(): Locator {
		return this.page.getByTestId('session.ended')
	}

	summary(): Locator {
		return this.page.getByTestId('session.summary')
	}

	/** Opens the summary; the caller looks at it, then `confirm`s. */
	async start(): Promise<Locator> {
		await this.page.getByTestId('session.end').click()
		await expect(this.summary()).toBeVisible()
		return this.summary()
	}

	async confirm(nextSessionDate: string): Promise<void> {
		await this.page.getByTestId('session.nextDate').fill(nextSessionDate)
		await this.page.getByTestId('session.end.confirm').click()
		await expect(this.banner()).toBeVisible()
	}
}

/** Reports and exports in the Decide tab (facilitator and product owner). */
export class Exports {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		const panel = this.page.getByTestId('export')
		if ((await panel.getAttribute('open')) === null) await this.page.getByTestId('export.toggle').click()
		await expect(this.page.getByTestId('export.view')).toBeVisible()
	}

	/** Downloads one export and returns its file name and text. */
	async download(format: ExportFormat, view = 'all'): Promise<{ filename: string; text: string }> {
		await this.open()
		await this.page.getByTestId('export.view').selectOption(view)
		const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`export.format.${format}`).click()])
		const stream = await download.createReadStream()
		const chunks: Buffer[] = []
		for await (const chunk of stream) chunks.push(Buffer.from(chunk))
		return {
			filename: download.suggestedFilename(),
			text: Buffer.concat(chunks)
				.toString('utf8')
				.replace(/^\uFEFF/, ''),
		}
	}
}
