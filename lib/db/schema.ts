import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
// Relative imports: drizzle-kit loads this file without the tsconfig `@/` alias.
import { DFD_ELEMENT_KINDS } from '../dfd/dfdElementSchema'
import { FRAMEWORKS, ROLES, SESSION_STATUSES } from '../sessionEnums'

export { FRAMEWORKS, ROLES, SESSION_STATUSES }
export type { Framework, Role, SessionStatus } from '../sessionEnums'

// SQL has no enum type; a CHECK keeps rows written outside this code (a console, a script) honest.
function inList(column: string, values: readonly string[]) {
	return sql.raw(`${column} IN (${values.map((value) => `'${value}'`).join(', ')})`)
}

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		framework: text('framework', { enum: FRAMEWORKS }).notNull(),
		status: text('status', { enum: SESSION_STATUSES }).notNull().default('active'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
	},
	() => [
		check('sessions_framework_check', inList('framework', FRAMEWORKS)),
		check('sessions_status_check', inList('status', SESSION_STATUSES)),
	],
)
export type SessionRow = typeof sessions.$inferSelect
export type NewSessionRow = typeof sessions.$inferInsert

export const linkTokens = sqliteTable(
	'link_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		createdAt: integer('created_at').notNull(),
		revokedAt: integer('revoked_at'),
	},
	(table) => [
		index('link_tokens_session_id_idx').on(table.sessionId),
		check('link_tokens_role_check', inList('role', ROLES)),
	],
)
export type LinkTokenRow = typeof linkTokens.$inferSelect
export type NewLinkTokenRow = typeof linkTokens.$inferInsert

export const canvasDocuments = sqliteTable('canvas_documents', {
	sessionId: text('session_id')
		.primaryKey()
		.references(() => sessions.id, { onDelete: 'cascade' }),
	snapshot: text('snapshot').notNull(),
	clock: integer('clock').notNull(),
	humanIdCounters: text('human_id_counters').notNull(),
	savedAt: integer('saved_at').notNull(),
})
export type CanvasDocumentRow = typeof canvasDocuments.$inferSelect
export type NewCanvasDocumentRow = typeof canvasDocuments.$inferInsert

export const dfdElements = sqliteTable(
	'dfd_elements',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		shapeId: text('shape_id').notNull(),
		humanId: text('human_id').notNull(),
		kind: text('kind', { enum: DFD_ELEMENT_KINDS }).notNull(),
		name: text('name').notNull(),
		description: text('description').notNull(),
		outOfScope: integer('out_of_scope', { mode: 'boolean' }).notNull(),
		reasonOutOfScope: text('reason_out_of_scope').notNull(),
		properties: text('properties').notNull(),
		pageId: text('page_id').notNull(),
		sourceShapeId: text('source_shape_id'),
		targetShapeId: text('target_shape_id'),
		updatedAt: integer('updated_at').notNull(),
	},
	(table) => [
		primaryKey({ columns: [table.sessionId, table.shapeId] }),
		unique('dfd_elements_session_human_id_unique').on(table.sessionId, table.humanId),
		check('dfd_elements_kind_check', inList('kind', DFD_ELEMENT_KINDS)),
	],
)
export type DfdElementRow = typeof dfdElements.$inferSelect
export type NewDfdElementRow = typeof dfdElements.$inferInsert
