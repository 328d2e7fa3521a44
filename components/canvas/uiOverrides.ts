import type { TLUiOverrides } from 'tldraw'
import { DFD_KIND_LABEL, DFD_SHAPE_TYPES, type DfdKind } from '@/lib/dfd/elementKinds'
import { DFD_ICONS } from './icons'

type DfdShapeKind = Exclude<DfdKind, 'flow'>

/**
 * Keyboard shortcuts for the DFD tools. They take over the keys of tldraw tools our toolbar does
 * not offer (rectangle r, ellipse o, and draw's alias b); flow is the arrow (a), text stays t.
 */
const DFD_TOOL_SHORTCUTS: Record<DfdShapeKind, string> = {
	entity: 'r',
	process: 'o',
	multiprocess: 'm',
	store: 's',
	boundary: 'b',
}

const DFD_SHAPE_KINDS = Object.keys(DFD_SHAPE_TYPES) as DfdShapeKind[]

/** Registers the DFD tools with tldraw's UI (toolbar items, shortcuts, shortcut dialog labels). */
export const dfdUiOverrides: TLUiOverrides = {
	tools(editor, tools) {
		// Free the keys we reuse; the geo and draw tools remain reachable from code.
		const rectangle = tools.rectangle
		if (rectangle) tools.rectangle = { ...rectangle, kbd: undefined }
		const ellipse = tools.ellipse
		if (ellipse) tools.ellipse = { ...ellipse, kbd: undefined }
		const draw = tools.draw
		if (draw) tools.draw = { ...draw, kbd: 'd,x' }
		const arrow = tools.arrow
		if (arrow) tools.arrow = { ...arrow, label: 'tool.dfd-flow', icon: DFD_ICONS.flow }

		for (const kind of DFD_SHAPE_KINDS) {
			const id = DFD_SHAPE_TYPES[kind]
			tools[id] = {
				id,
				label: `tool.${id}`,
				icon: DFD_ICONS[kind],
				kbd: DFD_TOOL_SHORTCUTS[kind],
				onSelect() {
					editor.setCurrentTool(id)
				},
			}
		}
		return tools
	},
	translations: {
		en: {
			...Object.fromEntries(DFD_SHAPE_KINDS.map((kind) => [`tool.${DFD_SHAPE_TYPES[kind]}`, DFD_KIND_LABEL[kind]])),
			'tool.dfd-flow': DFD_KIND_LABEL.flow,
		},
	},
}
