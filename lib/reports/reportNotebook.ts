import { attackNodeCaption, attackTreeMermaid } from './attackTreeMermaid'
import type { ModelAttackTree, ModelParkedQuestion } from './notebookModel'
import type { Block, Cell, Inline, OutlineItem, Section } from './reportDocument'
import type { SessionModel } from './sessionModel'
import { dayOf } from './threatFacts'

// The notebook's report sections. Each is left out when it would be empty, so a session that
// kept no attack trees, parked questions or notes reads as it always has.

function treeOutline(tree: ModelAttackTree): OutlineItem {
	const items = new Map<string, OutlineItem>()
	let root: OutlineItem = { content: [tree.goal], children: [] }
	for (const node of tree.nodes) {
		const item: OutlineItem = { content: [attackNodeCaption(node)], children: [] }
		items.set(node.id, item)
		const parent = node.parentId === null ? undefined : items.get(node.parentId)
		if (parent) parent.children.push(item)
		else root = item
	}
	return root
}

export function attackTreesSection(model: SessionModel): Section | null {
	if (model.attackTrees.length === 0) return null
	return {
		id: 'attack-trees',
		title: 'Attack trees',
		blocks: model.attackTrees.flatMap((tree): Block[] => [
			{ kind: 'heading', text: tree.threat ? `${tree.threat.humanId} ${tree.threat.title}: ${tree.goal}` : `Model-level goal: ${tree.goal}` },
			{ kind: 'attackTree', outline: treeOutline(tree), mermaid: attackTreeMermaid(tree), alt: `Attack tree for ${tree.goal}` },
		]),
	}
}

const OUTCOME: Record<ModelParkedQuestion['status'], string> = {
	parked: 'Still parked',
	assumption: 'Became an assumption',
	outOfScope: 'Noted as out of scope',
	threat: 'Became a threat',
	dismissed: 'Dismissed',
}

function outcome(question: ModelParkedQuestion): Inline[] {
	const target = question.resolvedTo ? [' ', { strong: [question.resolvedTo.humanId, question.resolvedTo.title].filter(Boolean).join(' ') }] : []
	const reason = question.status === 'dismissed' && question.reason ? [`: ${question.reason}`] : []
	return [OUTCOME[question.status], ...target, ...reason]
}

export function parkingLotSection(model: SessionModel): Section | null {
	if (model.parkingLot.length === 0) return null
	const rows: Cell[][] = model.parkingLot.map((question) => [
		question.question,
		question.elementHumanId ?? '',
		`${question.askedByName}, ${dayOf(question.askedAt)}`,
		{ content: outcome(question) },
	])
	return {
		id: 'parking-lot',
		title: 'Parking lot: “What if…?”',
		blocks: [{ kind: 'table', head: ['Question', 'Element', 'Asked by', 'Outcome'], rows }],
	}
}

export function notesSection(model: SessionModel): Section | null {
	const included = model.notes.filter((note) => note.includeInReport)
	if (included.length === 0) return null
	return {
		id: 'notes',
		title: 'Notes',
		blocks: included.flatMap((note): Block[] => [
			{
				kind: 'heading',
				text: note.elementShapeId === null ? 'Session notes' : `${[note.elementHumanId, note.elementName].filter(Boolean).join(' ') || 'Removed element'}`,
			},
			{ kind: 'note', markdown: note.markdown },
		]),
	}
}
