import { libFolderCycles } from './libFolderCycles'
import { importersByModule } from './testOnlyModules'

// The layering the folders promise (docs/architecture.md), checked on every `npm test`:
// lib/ is pure and shared, so it imports none of the app, the room or the UI; the UI and the room
// never reach into the app's routes; the browser's code never reaches the server-only modules
// (libSQL, the environment and its secrets, lib/server/), not even through a chain of lib/ imports;
// lib/api/ holds the wire contracts the browser and the room share, so it never reaches them either;
// the room never reaches the app's server-only layer or libSQL; bench/ and scripts/ stand on their
// own, without the test suites; and lib/'s folders form layers, with no cycle among them.

interface Rule {
	/** Why the rule exists, as the failure message says it. */
	reason: string
	from: (file: string) => boolean
	to: (file: string) => boolean
	/** Whether the rule covers what `from` reaches through other modules, not only its own imports. */
	transitive?: boolean
}

const under =
	(...dirs: string[]) =>
	(file: string) =>
		dirs.some((dir) => file.startsWith(dir))
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file)
const production = (inDirs: (file: string) => boolean) => (file: string) => inDirs(file) && !isTest(file)

const SERVER_ONLY = (file: string) => file.startsWith('lib/server/') || file.startsWith('lib/db/') || file === 'lib/env.ts' || file === 'lib/devSecret.mjs'

const IMPORT_RULES: readonly Rule[] = [
	{
		reason: 'lib/ is shared by the app, the room and the browser: it imports none of them',
		from: production(under('lib/')),
		to: under('app/', 'components/', 'party/'),
	},
	{ reason: 'components/ import contracts from lib/, never the app’s routes', from: production(under('components/')), to: under('app/') },
	{ reason: 'the room imports lib/, never the app or the UI', from: production(under('party/')), to: under('app/', 'components/') },
	{
		reason: 'the browser’s code never reaches libSQL, the environment or its secrets (server-only modules)',
		from: production(under('components/')),
		to: (file) => SERVER_ONLY(file) || file.startsWith('party/'),
		transitive: true,
	},
	{
		reason: 'lib/api/ holds wire contracts the browser and the room import: it never reaches the server-only modules',
		from: production(under('lib/api/')),
		to: SERVER_ONLY,
		transitive: true,
	},
	{
		reason: 'the room runs in workerd and reaches the database only through the app’s internal API',
		from: production(under('party/')),
		to: under('lib/server/', 'lib/db/'),
		transitive: true,
	},
	{
		reason: 'bench/ and scripts/ do not depend on the test suites (shared builders live in fixtures/)',
		from: under('bench/', 'scripts/'),
		to: under('tests/'),
	},
]

/** Each module's imports within the repository. */
function importsByModule(root: string): Map<string, string[]> {
	const imports = new Map<string, string[]>()
	for (const [target, importers] of importersByModule(root)) {
		for (const importer of importers) imports.set(importer, [...(imports.get(importer) ?? []), target])
	}
	return imports
}

/**
 * `a.ts → b.ts → c.ts` for every path that breaks a rule (the shortest one per rule and forbidden
 * module), then every loop among lib/'s folders.
 */
export function boundaryViolations(root: string, rules: readonly Rule[] = IMPORT_RULES): string[] {
	const imports = importsByModule(root)
	const violations: string[] = []
	for (const rule of rules) {
		const reached = new Map<string, string[]>()
		const queue: string[][] = [...imports.keys()].filter(rule.from).map((file) => [file])
		for (const chain of queue) {
			const last = chain.at(-1) ?? ''
			for (const target of imports.get(last) ?? []) {
				if (reached.has(target) || chain.includes(target)) continue
				const next = [...chain, target]
				reached.set(target, next)
				if (rule.to(target)) violations.push(`${next.join(' → ')}: ${rule.reason}`)
				else if (rule.transitive) queue.push(next)
			}
		}
	}
	return [...violations, ...libFolderCycles(imports)]
}
