import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { acquireBenchLock } from './lock'
import { packageBin, ROOT, runToCompletion } from './processes'

// The two production builds the bench serves: Threatroom's app and the bare <Tldraw/> page.
//
// Threatroom is built from a copy of its sources in bench/.build/app, never in the repo's .next:
// other people's builds and `next start`s use that directory while the bench runs. The party runs
// from the same copy (see APP_SOURCE_DIRS), so app and room are one snapshot of the working tree. The copy's
// next.config.ts is the app's own with type checking switched off (the output is the same; the
// repo's `npm run typecheck` checks the types, and a teammate's half-finished edit elsewhere must not
// stop a benchmark). A dot directory keeps the copy out of the repo's tsc and vitest globs.

const NEXT_BIN = packageBin('next')
const APP_BUILD_DIR = path.join(ROOT, 'bench', '.build', 'app')
const BARE_APP_DIR = path.join(ROOT, 'bench', 'bareTldraw')
const APP_STAMP = path.join(ROOT, 'bench', '.build', 'app.stamp')
const BARE_STAMP = path.join(BARE_APP_DIR, '.build-stamp')
const BUILD_TIMEOUT_MS = 10 * 60_000

/**
 * What the app build reads besides node_modules, and the party with it: `partykit dev` rebuilds and
 * restarts its rooms whenever a file it bundled changes, so while others edit lib/ the party must
 * run from this snapshot too, or every edit elsewhere would drop the bench's clients mid-measurement.
 */
const APP_SOURCE_DIRS = ['app', 'components', 'lib', 'party', 'public', 'drizzle']
const APP_SOURCE_FILES = ['next.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'partykit.json']
const TLDRAW_ASSET_DIRS = ['fonts', 'icons', 'translations', 'embed-icons']

export interface BuildResult {
	dir: string
	/** Wall time of `next build`; null when an up-to-date build was reused (smoke). */
	buildMs: number | null
}

/**
 * The party's sources for one run, copied out of `appDir` (the app's snapshot, or the repo): the
 * running `partykit dev` reloads whenever a file it bundled changes, so it gets files nobody else
 * writes while it runs. Removed by the caller after the party stopped.
 */
export function partyRunDir(appDir: string): string {
	const dir = path.join(ROOT, 'bench', '.build', `party-run-${process.pid}`)
	fs.rmSync(dir, { recursive: true, force: true })
	for (const entry of ['party', 'lib', 'partykit.json', 'tsconfig.json', 'package.json']) {
		const from = path.join(appDir, entry)
		if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true, filter: (source) => !/\.test\.tsx?$/.test(source) })
	}
	return dir
}

/** Unit tests and golden files are not part of the app; public/tldraw-assets is copied fresh. */
function isAppSource(relative: string): boolean {
	return !/\.test\.tsx?$/.test(relative) && !relative.includes('__golden__') && !relative.startsWith(path.join('public', 'tldraw-assets'))
}

function listFiles(dir: string, base = dir): string[] {
	if (!fs.existsSync(dir)) return []
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name)
		if (entry.isDirectory()) return listFiles(full, base)
		return entry.isFile() ? [path.relative(base, full)] : []
	})
}

function appSources(): string[] {
	const files = APP_SOURCE_DIRS.flatMap((dir) => listFiles(path.join(ROOT, dir)).map((file) => path.join(dir, file)))
	return [...files.filter(isAppSource), ...APP_SOURCE_FILES.filter((file) => fs.existsSync(path.join(ROOT, file)))].sort()
}

function hashFiles(root: string, files: string[], extra: string): string {
	const hash = createHash('sha256').update(extra)
	for (const file of files)
		hash
			.update(file)
			.update('\0')
			.update(fs.readFileSync(path.join(root, file)))
			.update('\0')
	return hash.digest('hex')
}

function nodeModuleVersions(): string {
	return ['next', 'tldraw', '@tldraw/sync', 'react']
		.map((name) => `${name}@${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version}`)
		.join(',')
}

function tldrawAssetsSource(): string {
	return path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('@tldraw/assets/package.json'))
}

function copyTldrawAssets(publicDir: string): void {
	const target = path.join(publicDir, 'tldraw-assets')
	fs.rmSync(target, { recursive: true, force: true })
	for (const dir of TLDRAW_ASSET_DIRS) fs.cpSync(path.join(tldrawAssetsSource(), dir), path.join(target, dir), { recursive: true })
}

