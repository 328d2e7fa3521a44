import fs from 'node:fs'
import path from 'node:path'

// Which production modules exist only for tests. A helper that tests need lives in tests/fixtures
// (or fixtures/ when bench or scripts need it too), so lib/, components/ and app/ hold only what
// the app, the room or the browser run.

const SOURCE = /\.(ts|tsx|mjs)$/
const SKIPPED_DIRS = new Set(['node_modules', '.next', '.partykit', '.git', 'data', 'public', 'test-results', 'playwright-report'])
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g
const PRODUCTION_DIRS = ['lib/', 'components/', 'app/']

/** Code that runs only under a test runner: test files, the tests/ folder, the fixtures/ folder. */
function isTestCode(file: string): boolean {
	return /\.(test|spec)\.tsx?$/.test(file) || file.startsWith('tests/') || file.startsWith('fixtures/')
}

/** Next.js loads these app/ files itself, by their names: nothing imports them but tests. */
const NEXT_ENTRY = /^app\/.*\/?(route|page|layout|loading|error|not-found|global-error|template|default)\.tsx?$/

function isProductionModule(file: string): boolean {
	return PRODUCTION_DIRS.some((dir) => file.startsWith(dir)) && !isTestCode(file) && !NEXT_ENTRY.test(file)
}

/** A lib/ file named like a test helper: `test…`, `…TestKit.ts`, `…Fixtures.ts`, or in a `__fixtures__` folder. */
export function hasTestHelperName(file: string): boolean {
	const name = path.basename(file)
	const helperName = name.startsWith('test') || name.endsWith('TestKit.ts') || name.endsWith('Fixtures.ts') || file.includes('/__fixtures__/')
	return file.startsWith('lib/') && !isTestCode(file) && helperName
}

/** Every file under lib/, data included, so a JSON fixture is caught as well as a module. */
export function libFiles(root: string, dir = 'lib'): string[] {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = `${dir}/${entry.name}`
		return entry.isDirectory() ? libFiles(root, relative) : [relative]
	})
}

function sourceFiles(root: string, dir = ''): string[] {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = dir ? `${dir}/${entry.name}` : entry.name
		if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(root, relative)
		return SOURCE.test(entry.name) ? [relative] : []
	})
}

function resolveImport(root: string, from: string, spec: string): string | undefined {
	let base: string
	if (spec.startsWith('@/')) base = spec.slice(2)
	else if (spec.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec))
	else return undefined
	const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.tsx`]
	return candidates.find((candidate) => fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile())
}

/** For every repository module, the modules that import it. */
export function importersByModule(root: string): Map<string, string[]> {
	const importers = new Map<string, string[]>()
	for (const file of sourceFiles(root)) {
		for (const match of fs.readFileSync(path.join(root, file), 'utf8').matchAll(IMPORT)) {
			const spec = match[1]
			const target = spec === undefined ? undefined : resolveImport(root, file, spec)
			if (target === undefined || target === file) continue
			importers.set(target, [...(importers.get(target) ?? []), file])
		}
	}
	return importers
}

/** Production modules that something imports, but only tests do. */
export function testOnlyProductionModules(root: string): string[] {
	return [...importersByModule(root)]
		.filter(([file, users]) => isProductionModule(file) && users.every(isTestCode))
		.map(([file]) => file)
		.sort()
}
