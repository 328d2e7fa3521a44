/** T-001 … T-999, then T-1000: zero-padded so lists sort naturally in spreadsheets. */
export function formatThreatId(n: number): string {
	return `T-${String(n).padStart(3, '0')}`
}
