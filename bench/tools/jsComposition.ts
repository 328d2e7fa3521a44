// What the first-load JS of the session page is made of, next to the bare <Tldraw/> page's:
// `npx tsx bench/tools/jsComposition.ts [--reuse]`. Builds both apps again with browser source maps (in
// bench/.build/analyze-*, the measured builds stay untouched), loads each page once as the join
// benchmark does, and attributes every byte of the JS each page loaded to the package or source
// folder it came from (raw bytes; gzip does not split by source). For the "what dominates" of
// the first-load-JS figure in BENCHMARKS.md.

import '../lib/shims'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { benchConfig } from '../config'
import { benchNextConfig } from '../lib/build'
import { acquireBenchLock } from '../lib/lock'
import { packageBin, ROOT, runToCompletion, stopAllProcesses } from '../lib/processes'
import { startStack } from '../lib/stack'
import { type JoinPage, measureJoin } from '../measure/join'

const ANALYZE_APP = path.join(ROOT, 'bench', '.build', 'analyze-app')
const ANALYZE_BARE = path.join(ROOT, 'bench', '.build', 'analyze-bare')
const NEXT_BIN = packageBin('next')

/** The bench's next.config (see lib/build.ts) with browser source maps on. */
function withSourceMaps(benchConfigSource: string): string {
	if (!/^export default \{ /m.test(benchConfigSource)) throw new Error('unexpected next.config.ts shape')
	return benchConfigSource.replace(/^export default \{ /m, 'export default { productionBrowserSourceMaps: true, ')
}

async function prepare(): Promise<void> {
	const app = path.join(ROOT, 'bench', '.build', 'app')
	if (!fs.existsSync(path.join(app, 'next.config.ts'))) throw new Error('run `npm run bench` once first (it makes bench/.build/app)')
	for (const [from, to] of [
		[app, ANALYZE_APP],
		[path.join(ROOT, 'bench', 'bareTldraw'), ANALYZE_BARE],
	] as const) {
		fs.rmSync(to, { recursive: true, force: true })
		fs.cpSync(from, to, { recursive: true, filter: (source) => !source.includes(`${path.sep}.next`) })
		const tsconfig = path.join(to, 'tsconfig.json')
		const parsed = JSON.parse(fs.readFileSync(tsconfig, 'utf8')) as { extends?: string }
		if (parsed.extends) parsed.extends = path.relative(to, path.resolve(from, parsed.extends))
		fs.writeFileSync(tsconfig, JSON.stringify(parsed, null, '\t'))
		const configFile = path.join(to, 'next.config.ts')
		const source = fs.readFileSync(configFile, 'utf8')
		fs.writeFileSync(configFile, withSourceMaps(to === ANALYZE_APP ? source : benchNextConfig(source)))
		await runToCompletion(`next build ${path.basename(to)}`, [NEXT_BIN, 'build', to], { env: { NEXT_TELEMETRY_DISABLED: '1' }, timeoutMs: 10 * 60_000 })
	}
}

// --- source maps: VLQ segments, index maps, bytes per source ------------------------------

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = new Map([...BASE64].map((char, i) => [char, i]))

function decodeSegment(segment: string): number[] {
	const values: number[] = []
	let value = 0
	let shift = 0
	for (const char of segment) {
		const digit = DIGIT.get(char) ?? 0
		value += (digit & 31) << shift
		if (digit & 32) shift += 5
		else {
			values.push(value & 1 ? -(value >>> 1) : value >>> 1)
			value = 0
			shift = 0
		}
	}
	return values
}

interface RawMap {
	sources?: string[]
	mappings?: string
	sections?: { offset: { line: number; column: number }; map: RawMap }[]
}

/** Adds bytes per source of the generated `lines` covered by `map`, placed at `offset`. */
function attribute(map: RawMap, lines: string[], offset: { line: number; column: number }, bytes: Map<string, string[]>): void {
	if (map.sections) {
		for (const section of map.sections) attribute(section.map, lines, { line: offset.line + section.offset.line, column: section.offset.column }, bytes)
		return
	}
	const sources = map.sources ?? []
	let sourceIndex = 0
	;(map.mappings ?? '').split(';').forEach((lineMappings, lineIndex) => {
		const line = lines[offset.line + lineIndex] ?? ''
		const segments = lineMappings ? lineMappings.split(',').map(decodeSegment) : []
		const starts: { at: number; source: string }[] = []
		let generated = lineIndex === 0 ? offset.column : 0
		for (const segment of segments) {
			generated += segment[0] ?? 0
			if (segment.length >= 4) {
				sourceIndex += segment[1] ?? 0
				starts.push({ at: generated, source: sources[sourceIndex] ?? '(unknown)' })
			} else starts.push({ at: generated, source: '(unmapped)' })
		}
		for (let i = 0; i < starts.length; i++) {
			const start = starts[i]
			if (!start) continue
			const end = starts[i + 1]?.at ?? line.length
			const text = line.slice(start.at, end)
			const list = bytes.get(start.source) ?? []
			list.push(text)
			bytes.set(start.source, list)
		}
	})
}

/** `tldraw`, `@tldraw/editor`, `components/panel`, `lib/analysis`… */
function groupOf(source: string): string {
	const normalised = decodeURIComponent(source).replace(/\\/g, '/')
	const nodeModules = normalised.lastIndexOf('node_modules/')
	if (nodeModules >= 0) {
		const parts = normalised.slice(nodeModules + 'node_modules/'.length).split('/')
		return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source)
	}
	const project = normalised.replace(/^.*\[project\]\//, '').replace(/^(.*\/)?bench\/\.build\/analyze-(app|bare)\//, '')
	const parts = project.split('/')
	return parts.length > 2 ? `${parts[0]}/${parts[1]}` : project
}

const rawBytes = (texts: string[] | undefined) => (texts ?? []).reduce((sum, text) => sum + Buffer.byteLength(text), 0)

/** Raw bytes per group, and each group's text (to estimate what it weighs gzipped). */
function composition(buildDir: string, scripts: string[]): Map<string, string[]> {
	const groups = new Map<string, string[]>()
	const add = (group: string, texts: string[]) => groups.set(group, [...(groups.get(group) ?? []), ...texts])
	for (const script of scripts) {
		const file = path.join(buildDir, '.next', script.replace(/^\/_next\//, ''))
		const code = fs.readFileSync(file, 'utf8')
		// Turbopack names a chunk's map after its own hash: follow the chunk's sourceMappingURL.
		const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1]
		const mapFile = mapName ? path.join(path.dirname(file), mapName) : `${file}.map`
		if (!fs.existsSync(mapFile)) {
			add('(no source map)', [code])
			continue
		}
		const bySource = new Map<string, string[]>()
		attribute(JSON.parse(fs.readFileSync(mapFile, 'utf8')) as RawMap, code.split('\n'), { line: 0, column: 0 }, bySource)
		const mapped = [...bySource.values()].reduce((sum, texts) => sum + rawBytes(texts), 0)
		add('(line breaks, unmapped)', [' '.repeat(Math.max(0, Buffer.byteLength(code) - mapped))])
		for (const [source, texts] of bySource) add(groupOf(source), texts)
	}
	return groups
}

/** Each group compressed on its own: an estimate (gzip's window spans groups in the real chunks). */
const gzipBytes = (texts: string[] | undefined) => (texts?.length ? gzipSync(texts.join('')).byteLength : 0)

try {
	acquireBenchLock('bench/tools/jsComposition.ts')
	// --reuse: attribute with the analysis builds of the previous call.
	if (!process.argv.includes('--reuse') || !fs.existsSync(path.join(ANALYZE_BARE, '.next', 'BUILD_ID'))) await prepare()
	const stack = await startStack({ appDir: ANALYZE_APP, bareAppDir: ANALYZE_BARE, verbose: false })
	const config = { ...benchConfig(true), reps: 1 }
	const { loads } = await measureJoin(stack, config, () => {})
	const byPage = new Map<JoinPage, Map<string, string[]>>()
	for (const load of loads) {
		const scripts = load.scripts.map((script) => script.path)
		byPage.set(load.page, composition(load.page === 'ours' ? ANALYZE_APP : ANALYZE_BARE, scripts))
	}
	const ours = byPage.get('ours') ?? new Map<string, string[]>()
	const bare = byPage.get('bareLocal') ?? new Map<string, string[]>()
	const diff = (key: string) => rawBytes(ours.get(key)) - rawBytes(bare.get(key))
	const keys = [...new Set([...ours.keys(), ...bare.keys()])].sort((a, b) => diff(b) - diff(a))
	const kib = (value: number) => (value / 1024).toFixed(1)
	console.log('| source | session page: raw KiB (gzip est.) | bare <Tldraw/>: raw KiB (gzip est.) | difference raw KiB |\n|---|---|---|---|')
	for (const key of keys) {
		if (Math.abs(diff(key)) < 1024) continue
		console.log(
			`| ${key} | ${kib(rawBytes(ours.get(key)))} (${kib(gzipBytes(ours.get(key)))}) | ${kib(rawBytes(bare.get(key)))} (${kib(gzipBytes(bare.get(key)))}) | ${diff(key) >= 0 ? '+' : ''}${kib(diff(key))} |`,
		)
	}
	const total = (map: Map<string, string[]>) => [...map.values()].reduce((sum, texts) => sum + rawBytes(texts), 0)
	console.log(`| **total** | ${kib(total(ours))} | ${kib(total(bare))} | +${kib(total(ours) - total(bare))} |`)
} finally {
	await stopAllProcesses()
}
