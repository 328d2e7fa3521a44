/** Durations of the write-ahead writes since the last report, for the room's periodic log line. */
export class WriteStats {
	private durations: number[] = []
	private records = 0

	add(durationMs: number, records: number): void {
		this.durations.push(durationMs)
		this.records += records
		// A bounded window: a busy room reports its latest writes, not all of them.
		if (this.durations.length > 10_000) this.durations.splice(0, this.durations.length - 10_000)
	}

	/** "N writes of M records (p50 … ms, p95 … ms, max … ms)", and starts a new window; null if none. */
	takeReport(): string | null {
		if (this.durations.length === 0) return null
		const line = `${this.durations.length} writes of ${this.records} records (${summarizeMs(this.durations)})`
		this.durations = []
		this.records = 0
		return line
	}
}

/** "p50 … ms, p95 … ms, max … ms" of a list of durations; "none" for an empty one. */
export function summarizeMs(values: readonly number[]): string {
	if (values.length === 0) return 'none'
	const sorted = [...values].sort((a, b) => a - b)
	const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
	return `p50 ${at(50)} ms, p95 ${at(95)} ms, max ${sorted.at(-1)} ms`
}
