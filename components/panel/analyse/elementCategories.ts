import { applicableCategories, getCategory } from '@/lib/frameworks/frameworkCatalog'
import type { FrameworkCategory, FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { applicabilityOf } from '@/lib/session/sessionCoverage'

/** The framework's categories that apply to an element, as the panel offers them. */
export function categoriesOf(framework: FrameworkId, element: DfdElement): FrameworkCategory[] {
	return applicableCategories(framework, applicabilityOf(element)).flatMap((id): FrameworkCategory[] => {
		const category = getCategory(framework, id)
		return category ? [category] : []
	})
}
