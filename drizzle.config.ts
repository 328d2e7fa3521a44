import { defineConfig } from 'drizzle-kit'

// `turso` is drizzle-kit's libSQL dialect: the same SQL runs on the embedded file and on a server.
// `generate` needs no credentials; they matter only for `drizzle-kit studio` / `migrate`.
export default defineConfig({
	dialect: 'turso',
	schema: './lib/db/schema.ts',
	out: './drizzle',
	dbCredentials: {
		url: process.env.DATABASE_URL || 'file:./data/threatroom.db',
		authToken: process.env.DATABASE_AUTH_TOKEN || undefined,
	},
	strict: true,
	verbose: true,
})
