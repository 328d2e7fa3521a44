import { METADATA_ENTRY_TYPE, metadataEntryIdFor } from '@/lib/session/records/metadataEntryRecord'
import type { ThreatStatus } from '@/lib/risk/threatStatus'
import { changesForThreats } from './changesSince'
import { notebookForView } from './notebookViews'
import type { ModelThreat, ReportView, SessionModel } from './sessionModel'

/** Statuses saying the fix is in place (Resolved, Closed) or there was never a weakness (False Positive). */
const DONE_STATUSES: ReadonlySet<ThreatStatus> = new Set(['Resolved', 'Closed', 'False Positive'])

/**
 * A threat is mitigated when the weakness can no longer be exploited as far as the team knows:
 *
 * - its status is False Positive (there was nothing to exploit), or
 * - its status is Resolved or Closed AND the decision in force is `mitigate` (or none was recorded).
 *
 * Everything else is unmitigated, deliberately including:
 * - Accepted, and any threat whose latest decision is accept, defer or transfer: the business owns
 *   the risk, but the weakness is still there to exploit. Transferring moves the cost (insurance,
 *   a contract), not the hole. These are residual risks, not fixed ones.
 * - Verification Pending: a fix nobody has verified is a hope. It counts once verified (Resolved).
 * - Resolved or Closed under an accept/defer/transfer decision: the record contradicts itself, and
 *   the distributable report must err towards leaving a threat out.
 *
 * The asymmetry is the point: wrongly withholding a fixed threat from a customer costs a question;
 * wrongly handing out an exploitable one under NDA costs an incident.
 */
export function isMitigated(threat: Pick<ModelThreat, 'status' | 'decision'>): boolean {
	if (threat.status === 'False Positive') return true
	if (!DONE_STATUSES.has(threat.status)) return false
	return threat.decision === null || threat.decision.kind === 'mitigate'
}

/**
 * The model restricted to one audience:
 * - `all`: every live threat (the team's own report).
 * - `distributable`: mitigated threats only (for customers under NDA). Votes and decision history
 *   stay, since they are the evidence of diligence; the report states that it is an extract.
 * - `unmitigated`: everything else — the open work and the residual risks the business carries.
 * N/A marks and coverage are kept in every view: they describe the analysis, not a weakness. The
 * changes since a previous session keep their element changes, and only the threats of the view.
 */
/** A threat's metadata history goes with the threat: its entries' ids name it (metadataEntryIdFor). */
function isKeptMetadataHistory(kept: ReadonlySet<string>) {
	const keptPrefixes = [...kept].map((threatId) => metadataEntryIdFor(threatId, ''))
	return (entry: { recordType: string; recordId: string }) =>
		entry.recordType !== METADATA_ENTRY_TYPE ||
		!entry.recordId.startsWith(`${METADATA_ENTRY_TYPE}:threat~`) ||
		keptPrefixes.some((prefix) => entry.recordId.startsWith(prefix))
}

export function filterForView(model: SessionModel, view: ReportView): SessionModel {
	// Re-filtering an extract would label it with a view it cannot honour (an 'all' that is not all).
	if (model.view !== 'all') throw new Error(`Expected the full model, got the '${model.view}' view`)
	if (view === 'all') return model
	const keep = view === 'distributable' ? isMitigated : (threat: ModelThreat) => !isMitigated(threat)
	return { ...withThreatsOnly(model, view, keep), view }
}

/**
 * The model as the Markdown and HTML reports show it: without the threats the team chose to leave
 * out (includeInReport false). The JSON and CSV exports keep them, with the flag.
 */
export function reportedThreatsOnly(model: SessionModel): SessionModel {
	// Nothing left out: the model as it is, with its unlinked mitigations (an extract drops those).
	if (model.threats.every((threat) => threat.includeInReport)) return model
	return withThreatsOnly(model, model.view, (threat) => threat.includeInReport)
}

/** The model with only the threats `keep` accepts, and what names them (mitigations, history, notebook) likewise. */
function withThreatsOnly(model: SessionModel, view: ReportView, keep: (threat: ModelThreat) => boolean): SessionModel {
	const threats = model.threats.filter(keep)
	// The changes since the previous session name threats too: only those this view keeps.
	const kept = new Set(threats.map((threat) => threat.id))
	const changesSince = model.changesSince && changesForThreats(model.changesSince, kept)
	// A mitigation goes with the threats it treats: only those of the view, and none left without one.
	const mitigations = model.mitigations.flatMap((mitigation) => {
		const treated = mitigation.threatIds.flatMap((id, index) => (kept.has(id) ? [{ id, humanId: mitigation.threatHumanIds[index] ?? '' }] : []))
		if (treated.length === 0) return []
		return [{ ...mitigation, threatIds: treated.map((threat) => threat.id), threatHumanIds: treated.map((threat) => threat.humanId) }]
	})
	// So does the change history: an extract keeps the history of its threats and of the rest of the model.
	const history = {
		...model.history,
		entries: model.history.entries.filter((entry) => entry.recordType !== 'threat' || kept.has(entry.recordId)).filter(isKeptMetadataHistory(kept)),
	}
	// And the metadata: a threat left out takes its key=value entries with it.
	const metadata = model.metadata.filter((entry) => entry.targetKind !== 'threat' || kept.has(entry.targetId ?? ''))
	return { ...model, threats, mitigations, changesSince, history, metadata, ...notebookForView(model, view, kept) }
}