/** The app's next.config.ts with type checking off; verbatim (type checking on) if its shape is unexpected. */
export function benchNextConfig(source: string): string {
	const exports = source.match(/^export default\s+/gm) ?? []
	if (exports.length !== 1) return source
	return `${source.replace(/^export default\s+/m, 'const __threatroomNextConfig = ')}
// Added by bench/lib/build.ts: same build, types are checked by \`npm run typecheck\` instead.
export default { ...__threatroomNextConfig, typescript: { ...__threatroomNextConfig.typescript, ignoreBuildErrors: true } }
`
}

async function nextBuild(name: string, dir: string, verbose: boolean): Promise<number> {
	const started = performance.now()
	await runToCompletion(name, [NEXT_BIN, 'build', dir], { env: { NEXT_TELEMETRY_DISABLED: '1' }, timeoutMs: BUILD_TIMEOUT_MS, verbose })
	return performance.now() - started
}

/**
 * The repo's own production build (`npm run build`, `npm test`), if it is newer than every source
 * file and the canvas assets are in public/: what CI has just built before the smoke run.
 */
function upToDateRootBuild(sources: string[]): boolean {
	const buildId = path.join(ROOT, '.next', 'BUILD_ID')
	if (!fs.existsSync(buildId) || !fs.existsSync(path.join(ROOT, 'public', 'tldraw-assets', 'fonts'))) return false
	const builtAt = fs.statSync(buildId).mtimeMs
	return sources.every((file) => fs.statSync(path.join(ROOT, file)).mtimeMs <= builtAt)
}

/**
 * Threatroom's production build. With `reuse` (smoke), an existing build of the same sources is
 * served instead of building: the bench's own (same content hash), else the repo's .next if it is
 * newer than every source file.
 */
export async function buildApp({ reuse, verbose = false }: { reuse: boolean; verbose?: boolean }): Promise<BuildResult> {
	acquireBenchLock('building the app')
	const sources = appSources()
	const stamp = hashFiles(ROOT, sources, nodeModuleVersions())
	const built = path.join(APP_BUILD_DIR, '.next', 'BUILD_ID')
	if (reuse && fs.existsSync(built) && fs.existsSync(APP_STAMP) && fs.readFileSync(APP_STAMP, 'utf8') === stamp) {
		return { dir: APP_BUILD_DIR, buildMs: null }
	}
	if (reuse && upToDateRootBuild(sources.filter((file) => !file.startsWith('public')))) return { dir: ROOT, buildMs: null }
	fs.rmSync(APP_BUILD_DIR, { recursive: true, force: true })
	fs.rmSync(APP_STAMP, { force: true })
	for (const file of sources) {
		fs.mkdirSync(path.dirname(path.join(APP_BUILD_DIR, file)), { recursive: true })
		fs.copyFileSync(path.join(ROOT, file), path.join(APP_BUILD_DIR, file))
	}
	fs.writeFileSync(path.join(APP_BUILD_DIR, 'next.config.ts'), benchNextConfig(fs.readFileSync(path.join(ROOT, 'next.config.ts'), 'utf8')))
	copyTldrawAssets(path.join(APP_BUILD_DIR, 'public'))
	const buildMs = await nextBuild('next build (threatroom)', APP_BUILD_DIR, verbose)
	fs.writeFileSync(APP_STAMP, stamp)
	return { dir: APP_BUILD_DIR, buildMs }
}

/** The bare <Tldraw/> app of bench/bareTldraw, built in place (its .next is the bench's own). */
export async function buildBareApp({ reuse, verbose = false }: { reuse: boolean; verbose?: boolean }): Promise<BuildResult> {
	acquireBenchLock('building the bare page')
	const sources = listFiles(BARE_APP_DIR).filter(
		(file) => !file.startsWith('.next') && !file.startsWith('public') && file !== '.build-stamp' && file !== 'next-env.d.ts',
	)
	const stamp = hashFiles(BARE_APP_DIR, sources.sort(), nodeModuleVersions())
	const built = path.join(BARE_APP_DIR, '.next', 'BUILD_ID')
	if (reuse && fs.existsSync(built) && fs.existsSync(BARE_STAMP) && fs.readFileSync(BARE_STAMP, 'utf8') === stamp) {
		return { dir: BARE_APP_DIR, buildMs: null }
	}
	fs.rmSync(path.join(BARE_APP_DIR, '.next'), { recursive: true, force: true })
	fs.rmSync(BARE_STAMP, { force: true })
	copyTldrawAssets(path.join(BARE_APP_DIR, 'public'))
	const buildMs = await nextBuild('next build (bare tldraw)', BARE_APP_DIR, verbose)
	fs.writeFileSync(BARE_STAMP, stamp)
	return { dir: BARE_APP_DIR, buildMs }
}
