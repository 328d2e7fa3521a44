import { getCategory } from './frameworkCatalog'
import type { FrameworkId } from './frameworkTypes'

/**
 * A brainstormed threat no framework category fits. Every framework accepts it, and it never
 * counts as covering a framework category: coverage only matches the framework's own ids.
 */
export const OTHER_CATEGORY_ID = 'other'
const OTHER_CATEGORY_NAME = 'Other'

export function isOtherCategory(categoryId: string): boolean {
	return categoryId === OTHER_CATEGORY_ID
}

/** A threat's category as people read it: the framework's name, "Other", or the stored id when neither knows it. */
export function categoryName(framework: FrameworkId, categoryId: string): string {
	if (isOtherCategory(categoryId)) return OTHER_CATEGORY_NAME
	return getCategory(framework, categoryId)?.name ?? categoryId
}
