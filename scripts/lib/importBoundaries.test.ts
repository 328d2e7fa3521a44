import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { boundaryViolations } from './importBoundaries'

const root = path.resolve(import.meta.dirname, '../..')

function tree(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-boundaries-'))
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
		fs.writeFileSync(path.join(dir, file), text)
	}
	return dir
}

describe('import boundaries', () => {
	it('hold in this repository', () => {
		expect(boundaryViolations(root)).toEqual([])
	})

	it('catch a component that reaches libSQL through a chain of lib/ modules', () => {
		const dir = tree({
			'components/Panel.tsx': "import { label } from '@/lib/session/label'\n",
			'lib/session/label.ts': "import { count } from '../db/counts'\nexport const label = count\n",
			'lib/db/counts.ts': 'export const count = 1\n',
		})
		expect(boundaryViolations(dir)).toEqual([
			'components/Panel.tsx → lib/session/label.ts → lib/db/counts.ts: the browser’s code never reaches libSQL, the environment or its secrets (server-only modules)',
		])
	})

	it('catch lib/ importing the UI, a component importing a route, and bench importing the tests', () => {
		const dir = tree({
			'lib/a.ts': "import { B } from '@/components/B'\n",
			'components/B.tsx': "export { x } from '@/app/api/x/route'\nexport const B = 1\n",
			'app/api/x/route.ts': 'export const x = 1\n',
			'bench/run.ts': "import { y } from '../tests/support/y'\n",
			'tests/support/y.ts': 'export const y = 1\n',
		})
		expect(boundaryViolations(dir).map((violation) => violation.split(':')[0])).toEqual([
			'lib/a.ts → components/B.tsx',
			'components/B.tsx → app/api/x/route.ts',
			'bench/run.ts → tests/support/y.ts',
		])
	})
})
