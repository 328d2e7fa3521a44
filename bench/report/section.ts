import { num, type Verdict } from './figures'
import type { BenchModule, Provenance } from './schema'

// What each section's renderer hands to the assembly: its markdown, its rows of the summary table,
// and its named figures for the analysis template (bench/analysis.md's `{{name}}`).

export interface SummaryRow {
	module: BenchModule
	figure: string
	ours: string
	baseline: string
	ratio: string
	target: string
	verdict: Verdict
}

export interface RenderedSection {
	body: string[]
	summary: SummaryRow[]
	figures: Record<string, string>
}

/** Whether the targets apply (full runs) — smoke runs only prove the harness works. */
export interface RenderOptions {
	judged: boolean
}

function commitText(commit: string, code: boolean): string {
	if (!/^[0-9a-f]{7,40}$/.test(commit)) return commit
	const short = commit.slice(0, 12)
	return code ? `\`${short}\`` : short
}

function treeText(dirty: boolean | null): string {
	if (dirty === null) return 'working tree unknown'
	return dirty ? 'uncommitted changes in the working tree, measured as they were' : 'clean working tree'
}

/** The line under each section's title: where its figures come from and how busy the machine was. */
export function provenanceNote(provenance: Provenance): string {
	const load =
		provenance.otherBusyPct === null || !Number.isFinite(provenance.otherBusyPct)
			? ''
			: `; other processes used ${num(provenance.otherBusyPct)} % of the machine's CPU on average (up to ${num(provenance.otherBusyMaxPct ?? Number.NaN)} % over 5 s)`
	const transcribed = provenance.transcribedFrom
		? ` Transcribed from ${provenance.transcribedFrom}: figures as printed there, rounded, without their samples.`
		: ''
	return `_Measured in the run of ${provenance.measuredAt}; commit: ${commitText(provenance.commit, false)}; ${treeText(provenance.dirty)}; Node: ${provenance.node}${load}.${transcribed}_`
}

export function provenanceRow(section: string, provenance: Provenance): string[] {
	return [
		section,
		provenance.measuredAt,
		commitText(provenance.commit, true),
		treeText(provenance.dirty),
		provenance.node,
		provenance.otherBusyPct === null ? '—' : `${num(provenance.otherBusyPct)} %`,
		provenance.transcribedFrom ? 'transcribed (summaries)' : 'samples',
	]
}
