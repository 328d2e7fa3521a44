'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import { mitigationProgress, mitigationProgressText, mitigationsOfThreat, suggestsResolving } from '@/lib/session/mitigationSummary'
import { draftFromMitigation, emptyMitigationDraft } from '@/lib/session/mitigationDraft'
import { MITIGATION_KIND_LABEL, MITIGATION_STATUS_LABEL, type MitigationRecord } from '@/lib/session/records/mitigationRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { canContribute, canEditMitigation } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { addMitigation, linkMitigation, saveMitigation } from './mitigationActions'
import { MitigationForm } from './MitigationForm'

function MitigationRow({ mitigation, threat }: { mitigation: MitigationRecord; threat: ThreatRecord }) {
	const { editor, role, userId } = useSession()
	const [editing, setEditing] = useState(false)
	const editable = canEditMitigation(role, userId, mitigation)
	const others = mitigation.threatIds.length - 1
	if (editing) {
		return (
			<li className="tr-mitigation tr-mitigation--editing" data-testid="panel.mitigation" data-mitigation-id={mitigation.id}>
				<MitigationForm
					initial={draftFromMitigation(mitigation)}
					submitLabel="Save"
					onCancel={() => setEditing(false)}
					onSubmit={(draft) => {
						saveMitigation(editor, mitigation, draft)
						setEditing(false)
					}}
				/>
			</li>
		)
	}
	return (
		<li className="tr-mitigation" data-testid="panel.mitigation" data-mitigation-id={mitigation.id} data-status={mitigation.status}>
			<div className="tr-mitigation__head">
				<span className="tr-id-tag">{mitigation.humanId || 'M-…'}</span>
				<span className="tr-mitigation__title" data-testid="panel.mitigation.title">
					{mitigation.title}
				</span>
				<span className={`tr-mitigation__status tr-mitigation__status--${mitigation.status}`} data-testid="panel.mitigation.status">
					{MITIGATION_STATUS_LABEL[mitigation.status]}
				</span>
			</div>
			<div className="tr-mitigation__meta">
				{MITIGATION_KIND_LABEL[mitigation.kind]}
				{mitigation.owner && ` · ${mitigation.owner}`}
				{mitigation.dueDate && ` · due ${mitigation.dueDate}`}
				{others > 0 && ` · also treats ${others} other ${others === 1 ? 'threat' : 'threats'}`}
				{mitigation.issueUrl && (
					<>
						{' · '}
						{/* Validated as http(s) by the room, so it can only open a page. */}
						<a href={mitigation.issueUrl} target="_blank" rel="noopener noreferrer">
							issue
						</a>
					</>
				)}
			</div>
			{editable && (
				<div className="tr-row-actions">
					<button type="button" className="tr-text-button" data-testid="panel.mitigation.edit" onClick={() => setEditing(true)}>
						Edit
					</button>
					<button
						type="button"
						className="tr-text-button"
						data-testid="panel.mitigation.unlink"
						onClick={() => linkMitigation(editor, mitigation, threat.id, false)}
					>
						Unlink
					</button>
				</div>
			)}
		</li>
	)
}

/**
 * A threat's mitigations with their progress. The threat's status stays hand-set (in place is not
 * yet verified); when every mitigation is in place the panel says the threat may be resolved.
 */
export function ThreatMitigations({ threat }: { threat: ThreatRecord }) {
	const { editor, model, role, userId } = useSession()
	const [adding, setAdding] = useState(false)
	const [linkId, setLinkId] = useState('')
	const all = useValue('mitigations', () => model.mitigations.get(), [model])
	const own = mitigationsOfThreat(threat.id, all)
	const linkable = all.filter((mitigation) => !mitigation.threatIds.includes(threat.id) && canEditMitigation(role, userId, mitigation))
	const progress = mitigationProgress(own)
	return (
		<section className="tr-mitigations" data-testid="panel.mitigations" aria-label="Mitigations">
			<h4 className="tr-threat__label">
				Mitigations{' '}
				{progress.total > 0 && (
					<span className="tr-mitigations__progress" data-testid="panel.mitigations.progress">
						{mitigationProgressText(progress)}
					</span>
				)}
			</h4>
			{suggestsResolving(progress, threat.status) && (
				<p className="tr-mitigations__hint" data-testid="panel.mitigations.hint">
					Every mitigation is in place: once verified, set the threat to Resolved.
				</p>
			)}
			<ul className="tr-mitigations__list">
				{own.map((mitigation) => (
					<MitigationRow key={mitigation.id} mitigation={mitigation} threat={threat} />
				))}
			</ul>
			{canContribute(role) &&
				(adding ? (
					<MitigationForm
						initial={emptyMitigationDraft()}
						submitLabel="Add mitigation"
						onCancel={() => setAdding(false)}
						onSubmit={(draft) => {
							addMitigation(editor, [threat.id], draft)
							setAdding(false)
						}}
					/>
				) : (
					<div className="tr-row-actions">
						<button type="button" className="tr-text-button" data-testid="panel.mitigation.add" onClick={() => setAdding(true)}>
							Add mitigation
						</button>
						{linkable.length > 0 && (
							<form
								className="tr-mitigations__link"
								onSubmit={(event) => {
									event.preventDefault()
									const chosen = linkable.find((mitigation) => mitigation.id === linkId)
									if (chosen) linkMitigation(editor, chosen, threat.id, true)
									setLinkId('')
								}}
							>
								<select
									aria-label="Existing mitigation"
									data-testid="panel.mitigation.link.select"
									value={linkId}
									onChange={(event) => setLinkId(event.target.value)}
								>
									<option value="">Link an existing mitigation…</option>
									{linkable.map((mitigation) => (
										<option key={mitigation.id} value={mitigation.id}>
											{mitigation.humanId || 'M-…'} {mitigation.title}
										</option>
									))}
								</select>
								<button type="submit" className="tr-text-button" data-testid="panel.mitigation.link" disabled={linkId === ''}>
									Link
								</button>
							</form>
						)}
					</div>
				))}
		</section>
	)
}
