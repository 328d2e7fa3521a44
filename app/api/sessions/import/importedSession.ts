import { type CreateSessionBody, SESSION_DESCRIPTION_MAX_LENGTH, SESSION_NAME_MAX_LENGTH } from '@/lib/api/sessionSchemas'
import type { ImportedModel, ImportIssue } from '@/lib/threatDragon'

/** A TD model without a title still makes a session someone can find in their list. */
const UNTITLED_IMPORT = 'Imported threat model'

function truncatedTo(text: string, max: number, path: string, warnings: ImportIssue[]): string {
	if (text.length <= max) return text
	warnings.push({ path, message: `shortened from ${text.length} to ${max} characters` })
	return `${text.slice(0, max - 1)}…`
}

/** A session name is one line: a title written over several lines is joined with spaces. */
function oneLine(text: string, path: string, warnings: ImportIssue[]): string {
	if (!/[\t\n\r]/.test(text)) return text
	warnings.push({ path, message: 'line breaks and tabs replaced by spaces' })
	return text.replace(/\s*[\t\n\r]+\s*/g, ' ')
}

/** The new session's row from TD's summary (and its first diagram's framework), within our limits. */
export function importedSessionFields(model: ImportedModel, warnings: ImportIssue[]): CreateSessionBody {
	return {
		name: truncatedTo(oneLine(model.name.trim(), 'summary.title', warnings) || UNTITLED_IMPORT, SESSION_NAME_MAX_LENGTH, 'summary.title', warnings),
		description: truncatedTo(model.description.trim(), SESSION_DESCRIPTION_MAX_LENGTH, 'summary.description', warnings),
		framework: model.framework,
	}
}
