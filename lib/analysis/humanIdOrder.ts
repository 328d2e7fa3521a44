/**
 * Orders human IDs the way people read them: EE2 before EE10, P1 before P2. Compares the letter
 * prefix, then the number as a number. IDs without the usual shape (not stamped yet: '') sort
 * after every stamped ID, then by plain string order, so the result is total and stable.
 */
export function compareHumanIds(a: string, b: string): number {
	const left = parse(a)
	const right = parse(b)
	if (left && right) {
		if (left.prefix !== right.prefix) return left.prefix < right.prefix ? -1 : 1
		if (left.n !== right.n) return left.n - right.n
		return 0
	}
	if (left) return -1
	if (right) return 1
	return a < b ? -1 : a > b ? 1 : 0
}

const HUMAN_ID_SHAPE = /^([A-Z]+)(\d+)$/

function parse(humanId: string): { prefix: string; n: number } | null {
	const match = HUMAN_ID_SHAPE.exec(humanId)
	if (!match?.[1] || !match[2]) return null
	return { prefix: match[1], n: Number(match[2]) }
}
