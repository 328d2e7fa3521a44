// The analysis in BENCHMARKS.md is prose written by hand (bench/analysis.md) whose figures are
// placeholders, `{{join.ratio.bareSync}}`, filled from the raw results: the words stay human, the
// numbers cannot go stale. A placeholder with no figure is an error, not an empty string.

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g

export function fillTemplate(template: string, figures: Readonly<Record<string, string>>): string {
	const unknown = new Set<string>()
	const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
		const value = figures[name]
		if (value === undefined) {
			unknown.add(name)
			return whole
		}
		return value
	})
	if (unknown.size > 0) {
		throw new Error(`the analysis names figures the results do not have: ${[...unknown].join(', ')} (known: ${Object.keys(figures).sort().join(', ')})`)
	}
	return filled
}
