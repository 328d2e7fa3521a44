// `npm run bench:report` — BENCHMARKS.md from the committed raw results (bench/results/full.json)
// and the analysis template (bench/analysis.md), without measuring anything. `--check` only says
// whether BENCHMARKS.md is what they give (exit 1 if not).

import fs from 'node:fs'
import path from 'node:path'
import { BENCHMARKS, REPO, renderCommittedBenchmarks } from './report/files'

const file = path.join(REPO, BENCHMARKS)
const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
const rendered = renderCommittedBenchmarks()

if (process.argv.includes('--check')) {
	if (rendered !== current) {
		console.error(`${BENCHMARKS} is not what bench/results/full.json and bench/analysis.md give: run \`npm run bench:report\``)
		process.exit(1)
	}
	console.log(`${BENCHMARKS} is up to date`)
} else if (rendered === current) {
	console.log(`${BENCHMARKS} is up to date`)
} else {
	fs.writeFileSync(file, rendered)
	console.log(`${BENCHMARKS} written from bench/results/full.json and bench/analysis.md`)
}
