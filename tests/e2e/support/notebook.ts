import { expect, type Locator, type Page } from '@playwright/test'

/** The Notebook tab: the "What if…?" parking lot, attack trees and notes. */
export class NotebookTab {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.getByTestId('panel.tab.notebook').click()
		await expect(this.page.getByTestId('panel.parking')).toBeVisible()
	}

	questions(): Locator {
		return this.page.getByTestId('panel.parking.item')
	}

	question(text: string): Locator {
		return this.questions().filter({ hasText: text })
	}

	async park(text: string): Promise<void> {
		await this.page.getByTestId('panel.parking.input').fill(text)
		await this.page.getByTestId('panel.parking.park').click()
		await expect(this.question(text)).toHaveCount(1)
	}

	trees(): Locator {
		return this.page.getByTestId('panel.attack.tree')
	}

	nodes(): Locator {
		return this.page.getByTestId('panel.attack.node')
	}

	node(label: string): Locator {
		return this.nodes().filter({ has: this.page.getByTestId('panel.attack.node.label').getByText(label, { exact: true }) })
	}

	async newTree(goal: string, threatOption: string | null): Promise<void> {
		await this.page.getByTestId('panel.attack.newTree').click()
		if (threatOption) await this.page.getByTestId('panel.attack.newTree.threat').selectOption({ label: threatOption })
		await this.page.getByTestId('panel.attack.newTree.goal').fill(goal)
		await this.page.getByTestId('panel.attack.newTree.goal.ok').click()
		await expect(this.node(goal)).toHaveCount(1)
	}

	async addStep(under: string, label: string): Promise<void> {
		await this.node(under).getByTestId('panel.attack.addChild').click()
		await this.page.getByTestId('panel.attack.childLabel').fill(label)
		await this.page.getByTestId('panel.attack.childLabel.ok').click()
		await expect(this.node(label)).toHaveCount(1)
	}

	note(scope: 'session' | 'element'): Locator {
		return this.page.getByTestId(`panel.note.${scope}`)
	}
}
