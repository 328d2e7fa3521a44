// Copies tldraw's fonts, icons and translations into public/ so the canvas loads them from our own
// origin (lib/canvas/assetUrls.ts) instead of tldraw's CDN. Runs before dev, build and test.

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = path.dirname(createRequire(import.meta.url).resolve('@tldraw/assets/package.json'))
const TARGET = path.join(ROOT, 'public', 'tldraw-assets')
const ASSET_DIRS = ['fonts', 'icons', 'translations', 'embed-icons']

export function copyTldrawAssets() {
	// Start clean so files dropped by a tldraw upgrade don't linger.
	fs.rmSync(TARGET, { recursive: true, force: true })
	for (const dir of ASSET_DIRS) {
		fs.cpSync(path.join(SOURCE, dir), path.join(TARGET, dir), { recursive: true })
	}
	return TARGET
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const target = copyTldrawAssets()
	console.log(`tldraw assets copied to ${path.relative(ROOT, target)}/`)
}
