import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { build } from 'esbuild'

// Which of our modules the browser loads, and what each imports, as a bundler sees it: type-only
// and unused imports are gone. Starts from every 'use client' file, the boundary Next.js bundles
// for the page; packages stay unresolved, so an edge to 'zod' is the import as written.

export type ModuleImports = ReadonlyMap<string, readonly string[]>

function clientEntryPoints(root: string): string[] {
	const listed = execFileSync('git', ['grep', '-l', '-E', '^[\'"]use client[\'"]', '--', 'app', 'components'], { cwd: root, encoding: 'utf8' })
	return listed.split('\n').filter((file) => file !== '')
}

export async function browserModuleGraph(root: string): Promise<ModuleImports> {
	const result = await build({
		absWorkingDir: root,
		entryPoints: clientEntryPoints(root),
		bundle: true,
		write: false,
		metafile: true,
		outdir: 'out',
		platform: 'browser',
		format: 'esm',
		packages: 'external',
		alias: { '@': path.resolve(root) },
		jsx: 'automatic',
		loader: { '.css': 'empty' },
		logLevel: 'silent',
	})
	return new Map(Object.entries(result.metafile.inputs).map(([file, input]) => [file, input.imports.map((edge) => edge.path)]))
}
