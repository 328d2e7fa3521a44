import 'server-only'
import type { SessionRow } from '@/lib/db/schema'
import type { SessionSummary } from '@/lib/api/sessionSchemas'

/** What any holder of a valid link may see about a session (no timestamps, no tokens). */
export function toSessionSummary(row: SessionRow): SessionSummary {
	return {
		id: row.id,
		name: row.name,
		description: row.description,
		framework: row.framework,
		status: row.status,
		projectPrefix: row.projectPrefix,
		sessionNumber: row.sessionNumber,
	}
}
