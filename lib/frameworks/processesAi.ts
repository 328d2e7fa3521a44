/**
 * A process's "trains or runs an AI model" answer (the process shapes' aiModel) as the frameworks
 * read it: yes, no, or not said (undefined) — PLOT4ai asks about a process until someone says no.
 */
export function processesAi(aiModel: unknown): boolean | undefined {
	if (aiModel === 'yes') return true
	if (aiModel === 'no') return false
	return undefined
}
