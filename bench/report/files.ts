import fs from 'node:fs'
import path from 'node:path'
import { renderBenchmarks } from './render'
import { type BenchResultsFile, benchResultsSchema } from './schema'

// Where the committed results, the analysis template and BENCHMARKS.md live, and the one way to
// read results: through the schema, so a hand-edited or truncated file fails with what is wrong.

export const REPO = path.resolve(import.meta.dirname, '..', '..')
export const FULL_RESULTS = 'bench/results/full.json'
const ANALYSIS = 'bench/analysis.md'
export const BENCHMARKS = 'BENCHMARKS.md'

export function readResults(file: string): BenchResultsFile {
	const parsed = benchResultsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
	if (!parsed.success) throw new Error(`${path.relative(REPO, file)} does not match the results schema (bench/report/schema.ts):\n${parsed.error.message}`)
	return parsed.data
}

export function writeResults(file: string, results: BenchResultsFile): void {
	fs.mkdirSync(path.dirname(file), { recursive: true })
	fs.writeFileSync(file, `${JSON.stringify(benchResultsSchema.parse(results), null, '\t')}\n`)
}

/** BENCHMARKS.md as the committed results and analysis give it. */
export function renderCommittedBenchmarks(): string {
	const results = readResults(path.join(REPO, FULL_RESULTS))
	const analysis = fs.readFileSync(path.join(REPO, ANALYSIS), 'utf8')
	return renderBenchmarks(results, analysis, { resultsPath: FULL_RESULTS, analysisPath: ANALYSIS })
}
