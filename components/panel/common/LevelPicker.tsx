import { RISK_LEVELS } from '@/lib/risk/riskScore'
import './common.css'

export const LEVEL_HINT: Record<number, string> = { 1: 'very low', 2: 'low', 3: 'medium', 4: 'high', 5: 'very high' }

/**
 * 1–5 as a row of toggle buttons: one tap per vote, and the current choice readable at a glance.
 * Each button's test id is `<testIdPrefix>.<level>`.
 */
export function LevelPicker({
	label,
	value,
	onChange,
	testIdPrefix,
	disabled = false,
	counts,
}: {
	label: string
	value: number | null
	onChange: (level: number) => void
	testIdPrefix: string
	disabled?: boolean
	/** Votes per level, shown under each button (the spread). */
	counts?: Readonly<Record<number, number>>
}) {
	return (
		// biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields: role=group names it without a fieldset's form semantics and box
		<div className="tr-levels" role="group" aria-label={label}>
			<span className="tr-levels__label">{label}</span>
			<div className="tr-levels__buttons">
				{RISK_LEVELS.map((level) => (
					<button
						key={level}
						type="button"
						className="tr-levels__button"
						data-testid={`${testIdPrefix}.${level}`}
						aria-pressed={value === level}
						aria-label={`${label} ${level} (${LEVEL_HINT[level]})`}
						title={`${level}: ${LEVEL_HINT[level]}`}
						disabled={disabled}
						onClick={() => onChange(level)}
					>
						{level}
						{counts?.[level] ? <span className="tr-levels__count">{counts[level]}</span> : null}
					</button>
				))}
			</div>
		</div>
	)
}
