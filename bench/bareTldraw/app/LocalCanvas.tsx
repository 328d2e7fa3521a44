'use client'

import { type Editor, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import { assetUrls } from './assetUrls'
import { benchDiagramShapes } from './benchDiagram'

function onMount(editor: Editor) {
	// What the join benchmark reads to see a click land (on the sync page tldraw's own window.tlsync).
	;(window as unknown as { __benchStore: Editor['store'] }).__benchStore = editor.store
	const count = Number(new URLSearchParams(window.location.search).get('shapes') ?? '0')
	if (count > 0) {
		const { shapes, bindings } = benchDiagramShapes(count)
		editor.run(() => {
			// The layout's ids are plain `shape:…` strings; tldraw brands them.
			editor.createShapes(shapes as unknown as Parameters<Editor['createShapes']>[0])
			editor.createBindings(bindings as unknown as Parameters<Editor['createBindings']>[0])
		})
	}
}

export function LocalCanvas() {
	return (
		<div style={{ position: 'fixed', inset: 0 }}>
			<Tldraw assetUrls={assetUrls} onMount={onMount} />
		</div>
	)
}
