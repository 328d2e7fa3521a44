import { preload } from 'react-dom'
import { assetUrls } from '@/lib/canvas/assetUrls'

/**
 * The faces tldraw waits for before it draws a session's diagram: the DFD elements' sans
 * (components/shapes/shared/DfdBoxShapeUtil.tsx) and the flows' labels in tldraw's draw font.
 */
const CANVAS_FONTS = ['tldraw_sans', 'tldraw_sans_bold', 'tldraw_sans_italic', 'tldraw_draw'] as const

/**
 * From the page's head, so they download while the link is checked and the canvas chunk loads,
 * instead of after the editor asks for them (BENCHMARKS.md, section 3).
 */
export function preloadCanvasFonts(): void {
	for (const font of CANVAS_FONTS) preload(assetUrls.fonts[font], { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' })
}
