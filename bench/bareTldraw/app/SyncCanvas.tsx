'use client'

import { useSync } from '@tldraw/sync'
import { inlineBase64AssetStore, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import { assetUrls } from './assetUrls'

function roomUri(): string {
	return new URLSearchParams(window.location.search).get('uri') ?? ''
}

export function SyncCanvas() {
	const store = useSync({ uri: roomUri, assets: inlineBase64AssetStore })
	return (
		<div style={{ position: 'fixed', inset: 0 }}>
			<Tldraw store={store} assetUrls={assetUrls} />
		</div>
	)
}
