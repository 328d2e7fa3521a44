import { type ReactNode, useId } from 'react'

/** A labelled control with its error and an optional character count, all tied up for screen readers. */
export function Field({
	label,
	error,
	hint,
	children,
}: {
	label: string
	error?: string
	hint?: string
	children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}) {
	const id = useId()
	const messageId = `${id}-message`
	const message = error ?? hint
	return (
		<div className={error ? 'tr-field tr-field--invalid' : 'tr-field'}>
			<label className="tr-field__label" htmlFor={id}>
				{label}
			</label>
			{children({ id, describedBy: message ? messageId : undefined, invalid: error !== undefined })}
			{message && (
				<span id={messageId} className={error ? 'tr-field__error' : 'tr-field__hint'}>
					{message}
				</span>
			)}
		</div>
	)
}

/** "87 / 100" once a text gets near its limit, so nobody is surprised by a refusal. */
export function lengthHint(value: string, max: number): string | undefined {
	return value.length > max * 0.8 ? `${value.length} / ${max}` : undefined
}
