import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { GENERATED_BLOCKS, renderMatrix, updateSecurityDoc } from './securityDoc'

const DOC = path.resolve(import.meta.dirname, '..', 'docs', 'security.md')

describe('docs/security.md', () => {
	it('holds the authorization matrix and fuzz figures the tests drive (npm run docs:security rewrites them)', () => {
		const document = fs.readFileSync(DOC, 'utf8')
		expect(updateSecurityDoc(document), 'docs/security.md is out of date: run `npm run docs:security`').toBe(document)
	})

	it('keeps every generated block between its markers, once', () => {
		const document = fs.readFileSync(DOC, 'utf8')
		for (const { start, end } of Object.values(GENERATED_BLOCKS)) {
			expect(document.split(start)).toHaveLength(2)
			expect(document.split(end)).toHaveLength(2)
		}
	})

	it('shows every cell of the matrix', () => {
		const matrix = renderMatrix()
		expect(matrix).toContain('| Draw on the canvas | ✅ | ✅ | ✅ | ❌ 1 | 🚫 | 🚫 |')
		expect(matrix).toContain('`POST /api/sessions/:id/links/rotate`) | ✅ 200 | ❌ 403 | ❌ 403 | ❌ 403 | ❌ 401 | ❌ 403 |')
	})
})
