import { csvField } from '../csv'
import type { TrackerTask } from './trackerTasks'

const CRLF = '\r\n'

function csv(head: readonly string[], rows: readonly string[][]): string {
	return `${[head, ...rows].map((row) => row.map(csvField).join(',')).join(CRLF)}${CRLF}`
}

function bodyOf(task: TrackerTask): string {
	const parts = [task.description, '', 'Acceptance criteria:', ...task.acceptanceCriteria.map((criterion) => `- [ ] ${criterion}`)]
	if (task.owner) parts.push('', `Owner: ${task.owner}`)
	if (task.dueDate) parts.push(`Due: ${task.dueDate}`)
	return parts.join('\n')
}

export const GITHUB_CSV_COLUMNS = ['title', 'body', 'labels', 'assignees', 'milestone', 'due_date'] as const

/**
 * GitHub has no CSV import of its own; this is the column set the common importers read (title,
 * body, comma-separated labels). The owner is a team or a person's name, not a login, so it goes in
 * the body and `assignees` stays empty for the importer's mapping.
 */
export function toGithubIssuesCsv(tasks: readonly TrackerTask[]): string {
	return csv(
		GITHUB_CSV_COLUMNS,
		tasks.map((task) => [task.title, bodyOf(task), task.labels.join(','), '', '', task.dueDate ?? '']),
	)
}

export const JIRA_CSV_COLUMNS = ['Summary', 'Description', 'Issue Type', 'Priority', 'Labels', 'Labels', 'Labels', 'Due Date', 'Owner'] as const

const JIRA_PRIORITY: Record<TrackerTask['priority'], string> = { P0: 'Highest', P1: 'High', P2: 'Medium', P3: 'Low' }

/**
 * For Jira's CSV importer (System → External system import → CSV): one label per Labels column
 * (Jira reads repeated columns as a list), Jira's default priority names, the due date as
 * yyyy-MM-dd (tell the importer that format), the owner as text to map to a field or leave.
 */
export function toJiraCsv(tasks: readonly TrackerTask[]): string {
	return csv(
		JIRA_CSV_COLUMNS,
		tasks.map((task) => {
			const labels = [...task.labels, '', '', ''].slice(0, 3)
			return [task.title, bodyOf(task), 'Task', JIRA_PRIORITY[task.priority], ...labels, task.dueDate ?? '', task.owner]
		}),
	)
}

/** A line of Markdown that cannot open a block, a list or a heading of its own. */
function inline(text: string): string {
	return text
		.replace(/\r?\n+/g, ' ')
		.replace(/([\\`*_[\]<>#|])/g, '\\$1')
		.trim()
}

/** Markdown task blocks, to paste into an issue, a wiki or a pull request. */
export function toTaskBlocks(tasks: readonly TrackerTask[], heading: string): string {
	const blocks = tasks.map((task) =>
		[
			`### ${inline(task.title)}`,
			'',
			...task.description.split('\n').map((line) => (line.trim() === '' ? '' : `> ${inline(line)}`)),
			'',
			'**Acceptance criteria**',
			'',
			...task.acceptanceCriteria.map((criterion) => `- [ ] ${inline(criterion)}`),
			'',
			`**Owner:** ${task.owner ? inline(task.owner) : '_unassigned_'}  `,
			`**Due:** ${task.dueDate ?? '_not set_'}${task.issueUrl ? `  \n**Issue:** <${task.issueUrl}>` : ''}`,
		].join('\n'),
	)
	const body = blocks.length === 0 ? '_No threats match this filter._' : blocks.join('\n\n')
	return `# ${inline(heading)}\n\n${body}\n`
}
