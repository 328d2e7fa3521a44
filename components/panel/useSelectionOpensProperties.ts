'use client'

import { useEffect, useRef } from 'react'
import { type Editor, react, type TLShapeId } from 'tldraw'
import { dfdKindOfShapeType } from '@/lib/dfd/elementKinds'

/**
 * Selecting one DFD element on the canvas opens its properties. Not from the Analyse tab, where a
 * click on an element is the facilitator's way to focus the walk on it and the panel must stay on
 * its questions; nor while someone types in a panel form, whose draft would be lost.
 */
export function useSelectionOpensProperties(editor: Editor, showingAnalyse: boolean, openProperties: () => void): void {
	const stayPut = useRef(showingAnalyse)
	stayPut.current = showingAnalyse
	const open = useRef(openProperties)
	open.current = openProperties

	useEffect(() => {
		let lastSelected: TLShapeId | null = editor.getOnlySelectedShapeId()
		return react('selection opens the properties', () => {
			const selected = editor.getOnlySelectedShapeId()
			if (selected === lastSelected) return
			lastSelected = selected
			if (selected === null || stayPut.current || document.activeElement?.closest('.tr-sidebar form')) return
			const shape = editor.getShape(selected)
			if (shape && dfdKindOfShapeType(shape.type) !== null) open.current()
		})
	}, [editor])
}
