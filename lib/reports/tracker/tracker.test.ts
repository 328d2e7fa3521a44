import { describe, expect, it } from 'vitest'
import { parseCsv } from '@/tests/fixtures/csv'
import { webShopModel } from '@/fixtures/sessionModel'
import { addMonths, escapeIcsText, foldIcsLine, nextSessionDay, toNextSessionIcs } from './nextSessionIcs'
import { threatPriority } from './threatPriority'
import { GITHUB_CSV_COLUMNS, JIRA_CSV_COLUMNS, toGithubIssuesCsv, toJiraCsv, toTaskBlocks } from './trackerFormats'
import { trackerTasks } from './trackerTasks'

describe('tracker tasks', () => {
	it('take the priority from the band of the effective rating', () => {
		const byId = new Map(webShopModel().threats.map((threat) => [threat.humanId, threatPriority(threat)]))
		expect(byId.get('T-002')).toBe('P0')
		expect(byId.get('T-003')).toBe('P1')
		expect(byId.get('T-007')).toBe('P2')
	})

	it('list only threats still to fix, of the chosen priorities, riskiest first', () => {
		const model = webShopModel()
		expect(trackerTasks(model).map((task) => task.humanId)).toEqual(['T-002', 'T-003'])
		expect(trackerTasks(model, ['P0', 'P1', 'P2', 'P3']).map((task) => task.humanId)).toEqual(['T-002', 'T-003', 'T-007'])
		expect(trackerTasks(model, ['P3'])).toEqual([])
	})

	it('title as [SEC][P0] and carry acceptance criteria, owner and due date from the mitigations', () => {
		const [task] = trackerTasks(webShopModel())
		expect(task).toMatchObject({
			title: '[SEC][P0] T-002 Price tampering in the checkout request',
			acceptanceCriteria: ['M-003: A tampered total or coupon is rejected with 400 and logged'],
			owner: 'Dana (backend)',
			dueDate: '2025-04-15',
		})
		expect(task?.description).toContain('M-003: Server-side validation of the checkout request')
	})

	it('import into GitHub and Jira as CSV, one row per task, quoted and formula-safe', () => {
		const tasks = trackerTasks(webShopModel())
		const github = parseCsv(toGithubIssuesCsv(tasks))
		expect(github[0]).toEqual([...GITHUB_CSV_COLUMNS])
		expect(github[1]?.slice(0, 3)).toEqual([
			'[SEC][P0] T-002 Price tampering in the checkout request',
			expect.stringContaining('Acceptance criteria:'),
			'security,threat-model,P0',
		])
		const jira = parseCsv(toJiraCsv(tasks))
		expect(jira[0]).toEqual([...JIRA_CSV_COLUMNS])
		expect(jira[1]?.slice(2, 8)).toEqual(['Task', 'Highest', 'security', 'threat-model', 'P0', '2025-04-15'])
		expect(jira).toHaveLength(3)
	})

	it('render as Markdown task blocks whose text cannot inject markup', () => {
		const markdown = toTaskBlocks(trackerTasks(webShopModel()), 'Security tasks')
		expect(markdown).toContain('### \\[SEC\\]\\[P0\\] T-002 Price tampering in the checkout request')
		expect(markdown).toContain('- [ ] M-003: A tampered total or coupon is rejected with 400 and logged')
		expect(markdown).toContain('**Owner:** Dana (backend)')
		expect(markdown).not.toMatch(/(^|[^\\])<img/)
	})
})

describe('the next session as iCalendar', () => {
	it('escapes text and folds long lines at 75 octets without splitting a character', () => {
		expect(escapeIcsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne')
		const folded = foldIcsLine(`DESCRIPTION:${'é'.repeat(80)}`)
		const lines = folded.split('\r\n')
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
		expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true)
		expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(`DESCRIPTION:${'é'.repeat(80)}`)
	})

	it('counts one to four octets per character when folding, and never splits an emoji', () => {
		const text = `DESCRIPTION:${'a€😀ß'.repeat(40)}`
		const lines = foldIcsLine(text).split('\r\n')
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
		expect(lines.every((line) => !/[\ud800-\udbff]$/.test(line))).toBe(true)
		expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(text)
		expect(foldIcsLine('SHORT:line')).toBe('SHORT:line')
	})

	it('is on the date the facilitator set, else three months after the session', () => {
		const model = webShopModel()
		expect(nextSessionDay(model)).toBe('2025-04-01')
		expect(nextSessionDay({ session: { ...model.session, nextSessionDate: null } })).toBe('2025-06-01')
		expect(addMonths('2025-11-30', 3)).toBe('2026-02-28')
	})

	it('is an all-day event with a stable UID, a DTSTAMP, CRLF lines and the topics to cover', () => {
		const ics = toNextSessionIcs(webShopModel())
		expect(ics.endsWith('\r\n')).toBe(true)
		expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true)
		expect(ics).toContain('UID:next-session-sess_webshop01@threatroom\r\n')
		expect(ics).toContain('DTSTAMP:20250302T080000Z\r\n')
		expect(ics).toContain('DTSTART;VALUE=DATE:20250401\r\nDTEND;VALUE=DATE:20250402\r\n')
		const description = ics.replace(/\r\n /g, '')
		expect(description).toContain('Open threats:\\n- T-003 [P1]')
		expect(description).not.toContain('Deferred decisions coming due')
		const later = webShopModel()
		const inJuly = toNextSessionIcs({ ...later, session: { ...later.session, nextSessionDate: '2025-07-01' } }).replace(/\r\n /g, '')
		expect(inJuly).toContain('Deferred decisions coming due:\\n- T-006 Order DB exhausted by checkout bots (deferred until 2025-06-30)')
	})
})
