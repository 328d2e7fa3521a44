import type { z } from 'zod'

/** One problem with an imported file, located the way a person reads JSON: `detail.diagrams[0].cells[3].data.type`. */
export interface ImportIssue {
	path: string
	message: string
}

export function formatPath(path: readonly PropertyKey[]): string {
	if (path.length === 0) return '(root)'
	return path.reduce<string>((text, key) => {
		if (typeof key === 'number') return `${text}[${key}]`
		const name = String(key)
		return text === '' ? name : `${text}.${name}`
	}, '')
}

function describeValue(value: unknown): string {
	if (value === null) return 'null'
	if (Array.isArray(value)) return 'an array'
	if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
	if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`
	return typeof value === 'object' ? 'an object' : typeof value
}

/**
 * Messages for the people who will read them (a facilitator who picked the wrong file): "missing"
 * instead of "expected string, received undefined", and the value actually found.
 */
export const tdErrorMap: z.core.$ZodErrorMap = (issue) => {
	if (issue.code === 'invalid_type') {
		if (issue.input === undefined) return `missing (expected ${issue.expected})`
		return `expected ${issue.expected}, found ${describeValue(issue.input)}`
	}
	if (issue.code === 'invalid_value' && 'values' in issue) {
		return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, found ${describeValue(issue.input)}`
	}
	return undefined
}

export function toImportIssues(error: z.ZodError): ImportIssue[] {
	return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
}
