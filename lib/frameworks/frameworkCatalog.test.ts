import { describe, expect, it } from 'vitest'
import { FRAMEWORK_CATALOG, getCategory, isCategoryOf } from './frameworkCatalog'
import { FRAMEWORKS } from '@/lib/sessionEnums'
import { frameworkIdSchema } from './frameworkTypes'

describe('framework catalog', () => {
	it('has one definition per framework id, keyed by its own id', () => {
		for (const id of FRAMEWORKS) expect(FRAMEWORK_CATALOG[id].id).toBe(id)
	})

	it.each(FRAMEWORKS)('gives every %s category a unique id, a name, a question and one or two examples', (id) => {
		const categories = FRAMEWORK_CATALOG[id].categories
		expect(new Set(categories.map((category) => category.id)).size).toBe(categories.length)
		for (const category of categories) {
			expect(category.name.length).toBeGreaterThan(0)
			expect(category.question).toMatch(/\?$/)
			expect(category.examples.length).toBeGreaterThanOrEqual(1)
			expect(category.examples.length).toBeLessThanOrEqual(2)
			for (const example of category.examples) expect(example.length).toBeGreaterThan(20)
		}
	})

	it('has the established number of categories per framework', () => {
		expect(FRAMEWORK_CATALOG.STRIDE.categories).toHaveLength(6)
		expect(FRAMEWORK_CATALOG.LINDDUN.categories).toHaveLength(7)
		expect(FRAMEWORK_CATALOG.CIA.categories).toHaveLength(3)
		expect(FRAMEWORK_CATALOG.DIE.categories).toHaveLength(3)
		expect(FRAMEWORK_CATALOG.PLOT4ai.categories).toHaveLength(8)
	})

	it('only returns category ids that exist in the framework', () => {
		for (const id of FRAMEWORKS) {
			const known = new Set<string>(FRAMEWORK_CATALOG[id].categories.map((category) => category.id))
			for (const kind of ['entity', 'process', 'multiprocess', 'store', 'flow'] as const) {
				for (const categoryId of FRAMEWORK_CATALOG[id].categoriesFor({ kind, isLog: true })) {
					expect(known.has(categoryId)).toBe(true)
				}
			}
		}
	})

	it('recognises a category id only within its own framework', () => {
		expect(isCategoryOf('LINDDUN', 'Nr')).toBe(true)
		expect(isCategoryOf('STRIDE', 'Nr')).toBe(false)
		expect(getCategory('STRIDE', 'E')?.name).toBe('Elevation of privilege')
		expect(getCategory('STRIDE', 'X')).toBeUndefined()
	})

	it('rejects a framework name that is not one of ours', () => {
		expect(frameworkIdSchema.safeParse('PASTA').success).toBe(false)
		expect(frameworkIdSchema.safeParse('PLOT4ai').success).toBe(true)
	})
})
