import { FRAMEWORK_CATALOG } from '@/lib/frameworks/frameworkCatalog'
import { FRAMEWORKS, type Framework } from '@/lib/sessionEnums'

/** What each framework is for, in one line, so a facilitator can choose without looking it up. */
export const FRAMEWORK_OPTIONS: ReadonlyArray<{ value: Framework; label: string; summary: string }> = FRAMEWORKS.map((id) => ({
	value: id,
	label: FRAMEWORK_CATALOG[id].name,
	summary: FRAMEWORK_CATALOG[id].summary,
}))
