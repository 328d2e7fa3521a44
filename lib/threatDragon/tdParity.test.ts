import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { exportThreatDragon } from './exportThreatDragon'
import { importThreatDragon } from './importThreatDragon'
import { sessionInputFromImport } from './sessionInputFromImport'
import { readTdFixture } from '@/tests/fixtures/threatDragon/files'
import { severityFromTd } from './tdVocabulary'

// What newer Threat Dragon versions write beyond the v2 samples: the treatment statuses besides
// Open / Mitigated / N/A, a CVSS score on the threat, and release fields in the summary.

const AT = Date.parse('2025-05-01T12:00:00Z')
const NEWER_STATUSES = ['Accepted', 'Transferred', 'Avoided', 'Eliminated'] as const

const threatSchema = z.looseObject({ id: z.string(), status: z.string(), score: z.unknown().optional(), severity: z.string() })
const modelSchema = z.looseObject({
	summary: z.looseObject({}),
	detail: z.looseObject({
		diagrams: z.array(z.looseObject({ cells: z.array(z.looseObject({ data: z.looseObject({ threats: z.array(threatSchema).optional() }) })) })),
	}),
})

/** The sample model with the newer statuses, CVSS scores and release fields written in. */
function newerModel() {
	const model = modelSchema.parse(structuredClone(readTdFixture('v2-threat-model.json')))
	model.summary = { ...model.summary, version: '3.1.0', date: '2025-04-30', reviewed: true }
	let n = 0
	for (const diagram of model.detail.diagrams) {
		for (const cell of diagram.cells) {
			for (const threat of cell.data.threats ?? []) {
				threat.status = NEWER_STATUSES[n % NEWER_STATUSES.length] ?? 'Open'
				threat.score = n % 2 === 0 ? '7.5' : 9.8
				n += 1
			}
		}
	}
	return model
}

function threatsOf(json: unknown) {
	return modelSchema.parse(json).detail.diagrams.flatMap((diagram) => diagram.cells.flatMap((cell) => cell.data.threats ?? []))
}

function roundTrip(json: unknown, edit: (input: ReturnType<typeof sessionInputFromImport>) => ReturnType<typeof sessionInputFromImport> = (input) => input) {
	const imported = importThreatDragon(json)
	if (!imported.ok) throw new Error(JSON.stringify(imported.issues))
	const model = buildSessionModel(edit(sessionInputFromImport(imported.model, { sessionId: 'sess_td', at: AT })))
	return { model, exported: JSON.parse(JSON.stringify(exportThreatDragon(model))) as unknown }
}

describe('Threat Dragon parity', () => {
	it('imports the newer statuses as our statuses and keeps TD’s word, score and release fields', () => {
		const { model } = roundTrip(newerModel())
		expect(new Set(model.threats.map((threat) => `${threat.source?.status} → ${threat.status}`))).toEqual(
			new Set(['Accepted → Accepted', 'Transferred → Accepted', 'Avoided → Resolved', 'Eliminated → Resolved']),
		)
		expect(new Set(model.threats.map((threat) => threat.source?.score))).toEqual(new Set(['7.5', '9.8']))
		expect(model.session.source).toEqual({ tool: 'threat-dragon', summary: { version: '3.1.0', date: '2025-04-30', reviewed: true } })
	})

	it('writes statuses, CVSS scores and release fields back as the file had them', () => {
		const original = newerModel()
		const { exported } = roundTrip(original)
		const before = new Map(threatsOf(original).map((threat) => [threat.id, [threat.status, String(threat.score), threat.severity]]))
		const after = new Map(threatsOf(exported).map((threat) => [threat.id, [threat.status, threat.score, threat.severity]]))
		expect(after).toEqual(before)
		expect(modelSchema.parse(exported).summary).toMatchObject({ version: '3.1.0', date: '2025-04-30', reviewed: true })
	})

	it('keeps the CVSS score of a threat the workshop re-rated, with the severity of its new band', () => {
		const original = newerModel()
		const [first] = threatsOf(original)
		const { exported } = roundTrip(original, (input) => ({
			...input,
			threats: input.threats.map((threat) => (threat.id === `threat:${first?.id}` ? { ...threat, agreedLikelihood: 1, agreedImpact: 1 } : threat)),
		}))
		expect(threatsOf(exported).find((threat) => threat.id === first?.id)).toMatchObject({ score: '7.5', severity: 'Low' })
	})
})

describe('Threat Dragon severity and CVSS against our triage fields', () => {
	const vector = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'

	it("imports TD's severity as the threat's severity", () => {
		const { model } = roundTrip(newerModel())
		for (const threat of model.threats) expect(threat.severity).toBe(severityFromTd(threat.source?.severity ?? ''))
	})

	it('writes a severity the team set and the base score of its CVSS vector', () => {
		const original = newerModel()
		const [first] = threatsOf(original)
		const { exported } = roundTrip(original, (input) => ({
			...input,
			threats: input.threats.map((threat) => (threat.id === `threat:${first?.id}` ? { ...threat, severity: 'Informational', cvssVector: vector } : threat)),
		}))
		expect(threatsOf(exported).find((threat) => threat.id === first?.id)).toMatchObject({ severity: 'Low', score: '9.8' })
	})

	it('leaves a model-level threat out: TD has no place outside a cell', () => {
		const original = newerModel()
		const [first] = threatsOf(original)
		const { model, exported } = roundTrip(original, (input) => ({
			...input,
			threats: input.threats.map((threat) => (threat.id === `threat:${first?.id}` ? { ...threat, shapeId: null } : threat)),
		}))
		expect(model.threats.some((threat) => threat.elementShapeId === null)).toBe(true)
		expect(threatsOf(exported).map((threat) => threat.id)).not.toContain(first?.id)
		expect(threatsOf(exported)).toHaveLength(threatsOf(original).length - 1)
	})
})
