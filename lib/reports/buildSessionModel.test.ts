import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { computeCoverage } from '@/lib/analysis/coverage'
import { buildSessionModel } from './buildSessionModel'
import { toJson } from './json'
import { sessionModelJsonSchema, sessionModelSchema } from './sessionModel'
import type { SessionModelInput } from './sessionModelInput'
import { WEB_SHOP_INPUT, webShopModel } from '@/fixtures/sessionModel'

function threatById(humanId: string) {
	const threat = webShopModel().threats.find((candidate) => candidate.humanId === humanId)
	if (!threat) throw new Error(`no ${humanId}`)
	return threat
}

function elementById(humanId: string) {
	const element = webShopModel()
		.diagrams.flatMap((diagram) => diagram.elements)
		.find((candidate) => candidate.humanId === humanId)
	if (!element) throw new Error(`no ${humanId}`)
	return element
}

describe('buildSessionModel', () => {
	it('builds a model that passes its own schema', () => {
		expect(sessionModelSchema.safeParse(webShopModel()).success).toBe(true)
	})

	it('also passes the schema as JSON Schema, for readers outside TypeScript', () => {
		// Formats (date-time, date) are zod's to check; Ajv needs a plugin for them.
		const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(sessionModelJsonSchema())
		const ok = validate(JSON.parse(toJson(webShopModel())))
		expect(validate.errors ?? []).toEqual([])
		expect(ok).toBe(true)
	})

	it('stamps format, version, view and the export instant', () => {
		const model = webShopModel()
		expect(model).toMatchObject({ format: 'threatroom-session', version: 1, view: 'all', exportedAt: '2025-03-02T08:00:00.000Z' })
		expect(model.session).toMatchObject({
			createdAt: '2025-03-01T09:00:00.000Z',
			endedAt: '2025-03-01T10:05:00.000Z',
			nextSessionDate: '2025-04-01',
			previousSessionId: null,
		})
	})

	it('leaves deleted threats out and orders the rest by ID', () => {
		expect(webShopModel().threats.map((threat) => threat.humanId)).toEqual(['T-001', 'T-002', 'T-003', 'T-004', 'T-005', 'T-006', 'T-007', 'T-008', 'T-009'])
	})

	it('keeps the whole decision history, oldest first, with the latest in force', () => {
		const threat = threatById('T-004')
		expect(threat.decisions.map((decision) => decision.kind)).toEqual(['defer', 'accept'])
		expect(threat.decision).toEqual(threat.decisions[1])
		expect(threat.decision).toMatchObject({ reviewDate: '2025-09-01', onBehalfOf: 'Pat', decidedByName: 'Fay', dueDate: null, issueUrl: null })
		expect(threatById('T-003').decision).toBeNull()
	})

	it('picks the latest decision by decidedAt even when records arrive out of order', () => {
		const model = buildSessionModel({ ...WEB_SHOP_INPUT, decisions: [...WEB_SHOP_INPUT.decisions].reverse() })
		expect(model.threats.find((threat) => threat.humanId === 'T-004')?.decision?.kind).toBe('accept')
	})

	it('attaches votes in the order they were cast', () => {
		expect(threatById('T-002').votes.map((vote) => [vote.voterName, vote.likelihood, vote.impact])).toEqual([
			['Fay', 4, 4],
			['Dana', 4, 5],
			['Pat', 3, 4],
		])
	})

	it('rates each threat with the agreed values, else the author’s', () => {
		expect(threatById('T-001').effective).toEqual({ likelihood: 1, impact: 5, score: 5, band: 'Medium' })
		expect(threatById('T-002').effective).toEqual({ likelihood: 4, impact: 4, score: 16, band: 'Critical' })
		expect(threatById('T-006').effective).toEqual({ likelihood: 3, impact: 4, score: 12, band: 'High' })
	})

	it('turns empty dates and links into null', () => {
		expect(threatById('T-004')).toMatchObject({ dueDate: null, issueUrl: null, mitigation: '' })
	})

	it('makes one diagram per page, in page order, each with its elements', () => {
		const model = webShopModel()
		expect(model.diagrams.map((diagram) => [diagram.name, diagram.elements.length])).toEqual([
			['Checkout', 10],
			['Order fulfilment', 6],
			['Admin', 7],
		])
		expect(model.diagrams[0]?.elements.map((element) => element.humanId)).toEqual(['EE1', 'EE2', 'P1', 'DS1', 'DS2', 'DF1', 'DF2', 'DF3', 'DF4', 'TB1'])
		expect(model.diagrams[1]?.elements.map((element) => element.kind)).toContain('text')
	})

	it('gives elements on a page nobody listed a diagram of their own', () => {
		const model = buildSessionModel({ ...WEB_SHOP_INPUT, pages: WEB_SHOP_INPUT.pages.slice(0, 2) })
		expect(model.diagrams.map((diagram) => diagram.name)).toEqual(['Checkout', 'Order fulfilment', 'page:admin'])
	})

	it('places each node in the innermost trust zone around its centre', () => {
		expect(elementById('EE1').zone).toBe(0)
		expect(elementById('P1').zone).toBe(3)
		expect(elementById('EE4').zone).toBe(3)
		expect(elementById('P2').zone).toBe(4)
		expect(elementById('TB4').zone).toBe(4)
		expect(elementById('DF1').zone).toBeNull()
	})

	it('keeps flow ends and points, and none for boxes', () => {
		expect(elementById('DF3')).toMatchObject({
			sourceShapeId: 'shape:p1',
			targetShapeId: 'shape:ee2',
			points: [
				{ x: 420, y: 250 },
				{ x: 420, y: 460 },
			],
		})
		expect(elementById('P1')).toMatchObject({ sourceShapeId: null, targetShapeId: null, points: [] })
	})

	it('reports the same coverage as the analysis, counting n/a marks', () => {
		const live = WEB_SHOP_INPUT.threats.filter((threat) => !threat.isDeleted)
		const expected = computeCoverage({
			framework: 'STRIDE',
			elements: WEB_SHOP_INPUT.elements.map((element) => ({
				id: element.shapeId,
				kind: element.kind,
				outOfScope: element.outOfScope,
				isLog: element.properties.isALog === true,
			})),
			threats: live.flatMap((threat) => (threat.shapeId === null ? [] : [{ elementId: threat.shapeId, categories: [...threat.categories] }])),
			naMarks: WEB_SHOP_INPUT.naMarks.map((mark) => ({ elementId: mark.shapeId, category: mark.category })),
		})
		expect(webShopModel().coverage).toEqual({ covered: expected.covered, applicable: expected.applicable, ratio: expected.ratio })
		expect(webShopModel().coverage.covered).toBe(12)
	})

	it('counts neither a model-level threat nor an "Other" one as covering a category', () => {
		const [first] = WEB_SHOP_INPUT.threats
		if (!first) throw new Error('the fixture has threats')
		const element = WEB_SHOP_INPUT.elements.find((candidate) => candidate.kind === 'process')
		if (!element) throw new Error('the fixture has a process')
		const withExtra: SessionModelInput = {
			...WEB_SHOP_INPUT,
			threats: [
				...WEB_SHOP_INPUT.threats,
				{ ...first, id: 'threat:model-level', humanId: 'T-900', shapeId: null, categories: ['S', 'T', 'R', 'I', 'D', 'E'] },
				{ ...first, id: 'threat:other', humanId: 'T-901', shapeId: element.shapeId, categories: ['other'] },
			],
		}
		expect(buildSessionModel(withExtra).coverage).toEqual(webShopModel().coverage)
		expect(buildSessionModel(withExtra).threats.find((threat) => threat.humanId === 'T-900')).toMatchObject({ elementShapeId: null, elementHumanId: null })
	})

	it('does not depend on the order rows arrive in', () => {
		const reversed: SessionModelInput = {
			...WEB_SHOP_INPUT,
			elements: [...WEB_SHOP_INPUT.elements].reverse(),
			threats: [...WEB_SHOP_INPUT.threats].reverse(),
			votes: [...WEB_SHOP_INPUT.votes].reverse(),
			naMarks: [...WEB_SHOP_INPUT.naMarks].reverse(),
			scopeItems: [...WEB_SHOP_INPUT.scopeItems].reverse(),
		}
		expect(toJson(buildSessionModel(reversed))).toBe(toJson(webShopModel()))
	})

	it('names no element for a threat whose element was removed', () => {
		const model = buildSessionModel({ ...WEB_SHOP_INPUT, elements: WEB_SHOP_INPUT.elements.filter((element) => element.shapeId !== 'shape:ds4') })
		expect(model.threats.find((threat) => threat.humanId === 'T-008')?.elementHumanId).toBeNull()
	})

	it('groups scope items by kind, with an asset’s C/I/A needs', () => {
		const { scope } = webShopModel()
		expect(scope.assets[1]).toEqual({
			humanId: 'A2',
			title: 'Customer accounts',
			description: 'Email, password hash, addresses',
			confidentiality: 'high',
			integrity: 'high',
			availability: 'low',
		})
		expect(scope.threatAgents.map((agent) => [agent.humanId, agent.inScope])).toEqual([
			['TA1', true],
			['TA2', false],
		])
		expect([scope.useCases.length, scope.assumptions.length, scope.compliance.length]).toEqual([2, 1, 1])
	})
})

describe('sessionModelSchema', () => {
	it('rejects a threat whose effective rating is not the agreed-else-author’s one', () => {
		const model = webShopModel()
		const [first, ...rest] = model.threats
		if (!first) throw new Error('fixture has threats')
		const tampered = {
			...model,
			threats: [{ ...first, effective: { ...first.effective, score: 25, likelihood: 5, impact: 5, band: 'Critical' as const } }, ...rest],
		}
		const result = sessionModelSchema.safeParse(tampered)
		expect(result.success).toBe(false)
		expect(result.error?.issues[0]?.path).toEqual(['threats', 0, 'effective'])
	})

	it('rejects a decision in force that is not the latest of the history', () => {
		const model = webShopModel()
		const threats = model.threats.map((threat) => (threat.humanId === 'T-004' ? { ...threat, decision: threat.decisions[0] ?? null } : threat))
		expect(sessionModelSchema.safeParse({ ...model, threats }).success).toBe(false)
	})

	it('rejects another format or version', () => {
		expect(sessionModelSchema.safeParse({ ...webShopModel(), version: 2 }).success).toBe(false)
		expect(sessionModelSchema.safeParse({ ...webShopModel(), format: 'other' }).success).toBe(false)
	})
})
