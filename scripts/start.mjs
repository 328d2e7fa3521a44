// `npm start`: the production app (after `npm run build`) with the PartyKit room runtime beside it.

import fs from 'node:fs'
import path from 'node:path'
import { copyTldrawAssets } from './copyTldrawAssets.mjs'
import { requireSupportedNode } from './lib/nodeVersion.mjs'
import { ensureInternalSecret, parsePort, ROOT, spawnThreatroom, superviseUntilExit } from './lib/processes.mjs'

await requireSupportedNode('npm start')

if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
	console.error('No production build found: run `npm run build` first.')
	process.exit(1)
}
// public/ is read from disk at runtime, so make sure the canvas assets are there even if the
// build happened in another checkout.
copyTldrawAssets()

const port = parsePort(process.env.PORT, 3000, 'PORT')
const partyPort = parsePort(process.env.PARTY_PORT, 1999, 'PARTY_PORT')
const { next, party } = spawnThreatroom({ mode: 'start', port, partyPort, secret: ensureInternalSecret() })

console.log(`Threatroom: app http://localhost:${port}, party port ${partyPort}. Ctrl-C stops both.`)
await superviseUntilExit([next, party])
