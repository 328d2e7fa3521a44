import { describe, expect, it } from 'vitest'
import { attackTreeMermaid, mermaidLabel } from './attackTreeMermaid'
import { buildSessionModel } from './buildSessionModel'
import { toHtml } from './htmlReport'
import { toJson } from './json'
import { toMarkdown } from './markdownReport'
import { sessionModelSchema } from './sessionModel'
import type { AttackNodeInput, ParkedQuestionInput, SessionModelInput, WorkshopNoteInput } from './sessionModelInput'
import { HOSTILE_TITLE, WEB_SHOP_INPUT } from '@/fixtures/sessionModel'
import { filterForView } from './views'

const at = (iso: string) => Date.parse(iso)

function attackNode(id: string, ancestors: string[], fields: Partial<AttackNodeInput> = {}): AttackNodeInput {
	return {
		id: `attack-node:${id}`,
		ancestors: ancestors.map((ancestor) => `attack-node:${ancestor}`),
		threatId: null,
		label: id,
		gate: 'or',
		linkedThreatId: null,
		order: 1,
		createdBy: 'dana',
		createdByName: 'Dana',
		createdAt: at('2025-03-01T10:00:00Z'),
		...fields,
	}
}

const ATTACK_NODES: AttackNodeInput[] = [
	attackNode('goal', [], { threatId: 'threat:t4', label: 'Crack the password hashes', gate: 'and' }),
	attackNode('get', ['goal'], { label: 'Get the backup', order: 1 }),
	attackNode('crack', ['goal'], { label: `Crack them "fast" ${HOSTILE_TITLE}`, order: 2 }),
	attackNode('bucket', ['goal', 'get'], { label: 'Public bucket listing', linkedThreatId: 'threat:t1' }),
	attackNode('model', [], { label: 'Take over an admin account' }),
]

function parked(id: string, fields: Partial<ParkedQuestionInput>): ParkedQuestionInput {
	return {
		id: `parked-question:${id}`,
		question: id,
		shapeId: null,
		askedBy: 'pat',
		askedByName: 'Pat',
		askedAt: at('2025-03-01T09:40:00Z'),
		resolution: null,
		resolvedTo: null,
		reason: '',
		resolvedBy: '',
		resolvedByName: '',
		resolvedAt: 0,
		...fields,
	}
}

const PARKED: ParkedQuestionInput[] = [
	parked('q1', { question: 'What if the PSP is down?', shapeId: 'shape:p1' }),
	parked('q2', {
		question: 'What if backups are public?',
		resolution: 'threat',
		resolvedTo: 'threat:t4',
		resolvedBy: 'fay',
		resolvedByName: 'Fay',
		resolvedAt: at('2025-03-01T09:50:00Z'),
	}),
	parked('q3', {
		question: 'What if a nation state attacks?',
		resolution: 'dismissed',
		reason: 'TA2 is out of scope',
		resolvedByName: 'Fay',
		resolvedAt: at('2025-03-01T09:51:00Z'),
	}),
]

const NOTES: WorkshopNoteInput[] = [
	{
		shapeId: 'shape:p1',
		markdown: 'API **notes** <script>alert(1)</script>\n\n```mermaid\ngraph TD\n  A --> B\n```',
		includeInReport: true,
		updatedBy: 'pat',
		updatedByName: 'Pat',
		updatedAt: at('2025-03-01T10:10:00Z'),
	},
	{ shapeId: null, markdown: 'Kept for ourselves', includeInReport: false, updatedBy: 'fay', updatedByName: 'Fay', updatedAt: at('2025-03-01T10:11:00Z') },
]

const INPUT: SessionModelInput = { ...WEB_SHOP_INPUT, attackNodes: ATTACK_NODES, parkedQuestions: PARKED, notes: NOTES }

