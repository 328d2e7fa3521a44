/**
 * The optional project prefix of a new session (created or imported): what its exported IDs
 * compose with. `error` is shown below it and named by the input's description.
 */
export function ProjectPrefixField({
	id,
	testId,
	value,
	onChange,
	error,
}: {
	/** Unique per form: the input's id and the prefix of its hint's and error's. */
	id: string
	testId: string
	value: string
	onChange: (value: string) => void
	error?: string
}) {
	const describedBy = [`${id}-hint`, error ? `${id}-error` : undefined].filter(Boolean).join(' ')
	return (
		<div className="field">
			<label className="field__label" htmlFor={id}>
				Project prefix <span className="field__optional">(optional)</span>
			</label>
			<input
				id={id}
				className="input"
				data-testid={testId}
				value={value}
				onChange={(event) => onChange(event.target.value)}
				maxLength={10}
				autoComplete="off"
				placeholder="e.g. PAY"
				aria-invalid={error ? true : undefined}
				aria-describedby={describedBy}
			/>
			<p className="field__hint" id={`${id}-hint`}>
				Exported threat IDs then read PAY.S01.T-001, so models of several sessions combine without clashes.
			</p>
			{error && (
				<p className="field__error" id={`${id}-error`}>
					{error}
				</p>
			)}
		</div>
	)
}
