import { judge, num, table, type Verdict } from '../figures'
import { roomsGrowth, type Saturating } from '../saturation'
import type { RoomsSection } from '../schema'
import { provenanceNote, type RenderedSection, type RenderOptions, type SummaryRow } from '../section'

// 8. Many rooms: 1 … 100 rooms of 10 at once, with the app answering reports meanwhile.

/** Issue 13 item 4: 100 rooms of 10, propagation p95 ≤ 100 ms. */
const JUDGED_ROOMS = 100
const TARGET_P95_MS = 100
/** A facilitator's export slower than this at p95 is where the app, whatever its CPU, has saturated for its users. */
const APP_SLOW_P95_MS = 1_000

const NAMES: Record<Saturating, string> = { next: 'the app (Next.js)', workerd: 'the rooms (workerd)', machine: 'the whole machine' }

const msText = (value: number | null) => (value === null ? '—' : `${num(value)} ms`)
const pctText = (value: number) => `${num(value)} %`
const roomsText = (rooms: number) => (Number.isFinite(rooms) ? `≈ ${num(rooms)}` : 'not growing')

export function renderRooms(section: RoomsSection, { judged }: RenderOptions): RenderedSection {
	const { setup, levels } = section
	const figures: Record<string, string> = {}
	const rows = levels.map((level) => {
		const worst = Math.max(
			...Object.values(level.requestP95Ms)
				.map((value) => value ?? Number.NaN)
				.filter(Number.isFinite),
		)
		const health = `${level.missing} / ${level.drops} / ${level.errors} / ${level.failedRequests}`
		const prefix = `rooms.r${level.rooms}`
		Object.assign(figures, {
			[`${prefix}.p50`]: msText(level.p50),
			[`${prefix}.p95`]: msText(level.p95),
			[`${prefix}.p99`]: msText(level.p99),
			[`${prefix}.max`]: msText(level.max),
			[`${prefix}.health`]: health,
			[`${prefix}.cpu.next`]: pctText(level.cpuPct.next),
			[`${prefix}.cpu.workerd`]: pctText(level.cpuPct.workerd),
			[`${prefix}.cpu.harness`]: pctText(level.cpuPct.harness),
			[`${prefix}.machine`]: pctText(level.machinePct),
			[`${prefix}.appWorst.p95`]: msText(Number.isFinite(worst) ? worst : null),
		})
		return [
			`${level.rooms}`,
			`${level.clients}`,
			`${level.edits}`,
			msText(level.p50),
			msText(level.p95),
			msText(level.p99),
			msText(level.max),
			health,
			`${level.requests}`,
			['md', 'csv', 'json', 'session'].map((kind) => num(level.requestP95Ms[kind as keyof typeof level.requestP95Ms] ?? Number.NaN)).join(' / '),
			`${pctText(level.cpuPct.next)} / ${pctText(level.cpuPct.workerd)} / ${pctText(level.cpuPct.harness)}`,
			pctText(level.machinePct),
			`${num(level.rssMb.next)} / ${num(level.rssMb.workerd)} / ${num(level.rssMb.harness)}`,
		]
	})
	const growth = roomsGrowth(levels, setup.cpus)
	const saturation = growth.first
		? `${NAMES[growth.first.process]} first, at ≈ ${num(growth.first.rooms)} rooms of ${setup.clientsPerRoom} (app ${roomsText(growth.saturatesAt.next)}, rooms ${roomsText(growth.saturatesAt.workerd)}, machine ${roomsText(growth.saturatesAt.machine)})`
		: 'nothing grows with the rooms in this run'
	const slowApp = levels.find((level) => worstRequestP95(level) > APP_SLOW_P95_MS)
	const appSaturation = slowApp
		? `the app's answers passed ${APP_SLOW_P95_MS / 1000} s at p95 from ${slowApp.rooms} rooms (${msText(worstRequestP95(slowApp))})`
		: `the app's answers stayed under ${APP_SLOW_P95_MS / 1000} s at p95 at every level`
	Object.assign(figures, {
		'rooms.saturation': saturation,
		'rooms.appSaturation': appSaturation,
		'rooms.perRoom.cpu.next': `${num(growth.cpuPerRoom.next, 2)} %`,
		'rooms.perRoom.cpu.workerd': `${num(growth.cpuPerRoom.workerd, 2)} %`,
		'rooms.perRoom.cpu.harness': `${num(growth.cpuPerRoom.harness, 2)} %`,
		'rooms.perRoom.cpu.machine': `${num(growth.cpuPerRoom.machine, 2)} %`,
		'rooms.perRoom.mb.next': `${num(growth.mbPerRoom.next, 1)} MB`,
		'rooms.perRoom.mb.workerd': `${num(growth.mbPerRoom.workerd, 1)} MB`,
		'rooms.perRoom.mb.harness': `${num(growth.mbPerRoom.harness, 1)} MB`,
	})

	const largest = levels.at(-1)
	const summary: SummaryRow[] = []
	if (largest) {
		const atTarget = judged && largest.rooms === JUDGED_ROOMS
		const latency = judge(atTarget, largest.p95 ?? Number.NaN, TARGET_P95_MS, ' ms')
		const health = judge(atTarget, largest.missing + largest.drops + largest.errors + largest.failedRequests, 0, ' missing/dropped/failed')
		summary.push({
			module: 'rooms',
			figure: `4. many rooms: ${largest.rooms} rooms × ${setup.clientsPerRoom}, edit propagation p95, with exports and saves`,
			ours: `${msText(largest.p95)}; app p95 ${msText(worstRequestP95(largest))}; ${largest.missing} / ${largest.drops} / ${largest.errors} / ${largest.failedRequests}`,
			baseline: `1 room ${msText(levels[0]?.p95 ?? null)}`,
			ratio: '',
			target: `≤ ${TARGET_P95_MS} ms, nothing missing, dropped or failed`,
			verdict: judged && largest.rooms !== JUDGED_ROOMS ? notAtTarget(largest.rooms) : bothOf(latency, health),
		})
		summary.push({
			module: 'rooms',
			figure: '4. many rooms: where it saturates first (CPU per room)',
			ours: `${saturation}; ${appSaturation}`,
			baseline: '',
			ratio: '',
			target: 'reported',
			verdict: { ok: null, text: 'reported' },
		})
	}

	const body = [
		'## 8. Many rooms',
		'',
		provenanceNote(section.provenance),
		'',
		`Levels of rooms open at once, ${setup.clientsPerRoom} headless clients each (our party, real tokens), one level after another with the rooms of the last still open. In every room a random client edits every ${setup.editGapMs[0] / 1000}–${setup.editGapMs[1] / 1000} s (alternately moving a box and creating one), timed until the room's last other client has it; every ${setup.requestEveryMs / 1000} s per room the facilitator asks the app for the Markdown report, the CSV, the JSON model or the session, in turn; the rooms save their canvases to the app as they always do. Each level is measured over ${setup.seconds} s. CPU is in % of one core per process (Next.js and workerd each run their JavaScript on one thread, so 100 % is their ceiling) and, for the machine column, of the whole machine (${setup.cpus} cores = 100 %), which includes other people's work on a shared machine; where the machine saturates is extrapolated from the three processes' own share instead. The harness is the bench process holding every client (real users' browsers would).`,
		'',
		table(
			[
				'rooms',
				'clients',
				'edits',
				'p50',
				'p95',
				'p99',
				'max',
				'missing / drops / errors / failed requests',
				'requests',
				'request p95 md / csv / json / session (ms)',
				'CPU Next / workerd / harness',
				'machine',
				'RSS MB Next / workerd / harness',
			],
			rows,
		),
		'',
		`Per room added (least squares over the levels): CPU Next ${figures['rooms.perRoom.cpu.next']}, workerd ${figures['rooms.perRoom.cpu.workerd']}, harness ${figures['rooms.perRoom.cpu.harness']} of a core, all of them ${figures['rooms.perRoom.cpu.machine']} of the machine; memory Next ${figures['rooms.perRoom.mb.next']}, workerd ${figures['rooms.perRoom.mb.workerd']}, harness ${figures['rooms.perRoom.mb.harness']}. Extrapolated, the first to saturate: ${saturation}. Measured: ${appSaturation}. On a machine other work keeps busy, a process gets less than a core however much it needs, so its CPU share understates its demand and the extrapolation is late: the app's answer times are the direct sign.`,
		'',
	]
	return { body, summary, figures }
}

function notAtTarget(rooms: number): Verdict {
	return { ok: false, text: `no figure at ${JUDGED_ROOMS} rooms (largest level ${rooms})` }
}

/** The slowest kind of facilitator request at p95; NaN when none was answered. */
function worstRequestP95(level: RoomsSection['levels'][number]): number {
	const answered = Object.values(level.requestP95Ms).filter((value): value is number => value !== null)
	return answered.length ? Math.max(...answered) : Number.NaN
}

function bothOf(latency: Verdict, health: Verdict): Verdict {
	if (latency.ok === null) return latency
	if (latency.ok && health.ok) return { ok: true, text: 'met (latency and health)' }
	return { ok: false, text: [latency.ok ? '' : `latency ${latency.text}`, health.ok ? '' : `health ${health.text}`].filter(Boolean).join('; ') }
}
