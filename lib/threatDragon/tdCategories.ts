import type { CategoryId } from '@/lib/frameworks/frameworkCatalog'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { FRAMEWORKS } from '@/lib/sessionEnums'

/**
 * A TD threat's `type` is the English name of its category. Per framework and category id: TD's
 * name first (what an export writes), then the other spellings an import accepts — our own names,
 * and for PLOT4ai the older category set TD still uses, mapped to the closest current category.
 */
const TYPE_NAMES: { [F in FrameworkId]: Record<CategoryId<F>, readonly string[]> } = {
	STRIDE: {
		S: ['Spoofing'],
		T: ['Tampering'],
		R: ['Repudiation'],
		I: ['Information disclosure'],
		D: ['Denial of service'],
		E: ['Elevation of privilege'],
	},
	LINDDUN: {
		L: ['Linkability', 'Linking'],
		I: ['Identifiability', 'Identifying'],
		Nr: ['Non-repudiation'],
		D: ['Detectability', 'Detecting'],
		Dd: ['Disclosure of information', 'Data disclosure'],
		U: ['Unawareness', 'Unawareness & unintervenability'],
		Nc: ['Non-compliance'],
	},
	CIA: { C: ['Confidentiality'], I: ['Integrity'], A: ['Availability'] },
	DIE: { D: ['Distributed'], I: ['Immutable'], E: ['Ephemeral'] },
	PLOT4ai: {
		data: ['Technique & Processes', 'Data & data governance'],
		transparency: ['Accessibility', 'Transparency & accessibility', 'Unawareness'],
		privacy: ['Identifiability & Linkability', 'Privacy & data protection'],
		cybersecurity: ['Security', 'Cybersecurity'],
		safety: ['Safety', 'Safety & environmental impact'],
		// TD has no bias category: our name goes out as is, and TD keeps and shows the text.
		bias: ['Bias, fairness & discrimination'],
		ethics: ['Ethics & Human Rights', 'Ethics & human rights'],
		accountability: ['Non-compliance', 'Accountability & human oversight'],
	},
}

const norm = (text: string) => text.trim().toLowerCase()

function namesOf(framework: FrameworkId): [string, readonly string[]][] {
	return Object.entries(TYPE_NAMES[framework])
}

/** The category id of `framework` a TD type names, or null when it names none of them. */
export function categoryFromTdType(framework: FrameworkId, type: string): string | null {
	const wanted = norm(type)
	return namesOf(framework).find(([, names]) => names.some((name) => norm(name) === wanted))?.[0] ?? null
}

/** TD's name for a category of ours; an id the framework does not know goes out as it is. */
export function tdTypeOfCategory(framework: FrameworkId, categoryId: string): string {
	return namesOf(framework).find(([id]) => id === categoryId)?.[1][0] ?? categoryId
}

/** Every (framework, id, TD name) row, for the documentation tables and their test. */
export function tdTypeTable(): { framework: FrameworkId; categoryId: string; names: readonly string[] }[] {
	return FRAMEWORKS.flatMap((framework) => namesOf(framework).map(([categoryId, names]) => ({ framework, categoryId, names })))
}
