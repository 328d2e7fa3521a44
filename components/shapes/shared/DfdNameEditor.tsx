'use client'

import { useEffect, useRef } from 'react'
import { type Editor, type TLShapeId, useEditor } from 'tldraw'
import { NAME_MAX } from '@/lib/dfd/shapes/commonProps'
import type { DfdElementShape } from './DfdBoxShapeUtil'

/** Writes the new name as the properties panel would: one undoable update that syncs to the room. */
function commitName(editor: Editor, shapeId: TLShapeId, name: string) {
	const shape = editor.getShape<DfdElementShape>(shapeId)
	if (!shape || shape.props.name === name || editor.getIsReadonly()) return
	editor.updateShape<DfdElementShape>({ id: shapeId, type: shape.type, props: { name } })
}

/** Whether the focus is still where a press on the canvas leaves it, not in a field the user moved to. */
function focusIsOnCanvas(editor: Editor): boolean {
	const active = document.activeElement
	return active === null || active === document.body || editor.getContainer().contains(active)
}

export interface DfdNameEditorProps {
	shapeId: TLShapeId
	name: string
	className?: string
}

/**
 * Renames a DFD element in place while tldraw edits it (double-click, or Enter on the selection).
 * Enter, a click elsewhere and leaving the field all end editing, and ending it commits what was
 * typed; Escape ends it without writing. Until the user types, the field follows the name, so a
 * rename made meanwhile in the panel or by someone else is shown and never written over.
 */
export function DfdNameEditor({ shapeId, name, className }: DfdNameEditorProps) {
	const editor = useEditor()
	const input = useRef<HTMLInputElement>(null)
	const draft = useRef<string | null>(null)
	const cancelled = useRef(false)
	const ended = useRef(false)

	useEffect(() => {
		// A double-click mounts this during its second pointerdown; the browser then focuses the
		// canvas as that press's default action. Take the focus after it, unless the user has
		// already moved on to another field.
		const frame = requestAnimationFrame(() => {
			if (!focusIsOnCanvas(editor)) return
			input.current?.focus()
			input.current?.select()
		})
		return () => cancelAnimationFrame(frame)
	}, [editor])

	useEffect(() => {
		if (draft.current === null && input.current) input.current.value = name
	}, [name])

	useEffect(
		() => () => {
			if (!cancelled.current && draft.current !== null) commitName(editor, shapeId, draft.current)
		},
		[editor, shapeId],
	)

	// A listener on the field itself: tldraw listens for keys on its container, which a React
	// handler (delegated to the page's root) would only hear after tldraw had already acted on Escape.
	useEffect(() => {
		const field = input.current
		if (!field) return
		const onKeyDown = (event: KeyboardEvent) => {
			if (event.isComposing || (event.key !== 'Enter' && event.key !== 'Escape')) return
			ended.current = true
			if (event.key === 'Escape') cancelled.current = true
			event.preventDefault()
			editor.markEventAsHandled(event)
			if (event.key === 'Enter') editor.complete()
			else editor.cancel()
		}
		field.addEventListener('keydown', onKeyDown)
		return () => field.removeEventListener('keydown', onKeyDown)
	}, [editor])

	return (
		<input
			ref={input}
			className={className ? `dfd-name-editor ${className}` : 'dfd-name-editor'}
			data-testid="shape.nameEditor"
			aria-label="Name"
			defaultValue={name}
			maxLength={NAME_MAX}
			onChange={(event) => {
				draft.current = event.target.value
			}}
			// Leaving the field (for the panel, another window) ends editing like a click on the canvas.
			onBlur={() => {
				if (!ended.current && editor.getEditingShapeId() === shapeId) editor.complete()
			}}
			// A press in the field places the caret; the canvas must not take it as a click away.
			onPointerDown={(event) => editor.markEventAsHandled(event)}
		/>
	)
}
