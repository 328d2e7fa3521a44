import { isClosedStatus } from '@/lib/risk/threatStatus'
import type { ModelHistory } from './historySchema'
import type { HistorySummary } from './historySummary'
import { summariseHistory } from './summariseHistory'
import { compareElements, compareThreatHumanIds } from './ordering'
import type { ChangesSince, ModelThreat, SessionModel } from './sessionModel'

// What a follow-up session changed since the session it continues. Threats and elements keep their
// ids across a follow-up (lib/canvas/followUpSnapshot.ts), so the comparison is by id. The schema
// (`changesSinceSchema`) lives with the rest of the model in sessionModel.ts.

const threatRef = ({ id, humanId, title, elementHumanId }: ModelThreat) => ({ id, humanId, title, elementHumanId })
const byHumanId = (a: { humanId: string }, b: { humanId: string }) => compareThreatHumanIds(a.humanId, b.humanId)

function elementsOf(model: SessionModel) {
	return new Map(
		model.diagrams.flatMap((diagram) => diagram.elements).map(({ shapeId, humanId, kind, name }) => [shapeId, { shapeId, humanId, kind, name }] as const),
	)
}

/**
 * `current` (the follow-up) against `previous` (the session it continues), both full models.
 * Deleted threats are in neither model, so a threat withdrawn since is not listed. Pure.
 */
export function changesSince(current: SessionModel, previous: SessionModel): ChangesSince {
	const before = new Map(previous.threats.map((threat) => [threat.id, threat]))
	const carried = current.threats.flatMap((threat) => {
		const old = before.get(threat.id)
		return old ? [{ threat, old }] : []
	})
	const sameRating = (a: ModelThreat['effective'], b: ModelThreat['effective']) => a.likelihood === b.likelihood && a.impact === b.impact
	const oldElements = elementsOf(previous)
	const newElements = elementsOf(current)
	return {
		previousSession: {
			id: previous.session.id,
			name: previous.session.name,
			createdAt: previous.session.createdAt,
			endedAt: previous.session.endedAt,
		},
		threats: {
			new: current.threats
				.filter((threat) => !before.has(threat.id))
				.map((threat) => ({ ...threatRef(threat), effective: threat.effective, status: threat.status })),
			closed: carried
				.filter(({ threat, old }) => !isClosedStatus(old.status) && isClosedStatus(threat.status))
				.map(({ threat, old }) => ({ ...threatRef(threat), from: old.status, to: threat.status })),
			reRated: carried
				.filter(({ threat, old }) => !sameRating(threat.effective, old.effective))
				.map(({ threat, old }) => ({ ...threatRef(threat), from: old.effective, to: threat.effective })),
			decided: current.threats.flatMap((threat) => {
				const known = new Set(before.get(threat.id)?.decisions.map((decision) => decision.id) ?? [])
				return threat.decision && !known.has(threat.decision.id) ? [{ ...threatRef(threat), decision: threat.decision }] : []
			}),
		},
		elements: {
			added: [...newElements.values()].filter((element) => !oldElements.has(element.shapeId)).sort(compareElements),
			removed: [...oldElements.values()].filter((element) => !newElements.has(element.shapeId)).sort(compareElements),
		},
		// The follow-up starts a new history (lib/canvas/followUpSnapshot.ts): the previous session's is in its own record.
		history: {
			previousSession: summaryOf(previous.history),
			sinceThen: summaryOf(current.history),
		},
	}
}

const summaryOf = (history: ModelHistory) => summariseHistory(history.entries, history.stopped)

/** A summary without the lines about threats a view leaves out. */
function summaryForThreats(summary: HistorySummary, kept: ReadonlySet<string>): HistorySummary {
	return { ...summary, lines: summary.lines.filter((line) => line.recordType !== 'threat' || kept.has(line.recordId)) }
}

/** The changes restricted to the threats a view keeps, so an extract never names a threat it leaves out. */
export function changesForThreats(changes: ChangesSince, kept: ReadonlySet<string>): ChangesSince {
	const keep = <T extends { id: string; humanId: string }>(list: readonly T[]) => list.filter((entry) => kept.has(entry.id)).sort(byHumanId)
	return {
		...changes,
		threats: {
			new: keep(changes.threats.new),
			closed: keep(changes.threats.closed),
			reRated: keep(changes.threats.reRated),
			decided: keep(changes.threats.decided),
		},
		history: {
			previousSession: summaryForThreats(changes.history.previousSession, kept),
			sinceThen: summaryForThreats(changes.history.sinceThen, kept),
		},
	}
}

/** The model with its changes since `previous` filled in. */
export function withChangesSince(current: SessionModel, previous: SessionModel): SessionModel {
	return { ...current, changesSince: changesSince(current, previous) }
}
