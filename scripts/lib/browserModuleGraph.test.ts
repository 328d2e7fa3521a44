import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { browserModuleGraph, type ModuleImports } from './browserModuleGraph'

const root = path.resolve(import.meta.dirname, '../..')

describe('what the browser loads', () => {
	let graph: ModuleImports
	beforeAll(async () => {
		graph = await browserModuleGraph(root)
	})

	it('never imports classic zod: one such import ships all of it (~32 KiB gzip, BENCHMARKS.md §4); the browser uses zod/mini', () => {
		expect(graph.size).toBeGreaterThan(100)
		const classic = [...graph].filter(([, imports]) => imports.some((spec) => spec === 'zod' || spec.startsWith('zod/v'))).map(([file]) => file)
		expect(classic).toEqual([])
	})

	it('imports @tldraw/sync-core by name only, so the server half (TLSocketRoom, storage) is left out', () => {
		const users = [...graph].filter(([, imports]) => imports.includes('@tldraw/sync-core')).map(([file]) => file)
		expect(users.length).toBeGreaterThan(0)
		const namespaceImport = /import\s+\*\s+as\s+\w+\s+from\s+['"]@tldraw\/sync-core['"]/
		const namespaceImports = users.filter((file) => namespaceImport.test(fs.readFileSync(path.join(root, file), 'utf8')))
		expect(namespaceImports).toEqual([])
	})
})
