// `npm run docs:security`: rewrites the generated blocks of docs/security.md from the test tables
// (see scripts/securityDoc.ts). `--check` only reports whether the document is up to date (exit 1).

import fs from 'node:fs'
import path from 'node:path'
import { updateSecurityDoc } from './securityDoc'

const file = path.resolve(import.meta.dirname, '..', 'docs', 'security.md')
const current = fs.readFileSync(file, 'utf8')
const updated = updateSecurityDoc(current)

if (process.argv.includes('--check')) {
	if (updated !== current) {
		console.error('docs/security.md is out of date: run `npm run docs:security`')
		process.exit(1)
	}
	console.log('docs/security.md is up to date')
} else if (updated === current) {
	console.log('docs/security.md is up to date')
} else {
	fs.writeFileSync(file, updated)
	console.log('docs/security.md updated')
}
