import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { getEnv } from '@/lib/env'
import * as schema from './schema'

// Kept free of React and `server-only` so vitest can import it; only server code reaches it.

export type Database = LibSQLDatabase<typeof schema>

const BUSY_TIMEOUT_MS = 5_000
/** Resolved from the working directory: `next dev`, `next start` and vitest all run from the repo root. */
const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle')

interface OpenDatabase {
	client: Client
	db: Promise<Database>
}

// On globalThis so hot reloads in `next dev` reuse the connection (and migrate once) instead of
// opening another one per edit.
const globalForDb = globalThis as typeof globalThis & { __threatroomDatabases?: Map<string, OpenDatabase> }
globalForDb.__threatroomDatabases ??= new Map()
const openDatabases = globalForDb.__threatroomDatabases

/** The database named by DATABASE_URL, created and migrated on first use. */
export function getDb(): Promise<Database> {
	const { DATABASE_URL, DATABASE_AUTH_TOKEN } = getEnv()
	let open = openDatabases.get(DATABASE_URL)
	if (!open) {
		open = openDatabase(DATABASE_URL, DATABASE_AUTH_TOKEN)
		openDatabases.set(DATABASE_URL, open)
		// A failed start (bad URL, failed migration) must not be cached: the next request retries.
		open.db.catch(() => {
			if (openDatabases.get(DATABASE_URL) === open) openDatabases.delete(DATABASE_URL)
			open?.client.close()
		})
	}
	return open.db
}

/** Closes every cached client, so a test can delete its temporary database afterwards. */
export function closeDatabasesForTests(): void {
	for (const open of openDatabases.values()) open.client.close()
	openDatabases.clear()
}

function openDatabase(url: string, authToken: string | undefined): OpenDatabase {
	const filePath = localFilePath(url)
	if (filePath !== undefined) mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ filePath)), { recursive: true })
	// `timeout` is SQLite's busy timeout, applied by the client to every connection in its pool.
	const client = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS })
	const db = drizzle(client, { schema })
	return { client, db: prepare(client, db, filePath !== undefined) }
}

async function prepare(client: Client, db: Database, isLocalFile: boolean): Promise<Database> {
	// WAL lets the report queries read while the room saves; the mode is stored in the file itself.
	if (isLocalFile) await client.execute('PRAGMA journal_mode = WAL')
	await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
	return db
}

/** The path of a local `file:` database, or undefined for `:memory:` and remote URLs. */
export function localFilePath(url: string): string | undefined {
	if (!url.startsWith('file:')) return undefined
	let rest = url.slice('file:'.length).split('?')[0] ?? ''
	if (rest.startsWith('//')) {
		// file://localhost/abs or file:///abs: drop the (empty or localhost) authority, keep the path.
		const slash = rest.indexOf('/', 2)
		rest = slash === -1 ? '' : rest.slice(slash)
	}
	if (rest === '' || rest === ':memory:') return undefined
	return decodeURIComponent(rest)
}
