import { describe, expect, it } from 'vitest'
import { suggestThreats } from './suggestThreats'
import { entityContext, flowContext, processContext, storeContext } from '@/tests/fixtures/suggestions'

const ids = (suggestions: { ruleId: string }[]) => suggestions.map((suggestion) => suggestion.ruleId)

describe('suggestThreats', () => {
	it('suggests nothing for a quiet element', () => {
		expect(suggestThreats('STRIDE', flowContext())).toEqual([])
		expect(suggestThreats('STRIDE', storeContext())).toEqual([])
	})

	it('fills in the default likelihood, impact and risk score', () => {
		const [suggestion] = suggestThreats('STRIDE', storeContext({ storesCredentials: true }))
		expect(suggestion).toMatchObject({ ruleId: 'store-credentials-disclosure', likelihood: 3, impact: 5, riskScore: 15 })
		expect(suggestion?.mitigation).toMatch(/Argon2id/)
	})

	it('orders suggestions by default risk, highest first', () => {
		const scores = suggestThreats('STRIDE', processContext({ isWebApplication: true })).map((s) => s.riskScore)
		expect(scores.length).toBeGreaterThan(1)
		expect(scores).toEqual([...scores].sort((a, b) => b - a))
	})

	it('drops rule categories that do not apply to the element', () => {
		// flow-into-higher-zone is about integrity; STRIDE gives a flow T but never E or S.
		const flow = flowContext({}, { crossesBoundary: true, direction: 'up' })
		expect(suggestThreats('STRIDE', flow).find((s) => s.ruleId === 'flow-into-higher-zone')?.categories).toEqual(['T'])
	})

	it('gives a log store its Repudiation suggestions, which a plain store cannot take', () => {
		expect(ids(suggestThreats('STRIDE', storeContext({ isALog: true, isSigned: false })))).toEqual(
			expect.arrayContaining(['log-audit-trail-tampering', 'log-actions-not-attributable']),
		)
	})

	it('uses the categories of the session framework', () => {
		const store = storeContext({ isALog: true })
		const linddun = suggestThreats('LINDDUN', store)
		expect(ids(linddun)).toEqual(['log-personal-data'])
		expect(linddun[0]?.categories).toEqual(['Dd', 'L', 'Nc'])
		expect(suggestThreats('CIA', store).find((s) => s.ruleId === 'log-personal-data')?.categories).toEqual(['C'])
	})

	it('leaves out rules that have no categories in the framework', () => {
		// entity-unauthenticated is STRIDE only; DIE asks nothing of an entity at all.
		expect(suggestThreats('CIA', entityContext())).toEqual([])
		expect(suggestThreats('DIE', entityContext({}, { inboundFlowCount: 1 }))).toEqual([])
	})

	it('gives a public-network flow a Distributed question under DIE', () => {
		const [suggestion] = suggestThreats('DIE', flowContext({ isPublicNetwork: true }))
		expect(suggestion).toMatchObject({ ruleId: 'flow-public-network-flooding', categories: ['D'] })
	})

	it('suggests AI threats under PLOT4ai only for a process marked as AI', () => {
		const ai = processContext({ aiModel: 'yes' }, { reachableFromLowerZone: true, zone: 3, lowestUpstreamZone: 0 })
		expect(ids(suggestThreats('PLOT4ai', ai))).toEqual(['ai-prompt-injection', 'ai-decision-without-oversight'])
		expect(suggestThreats('PLOT4ai', processContext({ isWebApplication: true }))).toEqual([])
	})

	it('suggests nothing under PLOT4ai for a process marked as not AI', () => {
		expect(suggestThreats('PLOT4ai', processContext({ aiModel: 'no' }))).toEqual([])
	})
})
