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

	it('catch a component, the wire contracts or the room reaching the server-only layer', () => {
		const dir = tree({
			'components/Gate.tsx': "import { role } from '@/lib/session/role'\n",
			'lib/session/role.ts': "export { role } from '../server/sessionAccess'\n",
			'lib/server/sessionAccess.ts': "import 'server-only'\nexport const role = 'observer'\n",
			'lib/api/summary.ts': "import { row } from '../session/row'\nexport const summary = row\n",
			'lib/session/row.ts': "import { rows } from '@/lib/db/rows'\nexport const row = rows\n",
			'lib/db/rows.ts': 'export const rows = 1\n',
			'party/auth.ts': "import { role } from '@/lib/server/sessionAccess'\n",
		})
		expect(boundaryViolations(dir).map((violation) => violation.split(':')[0])).toEqual([
			'components/Gate.tsx → lib/session/role.ts → lib/server/sessionAccess.ts',
			'lib/api/summary.ts → lib/session/row.ts → lib/db/rows.ts',
			'party/auth.ts → lib/server/sessionAccess.ts',
		])
	})

	it('catch a loop among lib/ folders, with one import for each step, and ignore what tests import', () => {
		const dir = tree({
			'lib/canvas/schema.ts': "import { shape } from '../dfd/shape'\nexport const schema = shape\n",
			'lib/dfd/shape.ts': "import { bounded } from '@/lib/session/validators'\nexport const shape = bounded\n",
			'lib/session/validators.ts': "import { schema } from '../canvas/schema'\nexport const bounded = schema\n",
			'lib/session/other.test.ts': "import { schema } from '../canvas/schema'\n",
			'lib/risk/score.ts': 'export const score = 1\n',
			'lib/reports/view.ts': "import { score } from '../risk/score'\n",
		})
		expect(boundaryViolations(dir)).toEqual([
			'lib/canvas (lib/canvas/schema.ts → lib/dfd/shape.ts) → lib/dfd (lib/dfd/shape.ts → lib/session/validators.ts) → lib/session (lib/session/validators.ts → lib/canvas/schema.ts) → lib/canvas: lib/ folders are layers: a folder never imports one that imports it back',
		])
	})

	it('count the files directly in lib/ as one folder of their own', () => {
		const dir = tree({
			'lib/escape.ts': "import { tag } from './reports/tag'\nexport const escape = tag\n",
			'lib/reports/tag.ts': "import { escape } from '../escape'\nexport const tag = escape\n",
		})
		expect(boundaryViolations(dir).map((violation) => violation.split(': ')[0])).toEqual([
			'lib/(root) (lib/escape.ts → lib/reports/tag.ts) → lib/reports (lib/reports/tag.ts → lib/escape.ts) → lib/(root)',
		])
	})
})
