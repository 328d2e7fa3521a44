'use client'

import type { Toast } from './toastQueue'

/** Bottom-left of the canvas, above tldraw's own UI; polite for info, assertive for refusals. */
export function ToastStack({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
	return (
		<div className="tr-toasts" aria-live="polite">
			{toasts.map((toast) => (
				<div key={toast.id} className={`tr-toast tr-toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
					<span className="tr-toast__message">{toast.message}</span>
					{toast.action && (
						<button
							type="button"
							className="tr-toast__action"
							data-testid={toast.action.testId}
							onClick={() => {
								toast.action?.onClick()
								onDismiss(toast.id)
							}}
						>
							{toast.action.label}
						</button>
					)}
					<button type="button" className="tr-toast__close" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
						×
					</button>
				</div>
			))}
		</div>
	)
}
