'use client'

import { type FormEvent, useState } from 'react'
import { useValue } from 'tldraw'
import { metadataEntry } from '@/lib/session/metadataFactories'
import { isMetadataKey, METADATA_VALUE_MAX, metadataEntryIdFor, type MetadataTarget } from '@/lib/session/records/metadataEntryRecord'
import { canEditMetadata } from '@/lib/session/sessionPermissions'
import { putSessionRecords, removeSessionRecords } from '../sessionWrites'
import { useSession } from '../SessionContext'
import './metadata.css'

const KEY_HINT = 'a-z, 0-9, _ . - (up to 40)'

/**
 * The key=value metadata of one target (the session, an element or a threat): a list everyone
 * reads, and for the facilitator and participants a form that adds a key or gives it a new value,
 * and a remove button per entry. One record per target and key, so adding a key again changes it.
 */
export function MetadataEditor({ target, label }: { target: MetadataTarget; label: string }) {
	const { editor, model, role } = useSession()
	const pairs = useValue('metadata of target', () => model.metadata.get().get(target) ?? [], [model, target])
	const editable = canEditMetadata(role)
	const [key, setKey] = useState('')
	const [value, setValue] = useState('')
	const [error, setError] = useState<string | null>(null)

	const submit = (event: FormEvent) => {
		event.preventDefault()
		const cleanKey = key.trim().toLowerCase()
		const cleanValue = value.trim()
		if (!isMetadataKey(cleanKey)) return setError(`A key is ${KEY_HINT}`)
		if (cleanValue === '') return setError('Give the key a value')
		const stored = editor.store.get(metadataEntryIdFor(target, cleanKey))
		putSessionRecords(editor, [metadataEntry(target, cleanKey, cleanValue, stored)])
		setKey('')
		setValue('')
		setError(null)
	}

	return (
		<div className="tr-metadata" data-testid="panel.metadata" data-target={target}>
			{pairs.length === 0 ? (
				<p className="tr-empty">No metadata on {label} yet.</p>
			) : (
				<ul className="tr-metadata__list" aria-label={`Metadata of ${label}`}>
					{pairs.map((pair) => (
						<li key={pair.key} className="tr-metadata__item" data-testid="panel.metadata.item" data-key={pair.key}>
							<span className="tr-metadata__key">{pair.key}</span>=<span className="tr-metadata__value">{pair.value}</span>
							{editable && (
								<button
									type="button"
									className="tr-text-button"
									data-testid="panel.metadata.remove"
									aria-label={`Remove ${pair.key}`}
									onClick={() => removeSessionRecords(editor, [metadataEntryIdFor(target, pair.key)])}
								>
									×
								</button>
							)}
						</li>
					))}
				</ul>
			)}
			{editable && (
				<form className="tr-metadata__form" onSubmit={submit} aria-label={`Add metadata to ${label}`} noValidate>
					<input
						className="tr-metadata__input"
						data-testid="panel.metadata.key"
						aria-label="Key"
						placeholder="key, e.g. env"
						value={key}
						maxLength={40}
						onChange={(event) => setKey(event.target.value)}
					/>
					<input
						className="tr-metadata__input"
						data-testid="panel.metadata.value"
						aria-label="Value"
						placeholder="value, e.g. prod"
						value={value}
						maxLength={METADATA_VALUE_MAX}
						onChange={(event) => setValue(event.target.value)}
					/>
					<button type="submit" className="tr-button tr-button--small" data-testid="panel.metadata.add">
						Set
					</button>
					{error && (
						<p className="tr-field__error" role="alert">
							{error}
						</p>
					)}
				</form>
			)}
		</div>
	)
}
