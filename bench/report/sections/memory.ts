import { fmt, judge, median, num, table } from '../figures'
import type { MemorySection } from '../schema'
import { provenanceNote, type RenderedSection, type RenderOptions } from '../section'

// 5. Room memory: the party's RSS per number of clients, and its slope over a soak of steady edits.

export function renderMemory(section: MemorySection, { judged }: RenderOptions): RenderedSection {
	const { soak, setup } = section
	const top = section.levels.at(-1)
	const first = soak.samples[0]
	const last = soak.samples.at(-1)
	const slope = (value: number) => value.toFixed(2)
	const summary = [
		{
			module: 'memory' as const,
			figure: `5. room memory, ${top?.clients ?? '?'} clients, ${setup.elements} elements`,
			ours: `workerd ${fmt(top?.workerdMb, 'MB')}; tree ${fmt(top?.treeMb, 'MB')}`,
			baseline: `idle party: workerd ${num(section.idleWorkerdMb)} MB; tree ${num(section.idleTreeMb)} MB`,
			ratio: '',
			target: 'reported (no target)',
			verdict: { ok: null, text: 'reported' },
		},
		{
			module: 'memory' as const,
			figure: `5. room memory soak, ${soak.seconds} s of steady edits, ${soak.clients} clients`,
			ours: `workerd second half ${slope(soak.workerdSecondHalfSlopeMbPerMin)} MB/min (whole soak ${slope(soak.workerdSlopeMbPerMin)}, ${num(first?.workerdMb ?? Number.NaN)} → ${num(last?.workerdMb ?? Number.NaN)} MB)`,
			baseline: '',
			ratio: '',
			target: 'no growth: workerd slope ≤ 1 MB/min in steady state (second half)',
			// Growth is what the target forbids; memory handed back (a negative slope) is fine. Judged on
			// the second half: the first minutes hold the runtime's warm-up (JIT, heap and storage caches
			// sizing up to the load), which levels off; a leak keeps its slope to the end.
			verdict: judge(judged, soak.workerdSecondHalfSlopeMbPerMin, 1, ' MB/min', 2),
		},
	]
	const figures: Record<string, string> = {
		'memory.elements': `${setup.elements}`,
		'memory.top.clients': `${top?.clients ?? '?'}`,
		'memory.toolingAtEnd': `${num(section.processesAtEnd.filter((entry) => entry.command !== 'workerd').reduce((sum, entry) => sum + entry.rssMb, 0))} MB`,
		'memory.idle.workerd': `${num(section.idleWorkerdMb)} MB`,
		'memory.soak.seconds': `${soak.seconds}`,
		'memory.soak.minutes': num(soak.seconds / 60),
		'memory.soak.clients': `${soak.clients}`,
		'memory.soak.workerd.first': `${num(first?.workerdMb ?? Number.NaN)} MB`,
		'memory.soak.workerd.last': `${num(last?.workerdMb ?? Number.NaN)} MB`,
		'memory.soak.slope': `${slope(soak.workerdSlopeMbPerMin)} MB/min`,
		'memory.soak.secondHalfSlope': `${slope(soak.workerdSecondHalfSlopeMbPerMin)} MB/min`,
	}
	for (const level of section.levels) figures[`memory.clients${level.clients}.workerd`] = fmt(level.workerdMb, 'MB')
	const lowest = section.levels[0]
	if (lowest && top) {
		const extra = median(top.workerdMb) - median(lowest.workerdMb)
		figures['memory.workerd.extraForClients'] = `${num(extra)} MB`
		figures['memory.workerd.perClient'] = `${num(extra / (top.clients - lowest.clients), 2)} MB`
	}
	const body = [
		'## 5. Room memory',
		'',
		provenanceNote(section.provenance),
		'',
		`Resident memory (RSS, from /proc) of our party — the process tree of \`partykit dev\` (its node CLI, its esbuild service, and **workerd**, the runtime the rooms live in), ${setup.freshParty ? 'started afresh for this measurement (no other room loaded), ' : ''}with one session holding a ${setup.elements}-element diagram and N connected clients; ${setup.samplesPerLevel} sample${setup.samplesPerLevel === 1 ? '' : 's'} per level, ${setup.settleMs / 1000} s after the last client joined. Idle party, before any room: workerd ${num(section.idleWorkerdMb)} MB, whole tree ${num(section.idleTreeMb)} MB.`,
		'',
		table(
			['clients', 'workerd', 'process tree'],
			section.levels.map((level) => [`${level.clients}`, fmt(level.workerdMb, 'MB'), fmt(level.treeMb, 'MB')]),
		),
		'',
		`**Soak:** ${soak.clients} clients connected, one edit every ${setup.soakEditEveryMs} ms for ${soak.seconds} s (${soak.edits} edits: box moves by random clients, every fifth a facilitator's threat edit — nothing is added, so the document does not grow; the room saves to the app every 1–2 s meanwhile). RSS every ${setup.soakSampleEveryMs / 1000} s. workerd ${num(first?.workerdMb ?? Number.NaN)} → ${num(last?.workerdMb ?? Number.NaN)} MB, least-squares slope after the first 10 %: **${slope(soak.workerdSlopeMbPerMin)} MB/min**, ${slope(soak.workerdSecondHalfSlopeMbPerMin)} MB/min over the second half. Whole tree ${num(first?.treeMb ?? Number.NaN)} → ${num(last?.treeMb ?? Number.NaN)} MB, ${slope(soak.treeSlopeMbPerMin)} MB/min (the dev CLI's own heap moves it). Clients: ${soak.errors} errors, ${soak.drops} drops. The target: no growth, read as a workerd slope of at most 1 MB/min over the second half of the soak (the first minutes are the runtime's warm-up, which levels off; a leak keeps its slope; V8's collector moves RSS by a few MB either way). \`--soak-seconds=1800\` gives a longer look.`,
		'',
		`workerd samples (minute: MB): ${soak.samples.map((point) => `${point.minute.toFixed(1)}: ${point.workerdMb.toFixed(0)}`).join(', ')}`,
		'',
		`Processes at the end: ${section.processesAtEnd.map((entry) => `${entry.command} ${entry.rssMb.toFixed(0)} MB`).join(', ')}.`,
		'',
	]
	return { body, summary, figures }
}
