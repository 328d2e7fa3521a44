'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import { categoryName } from '@/lib/frameworks/otherCategory'
import { cvssBaseScore } from '@/lib/risk/cvss31'
import { effectivePriority } from '@/lib/risk/threatPriority'
import { effectiveRating } from '@/lib/session/effectiveRating'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { canContribute, canEditThreat, canFacilitate } from '@/lib/session/sessionPermissions'
import { draftFromThreat } from '@/lib/session/threatDraft'
import { voteSummaryFor } from '@/lib/session/voteSummary'
import { voteIdFor } from '@/lib/session/records/voteRecord'
import { linkedScopeItems } from '@/lib/session/threatScopeLinks'
import { ConfirmButton } from '../common/ConfirmButton'
import { RecordHistory } from '../history/RecordHistory'
import { PendingTag } from '../PendingBanner'
import { RiskChip } from '../common/RiskChip'
import { useSession } from '../SessionContext'
import { ThreatMitigations } from '../mitigations/ThreatMitigations'
import { MetadataEditor } from '../metadata/MetadataEditor'
import { AgreedRating } from './AgreedRating'
import { saveThreat, setThreatDeleted } from './threatActions'
import { ThreatForm } from './ThreatForm'
import { VoteControls, VoteSpread } from './VoteControls'
import './threats.css'

function ThreatDetails({ threat }: { threat: ThreatRecord }) {
	const { model } = useSession()
	const linked = useValue('linked scope items', () => linkedScopeItems(threat, model.scopeItems.get()), [model, threat])
	const score = cvssBaseScore(threat.cvssVector)
	const rating = effectiveRating(threat)
	return (
		<div className="tr-threat__details">
			{threat.description && <p className="tr-threat__description">{threat.description}</p>}
			<dl className="tr-threat__facts" data-testid="panel.threat.triage">
				<div>
					<dt>Status</dt>
					<dd>{threat.status}</dd>
				</div>
				<div>
					<dt>Severity</dt>
					<dd data-testid="panel.threat.severity">{threat.severity}</dd>
				</div>
				<div>
					<dt>Priority</dt>
					<dd data-testid="panel.threat.priority">
						{effectivePriority(threat.priority, rating.score)}
						{threat.priority === null ? ' (risk band)' : ' (set)'}
					</dd>
				</div>
				{threat.cvssVector !== null && (
					<div>
						<dt>CVSS</dt>
						<dd data-testid="panel.threat.cvss" title={threat.cvssVector}>
							{score?.toFixed(1)} · {threat.cvssVector}
						</dd>
					</div>
				)}
				{linked.length > 0 && (
					<div>
						<dt>Assets and agents</dt>
						<dd data-testid="panel.threat.links">{linked.map((item) => `${item.humanId} ${item.title}`).join('; ')}</dd>
					</div>
				)}
				<div>
					<dt>Raised by</dt>
					<dd>{threat.createdByName || '…'}</dd>
				</div>
			</dl>
		</div>
	)
}

/**
 * One threat: its ID, title, categories and risk at a glance; opened, its details, the vote and
 * (for the facilitator) the agreed rating. Authors edit and delete their own threats.
 */
