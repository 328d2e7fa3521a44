import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Locator, type Page } from '@playwright/test'

const HERE = path.dirname(fileURLToPath(import.meta.url))

/** OWASP Threat Dragon's sample models, vendored under tests/fixtures/threatDragon. */
export function threatDragonFixture(name: string): string {
	return path.resolve(HERE, '../../fixtures/threatDragon', name)
}

/** The home page: a new session, an imported Threat Dragon model, and "My sessions". */
export class HomePage {
	constructor(
		readonly page: Page,
		readonly appUrl: string,
	) {}

	async goto(): Promise<void> {
		await this.page.goto(`${this.appUrl}/`)
	}

	async importFile(filePath: string): Promise<void> {
		await this.page.getByTestId('home.import').setInputFiles(filePath)
	}

	importError(): Locator {
		return this.page.getByTestId('home.import.error')
	}

	link(role: 'facilitator' | 'participant' | 'productOwner' | 'observer'): Locator {
		return this.page.getByTestId(`home.link.${role}`)
	}

	mySessions(): Locator {
		return this.page.getByTestId('home.mySessions.item')
	}

	mySession(name: string): Locator {
		return this.mySessions().filter({ hasText: name })
	}

	async forget(name: string): Promise<void> {
		const item = this.mySession(name)
		await item.getByTestId('home.mySessions.forget').click()
		await item.getByTestId('home.mySessions.forget.confirm').click()
		await expect(this.mySession(name)).toHaveCount(0)
	}
}
