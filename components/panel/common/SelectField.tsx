import type { ReactNode } from 'react'
import { Field } from './Field'

/**
 * A select in a Field, one option per value (the value itself shows unless `optionLabel` words it),
 * after an optional "none" choice whose value is ''.
 */
export function SelectField<V extends string | number>({
	label,
	testId,
	value,
	onChange,
	options,
	optionLabel = (option) => option,
	emptyOption,
	error,
	hint,
}: {
	label: string
	testId: string
	value: V | ''
	onChange: (value: string) => void
	options: readonly V[]
	optionLabel?: (option: V) => ReactNode
	emptyOption?: string
	error?: string
	hint?: string
}) {
	return (
		<Field label={label} error={error} hint={hint}>
			{({ id, describedBy }) => (
				<select id={id} data-testid={testId} value={value} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)}>
					{emptyOption !== undefined && <option value="">{emptyOption}</option>}
					{options.map((option) => (
						<option key={option} value={option}>
							{optionLabel(option)}
						</option>
					))}
				</select>
			)}
		</Field>
	)
}
