// `npm run dev`: the Next.js dev server and the PartyKit room runtime, started and stopped together.

import { ensureInternalSecret, parsePort, spawnThreatroom, superviseUntilExit } from './lib/processes.mjs'

const port = parsePort(process.env.PORT, 3000, 'PORT')
const partyPort = parsePort(process.env.PARTY_PORT, 1999, 'PARTY_PORT')
const { next, party } = spawnThreatroom({ mode: 'dev', port, partyPort, secret: ensureInternalSecret() })

console.log(`Threatroom (dev): app http://localhost:${port}, party port ${partyPort}. Ctrl-C stops both.`)
await superviseUntilExit([next, party])
