import { expect, type Locator, type Page } from '@playwright/test'

export type PhaseId = 'scope' | 'diagram' | 'analyse' | 'decide'

const PHASE_LABEL: Record<PhaseId, string> = { scope: 'Scope', diagram: 'Diagram', analyse: 'Analyse', decide: 'Decide' }

/** "12:34" or "+02:13 over" → seconds left (negative when over). */
function timerSeconds(text: string): number {
	const match = /^(\+)?(\d+):(\d{2})/.exec(text.trim())
	if (!match) throw new Error(`Not a timer: ${JSON.stringify(text)}`)
	const seconds = Number(match[2]) * 60 + Number(match[3])
	return match[1] ? -seconds : seconds
}

/** The session panel as one person sees it: agenda and timer, scope, the analysis walk, threats. */
export class SessionPanel {
	constructor(readonly page: Page) {}

	byTestId(testId: string): Locator {
		return this.page.getByTestId(testId)
	}

	// Agenda

	async moveTo(phase: PhaseId): Promise<void> {
		await this.byTestId(`panel.phase.${phase}`).click()
		await expect(this.currentPhase()).toHaveText(PHASE_LABEL[phase])
	}

	currentPhase(): Locator {
		return this.byTestId('panel.phase.current')
	}

	timer(): Locator {
		return this.byTestId('panel.timer')
	}

	async secondsLeft(): Promise<number> {
		// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the text as the user sees it
		return timerSeconds(await this.timer().innerText())
	}

	// The walk

	focus(): Locator {
		return this.byTestId('panel.focus.current')
	}

	async focusNext(): Promise<void> {
		await this.byTestId('panel.focus.next').click()
	}

	follow(): Locator {
		return this.byTestId('panel.follow')
	}

	category(id: string): Locator {
		return this.byTestId(`panel.category.${id}`)
	}

	/** The first category on the focused element that nobody has talked through yet. */
	async firstOpenCategoryId(): Promise<string> {
		const open = this.page.locator('[data-testid^="panel.category."][data-state="open"]').first()
		const testId = await open.getAttribute('data-testid')
		if (!testId) throw new Error('No open category')
		return testId.replace('panel.category.', '')
	}

	async markNotApplicable(categoryId: string, reason: string): Promise<void> {
		await this.byTestId(`panel.na.${categoryId}`).click()
		await this.byTestId('panel.na.reason').fill(reason)
		await this.byTestId('panel.na.confirm').click()
		await expect(this.category(categoryId)).toHaveAttribute('data-state', 'na')
	}

	async coverage(): Promise<{ covered: number; applicable: number; text: string }> {
		const coverage = this.byTestId('panel.coverage')
		return {
			covered: Number(await coverage.getAttribute('data-covered')),
			applicable: Number(await coverage.getAttribute('data-applicable')),
			// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the text as the user sees it
			text: await coverage.innerText(),
		}
	}

	// Threats

	suggestions(): Locator {
		return this.byTestId('panel.suggestion')
	}

	/** Adopts the first suggestion; returns its title. */
	async adoptFirstSuggestion(): Promise<string> {
		const suggestion = this.suggestions().first()
		// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the text as the user sees it
		const title = (await suggestion.locator('.tr-suggestion__title').innerText()).trim()
		await suggestion.getByTestId('panel.suggestion.adopt').click()
		return title
	}

	threats(): Locator {
		return this.byTestId('panel.threat')
	}

	/** Writes a new threat on the focused element under one of its categories; returns once it has its T-ID. */
	async addThreat(categoryId: string, fields: { title: string; likelihood: number; impact: number }): Promise<string> {
		const added = await this.submitThreat(categoryId, fields)
		await expect(added).toHaveAttribute('data-human-id', /^T-\d{3,}$/)
		return (await added.getAttribute('data-human-id')) ?? ''
	}

