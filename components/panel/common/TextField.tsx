import { Field } from './Field'

/**
 * A text input (or a textarea, given `rows`) in a Field, its label, message and validity wired up.
 * The hint stays the caller's: not every limited field shows a count.
 */
export function TextField({
	label,
	testId,
	value,
	onChange,
	error,
	hint,
	maxLength,
	rows,
	type,
	placeholder,
	autoFocus,
	required,
}: {
	label: string
	testId: string
	value: string
	onChange: (value: string) => void
	error?: string
	hint?: string
	maxLength?: number
	/** Makes it a textarea this many rows high. */
	rows?: number
	type?: 'text' | 'date' | 'url'
	placeholder?: string
	autoFocus?: boolean
	required?: boolean
}) {
	return (
		<Field label={label} error={error} hint={hint}>
			{({ id, describedBy, invalid }) => {
				const control = {
					id,
					'data-testid': testId,
					value,
					maxLength,
					placeholder,
					autoFocus,
					required,
					'aria-describedby': describedBy,
					'aria-invalid': invalid,
				}
				return rows === undefined ? (
					<input {...control} type={type} onChange={(event) => onChange(event.target.value)} />
				) : (
					<textarea {...control} rows={rows} onChange={(event) => onChange(event.target.value)} />
				)
			}}
		</Field>
	)
}