export function ThreatItem({
	threat,
	categories,
	showElement,
	defaultOpen = false,
}: {
	threat: ThreatRecord
	/** The categories the threat's element offers, for the edit form. */
	categories: readonly string[]
	/** In the register, say which element the threat is on. */
	showElement?: string
	defaultOpen?: boolean
}) {
	const { editor, model, role, userId, notify, pending } = useSession()
	const [open, setOpen] = useState(defaultOpen)
	const [editing, setEditing] = useState(false)
	const summary = useValue('vote summary', () => voteSummaryFor(threat.id, model.votes.get()), [model, threat.id])
	const rating = effectiveRating(threat)
	const editable = canEditThreat(role, userId, threat)
	const tag = threat.humanId || 'T-…'
	// Not acknowledged yet: the room numbers a threat when it takes it.
	const threatPending = useValue('threat pending', () => !threat.humanId || pending.has(threat.id), [pending, threat])
	const votePending = useValue('vote pending', () => pending.has(voteIdFor(threat.id, userId)), [pending, threat.id, userId])

	const remove = () => {
		setThreatDeleted(editor, threat, true)
		notify({
			message: `${tag} deleted`,
			tone: 'info',
			durationMs: 10_000,
			action: { label: 'Undo', testId: 'panel.threat.undo', onClick: () => setThreatDeleted(editor, threat, false) },
		})
	}

	if (editing) {
		return (
			<li className="tr-threat tr-threat--editing" data-testid="panel.threat" data-threat-id={threat.id}>
				<span className="tr-id-tag">{tag}</span>
				<ThreatForm
					framework={model.framework}
					categories={categories}
					initial={draftFromThreat(threat)}
					submitLabel="Save"
					onCancel={() => setEditing(false)}
					onSubmit={(draft) => {
						saveThreat(editor, threat, draft)
						setEditing(false)
					}}
				/>
			</li>
		)
	}

	return (
		<li className={open ? 'tr-threat tr-threat--open' : 'tr-threat'} data-testid="panel.threat" data-threat-id={threat.id} data-human-id={threat.humanId}>
			<button type="button" className="tr-threat__summary" aria-expanded={open} data-testid="panel.threat.toggle" onClick={() => setOpen((value) => !value)}>
				<span className="tr-id-tag">{tag}</span>
				<span className="tr-threat__title">{threat.title}</span>
				<RiskChip rating={rating} compact />
			</button>
			<div className="tr-threat__meta">
				{threatPending && <PendingTag testId="panel.threat.pending" title="Not received by the room yet: it gets its number then" />}
				{votePending && <PendingTag testId="panel.vote.pending" label="vote pending" title="Your vote has not reached the room yet" />}
				{showElement && <span className="tr-threat__element">{showElement}</span>}
				{threat.categories.map((id) => (
					<span key={id} className="tr-category-chip" title={categoryName(model.framework, id)}>
						{categoryName(model.framework, id)}
					</span>
				))}
				{!threat.includeInReport && (
					<span className="tr-threat__source" data-testid="panel.threat.notInReport" title="Left out of the Markdown and HTML report">
						not in report
					</span>
				)}
				{summary.count > 0 && (
					<span className="tr-threat__votes" title="Votes">
						{summary.count} {summary.count === 1 ? 'vote' : 'votes'}
					</span>
				)}
				{threat.sourceRuleId && (
					<span className="tr-threat__source" title={`Adopted from suggestion ${threat.sourceRuleId}`}>
						suggested
					</span>
				)}
			</div>
			{open && (
				<div className="tr-threat__body">
					<ThreatDetails threat={threat} />
					<ThreatMitigations threat={threat} />
					<section className="tr-threat__metadata" aria-label="Metadata">
						<h4 className="tr-threat__label">Metadata</h4>
						<MetadataEditor target={threat.id} label={tag} />
					</section>
					<div className="tr-threat__rating">
						<RiskChip rating={rating} />
						<span className="tr-threat__rating-text">
							L{rating.likelihood} × I{rating.impact}
							{rating.agreedLikelihood || rating.agreedImpact ? ' (agreed)' : ' (author)'}
						</span>
					</div>
					<VoteSpread summary={summary} />
					{canContribute(role) && <VoteControls threat={threat} />}
					{canFacilitate(role) && <AgreedRating threat={threat} summary={summary} />}
					<RecordHistory recordId={threat.id} />
					{editable && (
						<div className="tr-row-actions">
							<button type="button" className="tr-text-button" data-testid="panel.threat.edit" onClick={() => setEditing(true)}>
								Edit
							</button>
							<ConfirmButton label="Delete" question={`Delete ${tag}?`} confirmLabel="Delete" testId="panel.threat.delete" onConfirm={remove} />
						</div>
					)}
				</div>
			)}
		</li>
	)
}

/** A deleted threat its author (or the facilitator) can still bring back. */
export function DeletedThreatRow({ threat }: { threat: ThreatRecord }) {
	const { editor } = useSession()
	return (
		<li className="tr-threat tr-threat--deleted" data-testid="panel.threat.deleted">
			<span className="tr-id-tag">{threat.humanId || 'T-…'}</span>
			<span className="tr-threat__title">{threat.title}</span>
			<button type="button" className="tr-text-button" data-testid="panel.threat.restore" onClick={() => setThreatDeleted(editor, threat, false)}>
				Restore
			</button>
		</li>
	)
}
