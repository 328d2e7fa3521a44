import { fmt, fmtRatio, judge, KIB, median, named, num, ratioOf, table } from '../figures'
import type { PersistenceSection } from '../schema'
import { provenanceNote, type RenderedSection, type RenderOptions } from '../section'

// 6. Persistence: saving a session through the app against a raw libSQL batch; loading a room.

export function renderPersistence(section: PersistenceSection, { judged }: RenderOptions): RenderedSection {
	const { save, load } = section
	const saveRatio = ratioOf(save.httpMs, save.rawMs, section.recordedRatios?.save)
	const summary = [
		{
			module: 'persistence' as const,
			figure: `6. save ${save.threats} threats (PUT internal canvas → saveCanvas)`,
			ours: fmt(save.httpMs),
			baseline: `raw batch ${fmt(save.rawMs)}`,
			ratio: fmtRatio(saveRatio),
			target: '≤ 4 × raw',
			verdict: judge(judged, saveRatio, 4, '×', 2),
		},
		{
			module: 'persistence' as const,
			figure: `6. load ${load.elements} elements + ${load.threats} threats (GET canvas + room load + first sync)`,
			ours: fmt(load.coldJoinMs),
			baseline: `GET canvas alone ${fmt(load.getCanvasMs)}`,
			ratio: '',
			target: '≤ 300 ms',
			verdict: judge(judged, median(load.coldJoinMs), 300, ' ms'),
		},
	]
	const figures: Record<string, string> = {
		'persistence.save.ratio': fmtRatio(saveRatio),
		...named('persistence.save.http', save.httpMs),
		...named('persistence.save.direct', save.directMs),
		...named('persistence.save.extractRecords', save.extractRecordsMs),
		'persistence.save.parseAndSchema': `${num(median(save.jsonParseMs) + median(save.bodySchemaMs))} ms`,
		'persistence.save.bodyKib': `${num(save.bodyBytes / KIB)} KiB`,
		'persistence.load.coldJoin': fmt(load.coldJoinMs),
	}
	const body = [
		'## 6. Persistence',
		'',
		provenanceNote(section.provenance),
		'',
		`**Save.** The body our room sends for a session of ${save.threats} threats (${save.elements} elements), produced by the real room (seeded through it, read back from the app), PUT to \`/api/internal/sessions/:id/canvas\` of \`next start\` (${num(save.bodyBytes / KIB)} KiB JSON): request parsing, zod, workshop-record validation and projection, DFD projection, one transaction on the libSQL file. Compared with a raw \`@libsql/client\` \`batch\` inserting the same ${save.threats} threat rows (one INSERT each, one write transaction, same table and file settings — WAL), no drizzle, no validation, no snapshot.`,
		'',
		table(
			['path', 'time'],
			[
				['PUT internal canvas (HTTP, end to end)', `**${fmt(save.httpMs)}**`],
				['`saveCanvas()` alone, in process (same code, own database file)', fmt(save.directMs)],
				['&nbsp;&nbsp;of which, before the transaction: `extractSessionRecords` (validators)', fmt(save.extractRecordsMs)],
				['HTTP side, in process: `JSON.parse` of the body', fmt(save.jsonParseMs)],
				['HTTP side, in process: zod `saveCanvasBody`', fmt(save.bodySchemaMs)],
				[`raw \`@libsql/client\` batch of ${save.threats} INSERTs`, `**${fmt(save.rawMs)}**`],
				['**ours / raw**', `**${fmtRatio(saveRatio)}**`],
			],
		),
		'',
		`**Load.** A session of ${load.elements} elements and ${load.threats} threats (snapshot ${num(load.snapshotBytes / KIB)} KiB), saved by the room, copied into fresh sessions so each repetition opens a room nobody has loaded.`,
		'',
		table(
			['step', 'time'],
			[
				['GET internal canvas (HTTP, end to end)', fmt(load.getCanvasMs)],
				['first participant joins the unloaded room: authorize + GET canvas + room built + first sync, until `onLoad`', `**${fmt(load.coldJoinMs)}**`],
				['second participant joins the loaded room (authorize + first sync)', fmt(load.warmJoinMs)],
			],
		),
		'',
	]
	return { body, summary, figures }
}
