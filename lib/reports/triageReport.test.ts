import { describe, expect, it } from 'vitest'
import { buildSessionModel } from './buildSessionModel'
import { toCsv } from './csv'
import { toHtml } from './htmlReport'
import { toJson } from './json'
import { toMarkdown } from './markdownReport'
import type { SessionModelInput } from './sessionModelInput'
import { parseCsv } from '@/tests/fixtures/csv'
import { WEB_SHOP_INPUT } from '@/fixtures/sessionModel'
import { trackerTasks } from './tracker'
import { filterForView } from './views'

// A model-level "Other" threat with its triage and scope links, and a threat left out of the
// report, through every export.

const VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
const MODEL_LEVEL_TITLE = 'Insider sells the whole customer list'
const LEFT_OUT_TITLE = 'Courier leaks parcel labels'

function triagedInput(): SessionModelInput {
	const [first] = WEB_SHOP_INPUT.threats
	if (!first) throw new Error('the fixture has threats')
	const open = { ...first, status: 'Open' as const, agreedLikelihood: null, agreedImpact: null }
	const scopeItems = WEB_SHOP_INPUT.scopeItems.map((item) => ({ ...item, id: `scope-item:${item.humanId.toLowerCase()}` }))
	return {
		...WEB_SHOP_INPUT,
		scopeItems,
		threats: [
			...WEB_SHOP_INPUT.threats,
			{
				...open,
				id: 'threat:insider',
				humanId: 'T-010',
				shapeId: null,
				categories: ['other'],
				title: MODEL_LEVEL_TITLE,
				severity: 'High',
				cvssVector: VECTOR,
				priority: 'P0',
				includeInReport: true,
				// A2 and TA1 are in the scope; scope-item:deleted was removed after it was linked.
				assetIds: ['scope-item:a2', 'scope-item:deleted'],
				agentIds: ['scope-item:ta1'],
			},
			{ ...open, id: 'threat:labels', humanId: 'T-011', title: LEFT_OUT_TITLE, includeInReport: false, likelihood: 5, impact: 5 },
		],
	}
}

describe('triage fields and scope links in the exports', () => {
	const model = buildSessionModel(triagedInput())

	it('keeps both threats in the JSON, the model-level one with no element and its links by human ID', () => {
		const json = JSON.parse(toJson(model)) as { threats: Record<string, unknown>[] }
		expect(json.threats.find((threat) => threat.humanId === 'T-010')).toMatchObject({
			elementShapeId: null,
			elementHumanId: null,
			categories: ['other'],
			severity: 'High',
			cvss: { vector: VECTOR, baseScore: 9.8, severity: 'Critical' },
			priority: 'P0',
			effectivePriority: 'P0',
			includeInReport: true,
			assetHumanIds: ['A2'],
			agentHumanIds: ['TA1'],
		})
		expect(json.threats.find((threat) => threat.humanId === 'T-011')).toMatchObject({ includeInReport: false, priority: null, effectivePriority: 'P0' })
	})

	it('shows the model-level threat in the Markdown inventory with its triage and links, and leaves the excluded one out', () => {
		const markdown = toMarkdown(model)
		const row = markdown.split('\n').find((line) => line.startsWith('| T-010 | Whole model |'))
		expect(row).toContain('| Other |')
		expect(row).toContain('| High | 9.8 (CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H) | P0 (set) | A2 Customer accounts | TA1 Opportunistic fraudster |')
		expect(markdown).not.toContain(LEFT_OUT_TITLE)
		expect(markdown).toContain('1 threat is left out of this report by the team’s choice')
	})

	it('does the same in the printable HTML', () => {
		const html = toHtml(model)
		expect(html).toContain(MODEL_LEVEL_TITLE)
		expect(html).toContain('A2 Customer accounts')
		expect(html).toContain('TA1 Opportunistic fraudster')
		expect(html).toContain('P0 (set)')
		expect(html).not.toContain(LEFT_OUT_TITLE)
	})

	it('keeps every threat in the CSV, with its flag', () => {
		const rows = parseCsv(toCsv(model))
		const [head] = rows
		const column = (name: string) => head?.indexOf(name) ?? -1
		const insider = rows.find((cells) => cells[0] === 'T-010')
		expect(insider?.[column('component')]).toBe('Whole model')
		expect(insider?.[column('categories')]).toBe('Other')
		expect(insider?.[column('cvss_base_score')]).toBe('9.8')
		expect(insider?.[column('priority')]).toBe('P0')
		expect(insider?.[column('assets')]).toBe('A2 Customer accounts')
		expect(rows.find((cells) => cells[0] === 'T-011')?.[column('include_in_report')]).toBe('no')
	})

	it('files tracker tasks by the hand-set priority', () => {
		const tasks = trackerTasks(model, ['P0'])
		expect(tasks.map((task) => task.threatId)).toContain('threat:insider')
	})

	it('keeps the flag and the links in an extract', () => {
		const unmitigated = filterForView(model, 'unmitigated')
		expect(unmitigated.threats.find((threat) => threat.humanId === 'T-010')).toMatchObject({ assetHumanIds: ['A2'], includeInReport: true })
	})
})
