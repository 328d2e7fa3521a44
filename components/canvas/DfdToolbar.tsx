'use client'

import { memo, useRef } from 'react'
import {
	TldrawUiButtonIcon,
	TldrawUiOrientationProvider,
	TldrawUiToolbar,
	TldrawUiToolbarButton,
	useEditor,
	usePassThroughWheelEvents,
	useReadonly,
	useTools,
	useTranslation,
	useValue,
} from 'tldraw'
import { DFD_SHAPE_TYPES } from '@/lib/dfd/elementKinds'

interface ToolbarEntry {
	/** The suffix of the test id: `toolbar.<testKey>`. */
	testKey: string
	toolId: string
	/** Shown under the icon: short enough for the button, plain enough for a first-time participant. */
	label: string
}

/** Always there, also for observers: look around, select to read properties. */
const NAVIGATION_TOOLS: ToolbarEntry[] = [
	{ testKey: 'select', toolId: 'select', label: 'Select' },
	{ testKey: 'hand', toolId: 'hand', label: 'Pan' },
]

/** Drawing tools; hidden from observers, whose canvas is read-only. */
const DRAWING_TOOLS: ToolbarEntry[] = [
	{ testKey: 'eraser', toolId: 'eraser', label: 'Erase' },
	{ testKey: 'entity', toolId: DFD_SHAPE_TYPES.entity, label: 'Entity' },
	{ testKey: 'process', toolId: DFD_SHAPE_TYPES.process, label: 'Process' },
	{ testKey: 'multiprocess', toolId: DFD_SHAPE_TYPES.multiprocess, label: 'Multi-process' },
	{ testKey: 'store', toolId: DFD_SHAPE_TYPES.store, label: 'Data store' },
	{ testKey: 'boundary', toolId: DFD_SHAPE_TYPES.boundary, label: 'Boundary' },
	{ testKey: 'flow', toolId: 'arrow', label: 'Data flow' },
	{ testKey: 'text', toolId: 'text', label: 'Text' },
]

/** "Process (O)": the tooltip and the name screen readers get, with the first shortcut if any. */
function toolTitle(label: string, kbd: string | undefined): string {
	const key = kbd?.split(',')[0]
	return key ? `${label} (${key.toUpperCase()})` : label
}

function ToolButton({ entry, activeToolId }: { entry: ToolbarEntry; activeToolId: string }) {
	const tools = useTools()
	const msg = useTranslation()
	const tool = tools[entry.toolId]
	if (!tool) return null
	const isSelected = activeToolId === entry.toolId
	return (
		<TldrawUiToolbarButton
			type="tool"
			className="dfd-toolbar__button"
			data-testid={`toolbar.${entry.testKey}`}
			data-value={entry.toolId}
			aria-pressed={isSelected ? 'true' : 'false'}
			title={toolTitle(msg(tool.label), tool.kbd)}
			onClick={() => tool.onSelect('toolbar')}
		>
			<TldrawUiButtonIcon icon={tool.icon} />
			<span className="dfd-toolbar__label" aria-hidden="true">
				{entry.label}
			</span>
		</TldrawUiToolbarButton>
	)
}

/**
 * The DFD toolbar, in the slot of tldraw's main toolbar (`components={{ Toolbar: DfdToolbar }}`).
 * Every button is always visible (no overflow menu) and names its tool under the icon, each with a
 * stable `toolbar.<kind>` test id.
 */
export const DfdToolbar = memo(function DfdToolbar() {
	const editor = useEditor()
	const isReadonly = useReadonly()
	const activeToolId = useValue('current tool id', () => editor.getCurrentToolId(), [editor])
	// Scrolling over the toolbar still zooms/pans the canvas, as over tldraw's own toolbar.
	const ref = useRef<HTMLDivElement>(null)
	usePassThroughWheelEvents(ref)
	const entries = isReadonly ? NAVIGATION_TOOLS : [...NAVIGATION_TOOLS, ...DRAWING_TOOLS]
	return (
		<TldrawUiOrientationProvider orientation="horizontal" tooltipSide="top">
			<div ref={ref} className="tlui-main-toolbar tlui-main-toolbar--horizontal dfd-toolbar" data-testid="toolbar">
				<div className="tlui-main-toolbar__inner">
					<div className="tlui-main-toolbar__left">
						<TldrawUiToolbar orientation="horizontal" className="tlui-main-toolbar__tools" label="DFD tools">
							{entries.map((entry) => (
								<ToolButton key={entry.testKey} entry={entry} activeToolId={activeToolId} />
							))}
						</TldrawUiToolbar>
					</div>
				</div>
			</div>
		</TldrawUiOrientationProvider>
	)
})
