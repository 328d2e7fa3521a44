'use client'

import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { VoteSummary } from '@/lib/analysis/votes'
import { RISK_LEVELS } from '@/lib/risk/riskScore'
import { voteIdFor } from '@/lib/session/records/voteRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { LevelPicker } from '../common/LevelPicker'
import { useSession } from '../SessionContext'
import { castVote } from './threatActions'

/** The room's spread per dimension: how many voted each level, the median and the extremes to hear first. */
export function VoteSpread({ summary }: { summary: VoteSummary }) {
	if (summary.count === 0) {
		return (
			<p className="tr-spread tr-spread--empty" data-testid="panel.vote.spread">
				No votes yet
			</p>
		)
	}
	const rows = [
		['Likelihood', summary.likelihood],
		['Impact', summary.impact],
	] as const
	const max = Math.max(1, ...rows.flatMap(([, dimension]) => RISK_LEVELS.map((level) => dimension.spread[level])))
	return (
		<div className="tr-spread" data-testid="panel.vote.spread" data-count={summary.count}>
			<span className="tr-spread__count">
				{summary.count} {summary.count === 1 ? 'vote' : 'votes'}
			</span>
			{rows.map(([label, dimension]) => (
				// biome-ignore lint/a11y/useSemanticElements: bars, not form fields: role=group names them without a fieldset's form semantics and box
				<div key={label} className="tr-spread__row" role="group" aria-label={`${label} votes`}>
					<span className="tr-spread__label">{label}</span>
					<span className="tr-spread__bars">
						{RISK_LEVELS.map((level) => (
							<span
								key={level}
								className="tr-spread__bar"
								title={`${dimension.spread[level]} × ${level}`}
								data-level={level}
								data-votes={dimension.spread[level]}
							>
								<span className="tr-spread__fill" style={{ height: `${(dimension.spread[level] / max) * 100}%` }} />
								<span className="tr-spread__level">{level}</span>
							</span>
						))}
					</span>
					<span className="tr-spread__median">
						{dimension.median === null ? '–' : `median ${dimension.median}`}
						{dimension.min !== null && dimension.max !== null && dimension.min !== dimension.max && (
							<span className="tr-spread__range">
								{' '}
								({dimension.min}–{dimension.max})
							</span>
						)}
					</span>
				</div>
			))}
		</div>
	)
}

/**
 * This person's vote. A vote needs both dimensions, so the first pick waits for the second; after
 * that each pick replaces the vote at once (its id is the voter's, so it never doubles).
 */
export function VoteControls({ threat }: { threat: ThreatRecord }) {
	const { editor, userId, pending } = useSession()
	const mine = useValue('my vote', () => editor.store.get(voteIdFor(threat.id, userId)) ?? null, [editor, threat.id, userId])
	const minePending = useValue('my vote pending', () => pending.has(voteIdFor(threat.id, userId)), [pending, threat.id, userId])
	const [likelihood, setLikelihood] = useState<number | null>(mine?.likelihood ?? null)
	const [impact, setImpact] = useState<number | null>(mine?.impact ?? null)

	useEffect(() => {
		if (!mine) return
		setLikelihood(mine.likelihood)
		setImpact(mine.impact)
	}, [mine])

	const pick = (nextLikelihood: number | null, nextImpact: number | null) => {
		setLikelihood(nextLikelihood)
		setImpact(nextImpact)
		if (nextLikelihood !== null && nextImpact !== null) castVote(editor, threat, userId, nextLikelihood, nextImpact)
	}

	return (
		// biome-ignore lint/a11y/useSemanticElements: two pickers of buttons, not form fields: role=group names them without a fieldset's form semantics and box
		<div className="tr-vote" role="group" aria-label="Your vote">
			<LevelPicker label="Likelihood" testIdPrefix="panel.vote.likelihood" value={likelihood} onChange={(level) => pick(level, impact)} />
			<LevelPicker label="Impact" testIdPrefix="panel.vote.impact" value={impact} onChange={(level) => pick(likelihood, level)} />
			<span className="tr-vote__status" role="status">
				{mine && minePending ? 'Your vote is pending' : mine ? 'Your vote is in' : likelihood !== null || impact !== null ? 'Pick both to vote' : 'Your vote'}
			</span>
		</div>
	)
}
