import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasTestHelperName, importersByModule, libFiles, testOnlyProductionModules } from './testOnlyModules'

const root = path.resolve(import.meta.dirname, '../..')

describe('test helpers stay out of lib/, components/ and app/', () => {
	it('no production module is imported only by tests: test helpers live in tests/fixtures (or fixtures/ when bench needs them)', () => {
		expect(importersByModule(root).get('lib/roles.ts')?.length).toBeGreaterThan(1)
		expect(testOnlyProductionModules(root)).toEqual([])
	})

	it('no lib/ file is named like a test helper (test…, …TestKit.ts, …Fixtures.ts, __fixtures__/)', () => {
		expect(libFiles(root).filter(hasTestHelperName)).toEqual([])
	})

	it('tells a test helper from production code', () => {
		expect(hasTestHelperName('lib/session/authorizerTestKit.ts')).toBe(true)
		expect(hasTestHelperName('lib/reports/testModel.ts')).toBe(true)
		expect(hasTestHelperName('lib/session/workshopRecordFixtures.ts')).toBe(true)
		expect(hasTestHelperName('lib/canvas/__fixtures__/room.json')).toBe(true)
		expect(hasTestHelperName('lib/session/voteSummary.test.ts')).toBe(false)
		expect(hasTestHelperName('lib/session/voteSummary.ts')).toBe(false)
	})
})
