'use client'

import type { TLShapeId } from '@tldraw/tlschema'
import { type FormEvent, useState } from 'react'
import { useValue } from 'tldraw'
import { elementLabel } from '@/lib/session/canvasElements'
import { newParkedQuestion, reopenedQuestion } from '@/lib/session/notebookFactories'
import { PARKED_QUESTION_MAX, type ParkedQuestionRecord } from '@/lib/session/records/parkedQuestionRecord'
import { canContribute, canFacilitate } from '@/lib/session/sessionPermissions'
import { PanelSection } from '../common/PanelSection'
import { useSession } from '../SessionContext'
import { putSessionRecords, removeSessionRecords } from '../sessionWrites'
import { ResolveQuestion } from './ResolveQuestion'

const OUTCOME: Record<NonNullable<ParkedQuestionRecord['resolution']>, string> = {
	assumption: 'Became assumption',
	outOfScope: 'Noted out of scope',
	threat: 'Became threat',
	dismissed: 'Dismissed',
}

function Outcome({ question }: { question: ParkedQuestionRecord }) {
	const { model } = useSession()
	const { resolvedTo } = question
	const target = useValue('resolved to', () => [...model.threats.get(), ...model.scopeItems.get()].find((candidate) => candidate.id === resolvedTo), [
		model,
		resolvedTo,
	])
	if (question.resolution === null) return null
	const targetLabel = target ? ` ${target.humanId} ${target.title}` : ''
	return (
		<p className="tr-parked__outcome" data-testid="panel.parking.outcome">
			{OUTCOME[question.resolution]}
			{targetLabel}
			{question.resolution === 'dismissed' && `: ${question.reason}`}
			{question.resolvedByName && ` (${question.resolvedByName})`}
		</p>
	)
}

function ParkedQuestionItem({ question }: { question: ParkedQuestionRecord }) {
	const { editor, model, role, userId } = useSession()
	const element = useValue('question element', () => model.elements.get().find((candidate) => candidate.shapeId === question.shapeId), [
		model,
		question.shapeId,
	])
	const facilitates = canFacilitate(role)
	return (
		<li className="tr-parked" data-testid="panel.parking.item" data-status={question.resolution ?? 'parked'}>
			<p className="tr-parked__question">{question.question}</p>
			<p className="tr-parked__meta">
				{question.askedByName || 'You'}
				{element && ` · ${elementLabel(element)}`}
			</p>
			<Outcome question={question} />
			{facilitates && question.resolution === null && <ResolveQuestion question={question} />}
			{facilitates && question.resolution !== null && (
				<button
					type="button"
					className="tr-text-button"
					data-testid="panel.parking.reopen"
					onClick={() => putSessionRecords(editor, [reopenedQuestion(question)])}
				>
					Park again
				</button>
			)}
			{question.resolution === null && (facilitates || question.askedBy === userId) && (
				<button
					type="button"
					className="tr-text-button tr-text-button--danger"
					data-testid="panel.parking.withdraw"
					onClick={() => removeSessionRecords(editor, [question.id])}
				>
					Withdraw
				</button>
			)}
		</li>
	)
}

/** "What if…?" questions parked so the walk keeps moving; the facilitator turns each into something. */
export function ParkingLot() {
	const { editor, model, role } = useSession()
	const questions = useValue(
		'parked questions',
		() =>
			[...editor.store.query.records('parked-question').get()].sort((a, b) => (a.askedAt || Number.MAX_SAFE_INTEGER) - (b.askedAt || Number.MAX_SAFE_INTEGER)),
		[editor],
	)
	const [text, setText] = useState('')
	const open = questions.filter((question) => question.resolution === null).length
	const park = (event: FormEvent) => {
		event.preventDefault()
		if (!text.trim()) return
		putSessionRecords(editor, [newParkedQuestion(text, (model.focusedElement.get()?.shapeId as TLShapeId | undefined) ?? null)])
		setText('')
	}
	return (
		<PanelSection title={`What if…? (${open} parked)`} testId="panel.parking">
			{canContribute(role) && (
				<form className="tr-parked__form" onSubmit={park}>
					<input
						aria-label="Park a question"
						data-testid="panel.parking.input"
						placeholder="What if the payment provider is down?"
						value={text}
						maxLength={PARKED_QUESTION_MAX}
						onChange={(event) => setText(event.target.value)}
					/>
					<button type="submit" className="tr-button tr-button--small" data-testid="panel.parking.park" disabled={!text.trim()}>
						Park
					</button>
				</form>
			)}
			{questions.length > 0 ? (
				<ul className="tr-list">
					{questions.map((question) => (
						<ParkedQuestionItem key={question.id} question={question} />
					))}
				</ul>
			) : (
				<p className="tr-empty">Questions that would derail the walk wait here until the facilitator resolves them.</p>
			)}
		</PanelSection>
	)
}
