import { formatPath, type ImportIssue } from './tdIssues'

/** Collects what an import changed or could not carry over, each at its place in the file. */
export class ImportWarnings {
	readonly list: ImportIssue[] = []

	add(path: readonly PropertyKey[], message: string): void {
		this.list.push({ path: formatPath(path), message })
	}

	/**
	 * Text cut to one of our limits (the room refuses longer records, and would refuse the whole
	 * import with them), ending in an ellipsis so a reader sees it was cut.
	 */
	fit(text: string, max: number, path: readonly PropertyKey[]): string {
		if (text.length <= max) return text
		this.add(path, `shortened from ${text.length} to ${max} characters`)
		return `${text.slice(0, max - 1)}…`
	}
}
