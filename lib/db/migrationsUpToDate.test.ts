import { readFileSync } from 'node:fs'
import { generateSQLiteDrizzleJson, generateSQLiteMigration, type DrizzleSQLiteSnapshotJSON } from 'drizzle-kit/api'
import { describe, expect, it } from 'vitest'
import * as schema from './schema'

// A schema change without its generated migration passes every test on a fresh database made
// from schema.ts, and breaks every database made by the migrations (a CHECK that refuses a new
// scope-item kind, say). So the committed migrations must end exactly where schema.ts is.

function latestSnapshot(): DrizzleSQLiteSnapshotJSON {
	const journal = JSON.parse(readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { idx: number }[] }
	const last = journal.entries.at(-1)
	if (!last) throw new Error('drizzle/meta/_journal.json has no migrations')
	const file = new URL(`../../drizzle/meta/${String(last.idx).padStart(4, '0')}_snapshot.json`, import.meta.url)
	return JSON.parse(readFileSync(file, 'utf8')) as DrizzleSQLiteSnapshotJSON
}

describe('the committed migrations', () => {
	it('end where lib/db/schema.ts is: `npx drizzle-kit generate` has nothing to add', async () => {
		const current = await generateSQLiteDrizzleJson(schema)
		expect(await generateSQLiteMigration(latestSnapshot(), current)).toEqual([])
	})
})
