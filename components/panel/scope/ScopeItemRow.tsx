'use client'

import { useState } from 'react'
import { humanIdTag } from '@/lib/dfd/labels'
import { scopeItemWithFields } from '@/lib/session/recordFactories'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import { ConfirmButton } from '../common/ConfirmButton'
import { RecordHistory } from '../history/RecordHistory'
import { useSession } from '../SessionContext'
import { putSessionRecords, removeSessionRecords } from '../sessionWrites'
import { ScopeItemForm } from './ScopeItemForm'

const NEED_LETTER = { high: 'H', medium: 'M', low: 'L' } as const

function CiaNeeds({ item }: { item: ScopeItemRecord }) {
	const needs = [
		['C', 'Confidentiality', item.confidentiality],
		['I', 'Integrity', item.integrity],
		['A', 'Availability', item.availability],
	] as const
	return (
		<span className="tr-cia">
			{needs.map(([letter, name, need]) => (
				<span key={letter} className={`tr-cia__need tr-cia__need--${need ?? 'unset'}`} title={`${name}: ${need ?? 'not set'}`}>
					{letter}:{need ? NEED_LETTER[need] : '–'}
				</span>
			))}
		</span>
	)
}

export function ScopeItemRow({ item, editable }: { item: ScopeItemRecord; editable: boolean }) {
	const { editor } = useSession()
	const [editing, setEditing] = useState(false)

	if (editing) {
		return (
			<li className="tr-scope-item tr-scope-item--editing" data-testid="panel.scope.item">
				<ScopeItemForm
					kind={item.kind}
					initial={item}
					submitLabel="Save"
					onCancel={() => setEditing(false)}
					onSubmit={(fields) => {
						putSessionRecords(editor, [scopeItemWithFields(item, fields)])
						setEditing(false)
					}}
				/>
			</li>
		)
	}

	return (
		<li className={item.inScope ? 'tr-scope-item' : 'tr-scope-item tr-scope-item--out'} data-testid="panel.scope.item" data-kind={item.kind}>
			<div className="tr-scope-item__head">
				<span className="tr-id-tag">{humanIdTag(item.humanId)}</span>
				<span className="tr-scope-item__title">{item.title}</span>
				{item.kind === 'asset' && <CiaNeeds item={item} />}
				{item.kind === 'threatAgent' && (
					<span className={item.inScope ? 'tr-tag tr-tag--in' : 'tr-tag tr-tag--out'}>{item.inScope ? 'in scope' : 'out of scope'}</span>
				)}
			</div>
			{item.description && <p className="tr-scope-item__description">{item.description}</p>}
			<RecordHistory recordId={item.id} />
			{editable && (
				<div className="tr-row-actions">
					<button type="button" className="tr-text-button" data-testid="panel.scope.edit" onClick={() => setEditing(true)}>
						Edit
					</button>
					<ConfirmButton
						label="Remove"
						question={`Remove ${humanIdTag(item.humanId)}?`}
						confirmLabel="Remove"
						testId="panel.scope.delete"
						onConfirm={() => removeSessionRecords(editor, [item.id])}
					/>
				</div>
			)}
		</li>
	)
}
