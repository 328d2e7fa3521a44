'use client'

import { useEffect } from 'react'
import { react, type TLShapeId } from 'tldraw'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import type { SessionValue } from '../SessionContext'
import { focusElement } from './walkActions'

/**
 * In Analyse, the facilitator focuses an element by clicking it on the canvas. Only a change of
 * selection counts: Next/Previous move the focus without the selection having to disagree.
 */
export function useFocusFromSelection({ editor, model, role }: Pick<SessionValue, 'editor' | 'model' | 'role'>): void {
	useEffect(() => {
		if (!canFacilitate(role)) return
		let lastSelected: TLShapeId | null = editor.getOnlySelectedShapeId()
		return react('focus follows the facilitator’s selection', () => {
			const selected = editor.getOnlySelectedShapeId()
			if (selected === lastSelected) return
			lastSelected = selected
			if (selected === null || model.phase.get().phase !== 'analyse') return
			const element = model.elements.get().find((candidate) => candidate.shapeId === selected)
			if (!element || element.kind === 'boundary') return
			focusElement(editor, model, selected, { moveCamera: false })
		})
	}, [editor, model, role])
}
