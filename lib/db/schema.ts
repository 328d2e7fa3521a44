import { sql } from 'drizzle-orm'
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
// Relative imports: drizzle-kit loads this file without the tsconfig `@/` alias.
import { DFD_KINDS } from '../dfd/elementKinds'
import { THREAT_STATUSES } from '../risk/threatStatus'
import { DECISION_KINDS } from '../session/records/decisionRecord'
import { SESSION_EVENT_ACTIONS } from '../session/records/sessionEventRecord'
import { FRAMEWORKS, ROLES, SESSION_STATUSES } from '../sessionEnums'

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
		/** Follows the latest `session_events` row, written in the same save (see sessionRecordsRepo.ts). */
		status: text('status', { enum: SESSION_STATUSES }).notNull().default('active'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		/** When the latest 'end' was stamped while the session is ended; null while it is active. */
		endedAt: integer('ended_at'),
		/** The next session's date (YYYY-MM-DD) the facilitator set when ending; '' when none. */
		nextSessionDate: text('next_session_date').notNull().default(''),
		/**
		 * The session this one follows up, if any. No ON DELETE action: drizzle-kit cannot add one
		 * to an added SQLite column, and a session with a follow-up is not deleted silently anyway.
		 */
		previousSessionId: text('previous_session_id').references((): AnySQLiteColumn => sessions.id),
		/** The project's prefix of composed IDs (`PAY` → `PAY.S03.T-007`, lib/session/composedIds.ts); null for none. */
		projectPrefix: text('project_prefix'),
		/** Which session of its chain this is: 1 for a first session, the previous one's + 1 for a follow-up. */
		sessionNumber: integer('session_number').notNull().default(1),
	},
	() => [check('sessions_framework_check', inList('framework', FRAMEWORKS)), check('sessions_status_check', inList('status', SESSION_STATUSES))],
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
	(table) => [index('link_tokens_session_id_idx').on(table.sessionId), check('link_tokens_role_check', inList('role', ROLES))],
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
		kind: text('kind', { enum: DFD_KINDS }).notNull(),
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
		check('dfd_elements_kind_check', inList('kind', DFD_KINDS)),
	],
)
export type DfdElementRow = typeof dfdElements.$inferSelect
export type NewDfdElementRow = typeof dfdElements.$inferInsert

// The workshop records of the walk, projected from the room's object lane on every save (the room
// snapshot stays the source of truth). Each save replaces a session's rows, so these mirror it.

export const threats = sqliteTable(
	'threats',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		id: text('id').notNull(),
		humanId: text('human_id').notNull(),
		shapeId: text('shape_id').notNull(),
		/** The element's P1/DF3 at save time; null when the shape is not (or no longer) an element. */
		elementHumanId: text('element_human_id'),
		/** JSON array of the framework's category ids. */
		categories: text('categories').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		likelihood: integer('likelihood').notNull(),
		impact: integer('impact').notNull(),
		agreedLikelihood: integer('agreed_likelihood'),
		agreedImpact: integer('agreed_impact'),
		mitigation: text('mitigation').notNull(),
		owner: text('owner').notNull(),
		dueDate: text('due_date').notNull(),
		issueUrl: text('issue_url').notNull(),
		status: text('status', { enum: THREAT_STATUSES }).notNull(),
		sourceRuleId: text('source_rule_id'),
		createdBy: text('created_by').notNull(),
		createdByName: text('created_by_name').notNull(),
		createdAt: integer('created_at').notNull(),
		isDeleted: integer('is_deleted', { mode: 'boolean' }).notNull(),
	},
	(table) => [
		primaryKey({ columns: [table.sessionId, table.id] }),
		index('threats_session_shape_idx').on(table.sessionId, table.shapeId),
		check('threats_status_check', inList('status', THREAT_STATUSES)),
	],
)
export type ThreatRow = typeof threats.$inferSelect
export type NewThreatRow = typeof threats.$inferInsert

// Decisions and the session's ends and reopens are append-only: a save inserts the rows it has not
// stored yet and never updates or deletes one, so the history survives whatever a later save says.

export const decisions = sqliteTable(
	'decisions',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		id: text('id').notNull(),
		threatId: text('threat_id').notNull(),
		kind: text('kind', { enum: DECISION_KINDS }).notNull(),
		rationale: text('rationale').notNull(),
		mitigation: text('mitigation').notNull(),
		owner: text('owner').notNull(),
		dueDate: text('due_date').notNull(),
		issueUrl: text('issue_url').notNull(),
		reviewDate: text('review_date').notNull(),
		deferUntil: text('defer_until').notNull(),
		transferTo: text('transfer_to').notNull(),
		onBehalfOf: text('on_behalf_of').notNull(),
		decidedBy: text('decided_by').notNull(),
		decidedByName: text('decided_by_name').notNull(),
		decidedAt: integer('decided_at').notNull(),
	},
	(table) => [
		primaryKey({ columns: [table.sessionId, table.id] }),
		index('decisions_session_threat_idx').on(table.sessionId, table.threatId, table.decidedAt),
		check('decisions_kind_check', inList('kind', DECISION_KINDS)),
	],
)
export type DecisionRow = typeof decisions.$inferSelect
export type NewDecisionRow = typeof decisions.$inferInsert

export const sessionEvents = sqliteTable(
	'session_events',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		id: text('id').notNull(),
		action: text('action', { enum: SESSION_EVENT_ACTIONS }).notNull(),
		nextSessionDate: text('next_session_date').notNull(),
		at: integer('at').notNull(),
		by: text('by').notNull(),
		byName: text('by_name').notNull(),
	},
	(table) => [
		primaryKey({ columns: [table.sessionId, table.id] }),
		index('session_events_session_at_idx').on(table.sessionId, table.at),
		check('session_events_action_check', inList('action', SESSION_EVENT_ACTIONS)),
	],
)
export type SessionEventRow = typeof sessionEvents.$inferSelect
export type NewSessionEventRow = typeof sessionEvents.$inferInsert