describe('the notebook in the session model and the reports', () => {
	it('builds attack trees, the parking lot and every note into the model', () => {
		const model = buildSessionModel(INPUT)
		expect(model.attackTrees.map((tree) => [tree.goal, tree.threat?.humanId ?? null, tree.nodes.length])).toEqual([
			['Crack the password hashes', 'T-004', 4],
			['Take over an admin account', null, 1],
		])
		expect(model.attackTrees[0]?.nodes.find((node) => node.label === 'Public bucket listing')?.linkedThreat).toMatchObject({ humanId: 'T-001' })
		expect(model.parkingLot.map((question) => [question.status, question.elementHumanId, question.resolvedTo?.humanId ?? null])).toEqual([
			['parked', 'P1', null],
			['threat', null, 'T-004'],
			['dismissed', null, null],
		])
		expect(model.notes.map((note) => [note.elementHumanId, note.includeInReport])).toEqual([
			[null, false],
			['P1', true],
		])
		expect(sessionModelSchema.parse(JSON.parse(toJson(model)))).toEqual(model)
	})

	it('reads a JSON export written before the notebook existed', () => {
		const { attackTrees: _trees, parkingLot: _lot, notes: _notes, ...older } = JSON.parse(toJson(buildSessionModel(WEB_SHOP_INPUT)))
		const parsed = sessionModelSchema.parse({ ...older, scope: { ...older.scope, outOfScope: undefined } })
		expect(parsed).toMatchObject({ attackTrees: [], parkingLot: [], notes: [], scope: { outOfScope: [] } })
	})

	it('writes each tree as a Mermaid graph with escaped labels in Markdown, and the included notes verbatim', () => {
		const markdown = toMarkdown(buildSessionModel(INPUT))
		expect(markdown).toContain('## Attack trees')
		expect(markdown).toContain('```mermaid\ngraph TD\n  n0["Crack the password hashes (AND)"]')
		expect(markdown).toContain('n2["Public bucket listing → T-001"]')
		expect(markdown).not.toContain(HOSTILE_TITLE)
		expect(markdown).toContain('## Parking lot')
		expect(markdown).toContain('What if backups are public?')
		expect(markdown).toContain('API **notes** &lt;script>alert(1)&lt;/script>\n\n```mermaid\ngraph TD\n  A --> B\n```')
		expect(markdown).not.toContain('Kept for ourselves')
	})

	it('renders trees as an outline and notes through the safe subset in HTML', () => {
		const html = toHtml(buildSessionModel(INPUT))
		expect(html).toContain(
			'<ul class="attack-tree" aria-label="Attack tree for Crack the password hashes"><li>Crack the password hashes (AND)<ul><li>Get the backup (OR)<ul><li>Public bucket listing → T-001</li>',
		)
		expect(html).not.toMatch(/<script|<img/)
		expect(html).toContain('<pre class="note-code" data-language="mermaid"><code>graph TD\n  A --&gt; B</code></pre>')
		expect(html).toContain('Dismissed: TA2 is out of scope')
	})

	it('escapes every character that could end or script a Mermaid label', () => {
		expect(mermaidLabel('a"b]<c>#;`\nd')).toBe('a#34;b#93;#60;c#62;#35;#59;#96; d')
		const graph = attackTreeMermaid(
			buildSessionModel(INPUT).attackTrees[0] ??
				(() => {
					throw new Error('no tree')
				})(),
		)
		expect(graph).not.toMatch(/<img|"fast"/)
	})

	it('keeps only what an extract may show', () => {
		const model = buildSessionModel(INPUT)
		const distributable = filterForView(model, 'distributable')
		expect(distributable.attackTrees).toEqual([])
		expect(distributable.parkingLot).toEqual([])
		const unmitigated = filterForView(model, 'unmitigated')
		expect(unmitigated.attackTrees.map((tree) => tree.goal)).toEqual(['Crack the password hashes', 'Take over an admin account'])
		// T-001 is resolved, so the unmitigated extract does not name it.
		expect(unmitigated.attackTrees[0]?.nodes.every((node) => node.linkedThreat === null)).toBe(true)
	})

	it('leaves the sections out when the session kept none of it', () => {
		const markdown = toMarkdown(buildSessionModel(WEB_SHOP_INPUT))
		expect(markdown).not.toMatch(/## (Attack trees|Parking lot|Notes)/)
	})
})
