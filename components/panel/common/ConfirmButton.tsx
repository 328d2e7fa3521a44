'use client'

import { useState } from 'react'

/**
 * A destructive action in two steps, inline: no browser dialog that blocks the whole board (and
 * the other people's updates behind it). The confirm button's test id is `<testId>.confirm`.
 */
export function ConfirmButton({
	label,
	question,
	confirmLabel,
	testId,
	onConfirm,
	className = 'tr-text-button tr-text-button--danger',
}: {
	label: string
	question: string
	confirmLabel: string
	testId: string
	onConfirm: () => void
	className?: string
}) {
	const [asking, setAsking] = useState(false)
	if (!asking) {
		return (
			<button type="button" className={className} data-testid={testId} onClick={() => setAsking(true)}>
				{label}
			</button>
		)
	}
	return (
		// biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields: role=group names it without a fieldset's form semantics and box
		<span className="tr-confirm" role="group" aria-label={question}>
			<span className="tr-confirm__question">{question}</span>
			<button
				type="button"
				className="tr-text-button tr-text-button--danger"
				data-testid={`${testId}.confirm`}
				// biome-ignore lint/a11y/noAutofocus: the confirm button appears where the user just clicked, so focus follows it
				autoFocus
				onClick={() => {
					setAsking(false)
					onConfirm()
				}}
			>
				{confirmLabel}
			</button>
			<button type="button" className="tr-text-button" onClick={() => setAsking(false)}>
				Cancel
			</button>
		</span>
	)
}