	/** Writes a new threat and returns its row at once, numbered or not (offline it stays pending). */
	async submitThreat(categoryId: string, fields: { title: string; likelihood: number; impact: number }): Promise<Locator> {
		await this.byTestId(`panel.category.${categoryId}.add`).click()
		await this.byTestId('panel.threat.form.title').fill(fields.title)
		await this.byTestId('panel.threat.form.likelihood').selectOption(String(fields.likelihood))
		await this.byTestId('panel.threat.form.impact').selectOption(String(fields.impact))
		await this.byTestId('panel.threat.form.submit').click()
		const added = this.threats().filter({ hasText: fields.title })
		await expect(added).toHaveCount(1)
		return added
	}

	/** The threat with this title, numbered or not. */
	threatTitled(title: string): Locator {
		return this.threats().filter({ hasText: title })
	}

	threat(humanId: string): Locator {
		return this.threats().filter({ hasText: humanId })
	}

	async openThreat(humanId: string): Promise<Locator> {
		const threat = this.threat(humanId)
		const toggle = threat.getByTestId('panel.threat.toggle')
		if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
		await expect(toggle).toHaveAttribute('aria-expanded', 'true')
		return threat
	}

	async vote(humanId: string, likelihood: number, impact: number): Promise<void> {
		const threat = await this.openThreat(humanId)
		await this.pickVote(threat, likelihood, impact)
	}

	/** Votes on an open threat row: both picks, then the vote stands (acknowledged or pending). */
	async pickVote(threat: Locator, likelihood: number, impact: number): Promise<void> {
		await threat.getByTestId(`panel.vote.likelihood.${likelihood}`).click()
		await threat.getByTestId(`panel.vote.impact.${impact}`).click()
		await expect(threat.getByTestId(`panel.vote.impact.${impact}`)).toHaveAttribute('aria-pressed', 'true')
	}

	async agree(humanId: string, likelihood: number, impact: number): Promise<void> {
		const threat = await this.openThreat(humanId)
		await threat.getByTestId('panel.agreed.likelihood').selectOption(String(likelihood))
		await threat.getByTestId('panel.agreed.impact').selectOption(String(impact))
		await threat.getByTestId('panel.agreed.apply').click()
	}

	/** The risk chip in the threat's summary line. */
	risk(humanId: string): Locator {
		return this.threat(humanId).locator('.tr-threat__summary').getByTestId('panel.risk')
	}

	// Canvas overlays driven by the session

	badge(shapeId: string): Locator {
		return this.page.locator(`[data-testid="canvas.badge"][data-shape-id="${shapeId}"]`)
	}

	focusRing(): Locator {
		return this.byTestId('canvas.focus')
	}
}

/** The DFD properties of the selected element (the panel's Properties tab). */
export class PropertiesTab {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.getByTestId('panel.tab.properties').click()
	}

	async fill(key: string, value: string): Promise<void> {
		const field = this.page.getByTestId(`properties.${key}`)
		await field.fill(value)
		await expect(field).toHaveValue(value)
	}

	async check(key: string): Promise<void> {
		await this.page.getByTestId(`properties.${key}`).check()
	}
}

export type ScopeKind = 'useCase' | 'asset' | 'threatAgent' | 'assumption' | 'compliance'

/** The Scope tab: use cases, assets with C/I/A needs, threat agents, assumptions, compliance. */
export class ScopeTab {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.getByTestId('panel.tab.scope').click()
	}

	items(): Locator {
		return this.page.getByTestId('panel.scope.item')
	}

	async add(kind: ScopeKind, fields: { title: string; description?: string; cia?: [string, string, string]; inScope?: boolean }): Promise<void> {
		await this.page.getByTestId(`panel.scope.add.${kind}`).click()
		await this.page.getByTestId('panel.scope.form.title').fill(fields.title)
		if (fields.description) await this.page.getByTestId('panel.scope.form.description').fill(fields.description)
		if (fields.cia) {
			const [confidentiality, integrity, availability] = fields.cia
			await this.page.getByTestId('panel.scope.form.confidentiality').selectOption(confidentiality)
			await this.page.getByTestId('panel.scope.form.integrity').selectOption(integrity)
			await this.page.getByTestId('panel.scope.form.availability').selectOption(availability)
		}
		if (fields.inScope === false) await this.page.getByTestId('panel.scope.form.inScope').uncheck()
		await this.page.getByTestId('panel.scope.form.submit').click()
	}
}
