'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

interface ToastAction {
	label: string
	testId: string
	onClick: () => void
}

export interface Toast {
	id: number
	message: string
	tone: 'info' | 'error'
	action?: ToastAction
}

export type NewToast = Omit<Toast, 'id'> & { durationMs?: number }

const DEFAULT_TOAST_MS = 6_000

/** A short-lived stack of messages: the room's refusals and the "Undo" after a delete. */
export function useToastQueue(): { toasts: Toast[]; push: (toast: NewToast) => void; dismiss: (id: number) => void } {
	const [toasts, setToasts] = useState<Toast[]>([])
	const nextId = useRef(1)
	const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())

	const dismiss = useCallback((id: number) => {
		const timer = timers.current.get(id)
		if (timer !== undefined) clearTimeout(timer)
		timers.current.delete(id)
		setToasts((current) => current.filter((toast) => toast.id !== id))
	}, [])

	const push = useCallback(
		({ durationMs = DEFAULT_TOAST_MS, ...toast }: NewToast) => {
			const id = nextId.current++
			// The same refusal twice in a row (a retried push) is one message, not a pile.
			setToasts((current) => [...current.filter((shown) => shown.message !== toast.message).slice(-3), { ...toast, id }])
			timers.current.set(
				id,
				setTimeout(() => dismiss(id), durationMs),
			)
		},
		[dismiss],
	)

	useEffect(() => {
		const pending = timers.current
		return () => {
			for (const timer of pending.values()) clearTimeout(timer)
		}
	}, [])

	return { toasts, push, dismiss }
}
