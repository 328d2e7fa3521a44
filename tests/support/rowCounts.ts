import { count, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { getDb } from '@/lib/db/client'
import * as schema from '@/lib/db/schema'

// Rows per table of the test database: a refused request must leave every count as it was.

const TABLES: Array<[string, SQLiteTable]> = Object.entries(schema).flatMap(([name, value]: [string, unknown]) =>
	is(value, SQLiteTable) ? [[name, value] as [string, SQLiteTable]] : [],
)

export async function rowCounts(): Promise<Record<string, number>> {
	const db = await getDb()
	const counts: Record<string, number> = {}
	for (const [name, table] of TABLES) {
		const [row] = await db.select({ rows: count() }).from(table)
		counts[name] = row?.rows ?? 0
	}
	return counts
}

/** A fingerprint of the link tokens (hash, revoked or not): a refused rotation must not change it. */
export async function linkTokenStates(): Promise<string[]> {
	const db = await getDb()
	const rows = await db.select({ hash: schema.linkTokens.tokenHash, revokedAt: schema.linkTokens.revokedAt }).from(schema.linkTokens)
	return rows.map((row) => `${row.hash}:${row.revokedAt === null ? 'live' : 'revoked'}`).sort()
}
