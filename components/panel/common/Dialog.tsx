'use client'

import { type ReactNode, useEffect, useId, useRef } from 'react'
import './dialog.css'

/**
 * A modal dialog on the browser's own `<dialog>`: focus moves in and is trapped, Escape closes it,
 * and everything behind is inert. Mounted open; the parent unmounts it on `onClose`. Rendered inside
 * the session's layout, so it takes the canvas's light or dark theme.
 */
export function Dialog({
	title,
	testId,
	onClose,
	children,
	wide = false,
}: {
	title: string
	testId: string
	onClose: () => void
	children: ReactNode
	wide?: boolean
}) {
	const ref = useRef<HTMLDialogElement>(null)
	const titleId = useId()
	useEffect(() => {
		// No close() on cleanup: removing the element takes it out of the top layer anyway, and a
		// close event fired by a remount (React's strict mode) would tell the parent to close it.
		const dialog = ref.current
		if (dialog && !dialog.open) dialog.showModal()
	}, [])
	return (
		<dialog ref={ref} className={wide ? 'tr-dialog tr-dialog--wide' : 'tr-dialog'} data-testid={testId} aria-labelledby={titleId} onClose={onClose}>
			<header className="tr-dialog__header">
				<h2 className="tr-dialog__title" id={titleId}>
					{title}
				</h2>
				<button type="button" className="tr-dialog__close" aria-label="Close" onClick={onClose}>
					×
				</button>
			</header>
			<div className="tr-dialog__body">{children}</div>
		</dialog>
	)
}
