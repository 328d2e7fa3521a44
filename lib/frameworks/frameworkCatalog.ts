import { CIA, type CiaCategoryId } from './cia'
import { DIE, type DieCategoryId } from './die'
import type { ApplicabilityInput, FrameworkCategory, FrameworkDefinition, FrameworkId } from './frameworkTypes'
import { LINDDUN, type LinddunCategoryId } from './linddun'
import { PLOT4AI, type Plot4aiCategoryId } from './plot4ai'
import { STRIDE, type StrideCategoryId } from './stride'

type CategoryIdByFramework = {
	STRIDE: StrideCategoryId
	LINDDUN: LinddunCategoryId
	CIA: CiaCategoryId
	DIE: DieCategoryId
	PLOT4ai: Plot4aiCategoryId
}

/** A category id of one framework (ids are only unique within their framework). */
export type CategoryId<F extends FrameworkId = FrameworkId> = CategoryIdByFramework[F]

export type FrameworkCatalog = {
	readonly [F in FrameworkId]: FrameworkDefinition<F, CategoryId<F>>
}

export const FRAMEWORK_CATALOG: FrameworkCatalog = { STRIDE, LINDDUN, CIA, DIE, PLOT4ai: PLOT4AI }

export function getFramework<F extends FrameworkId>(framework: F): FrameworkCatalog[F] {
	return FRAMEWORK_CATALOG[framework]
}

/** The categories of `framework` that apply to `element`, in the order the panel shows them. */
export function applicableCategories<F extends FrameworkId>(framework: F, element: ApplicabilityInput): readonly CategoryId<F>[] {
	const definition: FrameworkDefinition<F, CategoryId<F>> = FRAMEWORK_CATALOG[framework]
	return definition.categoriesFor(element)
}

/** Narrows a stored string (a threat's or n/a mark's category) to an id of `framework`. */
export function isCategoryOf<F extends FrameworkId>(framework: F, categoryId: string): categoryId is CategoryId<F> {
	return FRAMEWORK_CATALOG[framework].categories.some((category) => category.id === categoryId)
}

export function getCategory<F extends FrameworkId>(framework: F, categoryId: string): FrameworkCategory<CategoryId<F>> | undefined {
	const definition: FrameworkDefinition<F, CategoryId<F>> = FRAMEWORK_CATALOG[framework]
	return definition.categories.find((category) => category.id === categoryId)
}
