// lib/'s folders are layers (docs/architecture.md): a folder imports only folders below it, so no
// two folders import each other, directly or around a longer loop. A cycle is reported as the chain
// of folders with one of the file imports that makes each step, so the failure says what to move.

const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file)

/** `lib/dfd/shapes/x.ts` → `lib/dfd`; a file directly in lib/ belongs to `lib/(root)`. */
function libFolder(file: string): string {
	const parts = file.split('/')
	return parts.length > 2 ? `${parts[0]}/${parts[1]}` : 'lib/(root)'
}

/** Between two folders, the first file import (in sorted order) that makes one import the other. */
function folderImports(imports: ReadonlyMap<string, readonly string[]>): Map<string, Map<string, string>> {
	const edges = new Map<string, Map<string, string>>()
	const fileEdges = [...imports]
		.filter(([file]) => file.startsWith('lib/') && !isTest(file))
		.flatMap(([file, targets]) => targets.filter((target) => target.startsWith('lib/')).map((target) => `${file} → ${target}`))
		.sort()
	for (const edge of fileEdges) {
		const [file = '', target = ''] = edge.split(' → ')
		const from = libFolder(file)
		const to = libFolder(target)
		if (from === to) continue
		const out = edges.get(from) ?? new Map<string, string>()
		if (!out.has(to)) out.set(to, edge)
		edges.set(from, out)
	}
	return edges
}

/** The shortest loop of folders from `start` back to it, or undefined when there is none. */
function shortestLoop(edges: ReadonlyMap<string, ReadonlyMap<string, string>>, start: string): string[] | undefined {
	const queue: string[][] = [[start]]
	const seen = new Set<string>()
	for (const path of queue) {
		for (const next of [...(edges.get(path.at(-1) ?? '')?.keys() ?? [])].sort()) {
			if (next === start) return [...path, start]
			if (seen.has(next)) continue
			seen.add(next)
			queue.push([...path, next])
		}
	}
	return undefined
}

/** `lib/a (lib/a/x.ts → lib/b/y.ts) → lib/b (lib/b/y.ts → lib/a/z.ts) → lib/a` for each distinct loop. */
export function libFolderCycles(imports: ReadonlyMap<string, readonly string[]>): string[] {
	const edges = folderImports(imports)
	const reported = new Set<string>()
	const cycles: string[] = []
	for (const start of [...edges.keys()].sort()) {
		const loop = shortestLoop(edges, start)
		if (loop === undefined) continue
		const key = [...new Set(loop)].sort().join(' ')
		if (reported.has(key)) continue
		reported.add(key)
		const steps = loop.slice(0, -1).map((folder, i) => `${folder} (${edges.get(folder)?.get(loop[i + 1] ?? '')})`)
		cycles.push(`${[...steps, start].join(' → ')}: lib/ folders are layers: a folder never imports one that imports it back`)
	}
	return cycles
}
