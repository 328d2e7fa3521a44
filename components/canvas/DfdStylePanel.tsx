'use client'

import { useState } from 'react'
import {
	DefaultColorStyle,
	DefaultStylePanel,
	getColorValue,
	StylePanelColorPicker,
	TldrawUiButton,
	TldrawUiPopover,
	TldrawUiPopoverContent,
	TldrawUiPopoverTrigger,
	useEditor,
	useRelevantStyles,
	useValue,
} from 'tldraw'

const COLOUR_ONLY = [DefaultColorStyle] as const

/**
 * Replaces tldraw's style panel (`components={{ StylePanel }}`): dash, size, fill, font and opacity
 * mean nothing in a DFD, and DFD elements have no style at all. What is left is colour, for flows
 * and text, behind a button that starts closed. Nothing shows when no selected shape or current
 * tool takes a colour, rather than tldraw's panel for the next shape.
 */
export function DfdStylePanel() {
	const editor = useEditor()
	const [open, setOpen] = useState(false)
	const styles = useRelevantStyles(COLOUR_ONLY)
	const swatch = useValue('dfd colour', () => {
		if (editor.isIn('select') && editor.getSelectedShapeIds().length === 0) return null
		const color = editor.getSharedStyles().get(DefaultColorStyle)
		if (!color) return null
		const colors = editor.getCurrentTheme().colors[editor.getColorMode()]
		return color.type === 'shared' ? getColorValue(colors, color.value, 'solid') : 'transparent'
	}, [editor])
	if (!swatch || !styles) return null
	return (
		<TldrawUiPopover id="dfd colour" open={open} onOpenChange={setOpen}>
			<TldrawUiPopoverTrigger>
				<TldrawUiButton type="normal" className="dfd-style-toggle" data-testid="style.toggle" title="Colour of the selection">
					<span className="dfd-style-toggle__swatch" style={{ background: swatch }} aria-hidden="true" />
					Colour
				</TldrawUiButton>
			</TldrawUiPopoverTrigger>
			<TldrawUiPopoverContent side="bottom" align="end">
				<DefaultStylePanel isMobile styles={styles}>
					<StylePanelColorPicker />
				</DefaultStylePanel>
			</TldrawUiPopoverContent>
		</TldrawUiPopover>
	)
}
