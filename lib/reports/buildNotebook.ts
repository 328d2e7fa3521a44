import { attackTreesOf } from '@/lib/session/attackTrees'
import { isoInstant } from './buildThreats'
import type { ModelAttackTree, ModelParkedQuestion, ModelWorkshopNote } from './notebookModel'
import type { SessionModelInput } from './sessionModelInput'

export interface Notebook {
	attackTrees: ModelAttackTree[]
	parkingLot: ModelParkedQuestion[]
	notes: ModelWorkshopNote[]
}

/**
 * The notebook part of the session model. Threats are named only while they are live: a tree on
 * a deleted threat is left out with it, and a leaf linked to one loses the link.
 */
export function buildNotebook(input: SessionModelInput): Notebook {
	const threats = new Map(
		input.threats.filter((threat) => !threat.isDeleted).map((threat) => [threat.id, { id: threat.id, humanId: threat.humanId, title: threat.title }]),
	)
	const threatRef = (id: string | null) => (id === null ? null : (threats.get(id) ?? null))
	const elements = new Map(input.elements.map((element) => [element.shapeId, element]))
	const scopeItems = new Map(input.scopeItems.flatMap((item) => (item.id ? [[item.id, item] as const] : [])))

	const attackTrees = attackTreesOf(input.attackNodes ?? [])
		.filter(({ root }) => root.threatId === null || threats.has(root.threatId))
		.map(({ root, nodes }) => ({
			id: root.id,
			goal: root.label,
			threat: threatRef(root.threatId),
			createdByName: root.createdByName,
			createdAt: isoInstant(root.createdAt),
			nodes: nodes.map(({ node, depth, parentId, isLeaf }) => ({
				id: node.id,
				parentId,
				depth,
				label: node.label,
				gate: node.gate,
				isLeaf,
				linkedThreat: isLeaf ? threatRef(node.linkedThreatId) : null,
			})),
		}))

	const parkingLot = [...(input.parkedQuestions ?? [])]
		.sort((a, b) => a.askedAt - b.askedAt || (a.id < b.id ? -1 : 1))
		.map((question): ModelParkedQuestion => {
			const { resolution, resolvedTo } = question
			const scopeItem = resolvedTo === null ? undefined : scopeItems.get(resolvedTo)
			const threat = threatRef(resolution === 'threat' ? resolvedTo : null)
			return {
				id: question.id,
				question: question.question,
				elementShapeId: question.shapeId,
				elementHumanId: question.shapeId === null ? null : (elements.get(question.shapeId)?.humanId ?? null),
				askedByName: question.askedByName,
				askedAt: isoInstant(question.askedAt),
				status: resolution ?? 'parked',
				resolvedTo: threat
					? { kind: 'threat', ...threat }
					: scopeItem && resolvedTo
						? { kind: 'scopeItem', id: resolvedTo, humanId: scopeItem.humanId, title: scopeItem.title }
						: null,
				reason: question.reason,
				resolvedByName: question.resolvedByName,
				resolvedAt: question.resolvedAt > 0 ? isoInstant(question.resolvedAt) : null,
			}
		})

	const notes = [...(input.notes ?? [])]
		.filter((note) => note.markdown.trim() !== '')
		.map((note): ModelWorkshopNote => {
			const element = note.shapeId === null ? undefined : elements.get(note.shapeId)
			return {
				elementShapeId: note.shapeId,
				elementHumanId: element?.humanId ?? null,
				elementName: element?.name ?? null,
				markdown: note.markdown,
				includeInReport: note.includeInReport,
				updatedByName: note.updatedByName,
				updatedAt: isoInstant(note.updatedAt),
			}
		})
		// The session's notes first, then by element ID.
		.sort((a, b) =>
			a.elementShapeId === null ? -1 : b.elementShapeId === null ? 1 : (a.elementHumanId ?? '').localeCompare(b.elementHumanId ?? '', 'en', { numeric: true }),
		)

	return { attackTrees, parkingLot, notes }
}
