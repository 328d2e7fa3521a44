// `npm run dev`: the Next.js dev server and the PartyKit room runtime, started and stopped together,
// and said ready once the routes a first join needs are compiled (scripts/lib/warmUp.mjs).

import { requireSupportedNode } from './lib/nodeVersion.mjs'
import { ensureInternalSecret, parsePort, spawnThreatroom, superviseUntilExit } from './lib/processes.mjs'
import { warmUp } from './lib/warmUp.mjs'

await requireSupportedNode('npm run dev')

const port = parsePort(process.env.PORT, 3000, 'PORT')
const partyPort = parsePort(process.env.PARTY_PORT, 1999, 'PARTY_PORT')
const secret = ensureInternalSecret()
const { next, party } = spawnThreatroom({ mode: 'dev', port, partyPort, secret })

console.log(`Threatroom (dev): starting the app on port ${port} and the rooms on port ${partyPort}, then compiling the pages a first join needs…`)
const startedAt = Date.now()
void warmUp({ appUrl: `http://127.0.0.1:${port}`, partyUrl: `http://127.0.0.1:${partyPort}`, secret }).then(
	() => console.log(`Threatroom (dev) is ready after ${Math.round((Date.now() - startedAt) / 1000)} s: open http://localhost:${port}. Ctrl-C stops both.`),
	(error) => console.error(`Threatroom (dev): ${error instanceof Error ? error.message : error}`),
)
await superviseUntilExit([next, party])
