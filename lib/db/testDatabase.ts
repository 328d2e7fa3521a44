import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { resetEnvForTests } from '@/lib/env'
import { closeDatabasesForTests } from './client'

// Test-only. Each test file that calls this gets its own database file, so files never share rows.

export const TEST_INTERNAL_SECRET = 'test-internal-secret-0123456789'

/** Points DATABASE_URL at a fresh libSQL file for the current test file and removes it afterwards. */
export function useTemporaryDatabase(): { readonly url: () => string } {
	let directory: string | undefined
	let url = ''
	beforeAll(() => {
		directory = mkdtempSync(path.join(tmpdir(), 'threatroom-db-'))
		url = `file:${path.join(directory, 'threatroom.db')}`
		process.env.DATABASE_URL = url
		process.env.INTERNAL_SECRET = TEST_INTERNAL_SECRET
		resetEnvForTests()
	})
	afterAll(() => {
		closeDatabasesForTests()
		if (directory) rmSync(directory, { recursive: true, force: true })
		resetEnvForTests()
	})
	return { url: () => url }
}
