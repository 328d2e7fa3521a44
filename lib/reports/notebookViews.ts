import type { Notebook } from './buildNotebook'
import type { ReportView } from './sessionModel'

/**
 * The notebook for an extract that keeps only some threats (views.ts; in the 'all' view, the
 * threats left out of the report). Trees on threats the view
 * drops go with them, and a leaf's link to such a threat is cut. The distributable edition errs
 * towards leaving out: no model-level attack goals and no parking lot, since either can describe
 * a weakness nobody has fixed; notes stay, each deliberately flagged for the report.
 */
export function notebookForView(notebook: Notebook, view: ReportView, keptThreatIds: ReadonlySet<string>): Notebook {
	const kept = <T extends { id: string }>(ref: T | null) => (ref !== null && keptThreatIds.has(ref.id) ? ref : null)
	const attackTrees = notebook.attackTrees
		.filter((tree) => (tree.threat === null ? view !== 'distributable' : keptThreatIds.has(tree.threat.id)))
		.map((tree) => ({ ...tree, nodes: tree.nodes.map((node) => ({ ...node, linkedThreat: kept(node.linkedThreat) })) }))
	const parkingLot =
		view === 'distributable'
			? []
			: notebook.parkingLot.map((question) =>
					question.resolvedTo?.kind === 'threat' && !keptThreatIds.has(question.resolvedTo.id) ? { ...question, resolvedTo: null } : question,
				)
	return { attackTrees, parkingLot, notes: notebook.notes }
}
