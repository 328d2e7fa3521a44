'use client'

import type { ScopeItemId, ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'

/**
 * A multi-select of scope items (the assets, or the threat agents) as checkboxes. A linked item
 * that is no longer in the scope is not offered; the threat keeps its id until the next save,
 * where only what is ticked here remains.
 */
export function ScopeLinkPicker({
	legend,
	testId,
	items,
	selected,
	onChange,
	emptyText,
}: {
	legend: string
	testId: string
	items: readonly ScopeItemRecord[]
	selected: readonly ScopeItemId[]
	onChange: (ids: ScopeItemId[]) => void
	emptyText: string
}) {
	const known = new Set(items.map((item) => item.id))
	const toggle = (id: ScopeItemId, on: boolean) => {
		const kept = selected.filter((selectedId) => selectedId !== id && known.has(selectedId))
		onChange(on ? [...kept, id] : kept)
	}
	return (
		<fieldset className="tr-form__categories" data-testid={testId}>
			<legend className="tr-field__label">{legend}</legend>
			{items.length === 0 && <span className="tr-empty">{emptyText}</span>}
			{items.map((item) => (
				<label key={item.id} className="tr-category-check" title={item.description || undefined}>
					<input
						type="checkbox"
						data-testid={`${testId}.${item.humanId || item.id}`}
						checked={selected.includes(item.id)}
						onChange={(event) => toggle(item.id, event.target.checked)}
					/>
					{item.humanId} {item.title}
				</label>
			))}
		</fieldset>
	)
}
