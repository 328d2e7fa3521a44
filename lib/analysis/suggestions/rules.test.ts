import { describe, expect, it } from 'vitest'
import { applicableCategories } from '@/lib/frameworks/frameworkCatalog'
import { FRAMEWORKS } from '@/lib/sessionEnums'
import { isRiskLevel } from '@/lib/risk/riskScore'
import type { ElementContext } from './elementContext'
import { SUGGESTION_RULES, type SuggestionRuleId } from './rules'
import { applicabilityOf, suggestThreats } from './suggestThreats'
import { entityContext, flowContext, processContext, storeContext } from '@/tests/fixtures/suggestions'

type RuleCase = { positive: ElementContext; negative: ElementContext }

const internetUser = entityContext({}, { zone: 0 })
const upstreamFromInternet = { zone: 3, lowestUpstreamZone: 0, reachableFromLowerZone: true } as const
const anonymousCallers = { upstreamEntities: { total: 1, authenticating: 0 } }

/**
 * One positive and one negative context per rule; the negative differs only in the fact the rule
 * hinges on. `satisfies Record<SuggestionRuleId, …>` makes a new rule without a case a type error,
 * and the first test below makes it a failing test as well.
 */
const CASES = {
	'entity-unauthenticated': {
		positive: entityContext({ providesAuthentication: false }),
		negative: entityContext({ providesAuthentication: true }),
	},
	'entity-credential-attacks': {
		positive: entityContext({ providesAuthentication: true }, { zone: 0 }),
		negative: entityContext({ providesAuthentication: true }, { zone: 2 }),
	},
	'entity-recipient-impersonation': {
		positive: entityContext({}, { inboundFlowCount: 1 }),
		negative: entityContext({}, { inboundFlowCount: 0, outboundFlowCount: 2 }),
	},
	'flow-unencrypted-across-boundary': {
		positive: flowContext({ isEncrypted: false }, { crossesBoundary: true }),
		negative: flowContext({ isEncrypted: true }, { crossesBoundary: true }),
	},
	'flow-plaintext-protocol': {
		positive: flowContext({ protocol: 'FTP', isEncrypted: false }),
		negative: flowContext({ protocol: 'SFTP', isEncrypted: false }),
	},
	'flow-into-higher-zone': {
		positive: flowContext({}, { crossesBoundary: true, direction: 'up' }),
		negative: flowContext({}, { crossesBoundary: true, direction: 'down' }),
	},
	'flow-into-lower-zone': {
		positive: flowContext({}, { crossesBoundary: true, direction: 'down' }),
		negative: flowContext({}, { crossesBoundary: true, direction: 'up' }),
	},
	'flow-public-network-flooding': {
		positive: flowContext({ isPublicNetwork: true }),
		negative: flowContext({ isPublicNetwork: false }),
	},
	'flow-bidirectional-across-boundary': {
		positive: flowContext({ isBidirectional: true }, { crossesBoundary: true }),
		negative: flowContext({ isBidirectional: true }, { crossesBoundary: false }),
	},
	'flow-carries-credentials': {
		positive: flowContext({}, { target: storeContext({ storesCredentials: true }) }),
		negative: flowContext({}, { target: storeContext({ storesCredentials: false }) }),
	},
	'flow-log-injection': {
		positive: flowContext({}, { source: processContext({}, upstreamFromInternet), target: storeContext({ isALog: true }) }),
		negative: flowContext({}, { source: processContext(), target: storeContext({ isALog: true }) }),
	},
	'flow-entity-direct-to-store': {
		positive: flowContext({}, { source: internetUser, target: storeContext() }),
		negative: flowContext({}, { source: internetUser, target: processContext() }),
	},
	'flow-store-connection-unencrypted': {
		positive: flowContext({ isEncrypted: false }, { target: storeContext() }),
		negative: flowContext({ isEncrypted: true }, { target: storeContext() }),
	},
	'flow-to-third-party': {
		positive: flowContext({}, { source: processContext(), target: entityContext() }),
		negative: flowContext({}, { source: entityContext(), target: processContext() }),
	},
	'process-privileged-reachable-from-lower-zone': {
		positive: processContext({ privilegeLevel: 'elevated' }, upstreamFromInternet),
		negative: processContext({ privilegeLevel: 'standard' }, upstreamFromInternet),
	},
	'process-runs-as-system': {
		positive: processContext({ privilegeLevel: 'system' }),
		negative: processContext({ privilegeLevel: 'elevated' }),
	},
	'web-app-injection': {
		positive: processContext({ isWebApplication: true }),
		negative: processContext({ isWebApplication: false }),
	},
	'web-app-xss': {
		positive: processContext({ isWebApplication: true }),
		negative: processContext({ isWebApplication: false }),
	},
	'web-app-csrf': {
		positive: processContext({ isWebApplication: true }),
		negative: processContext({ isWebApplication: false }),
	},
	'web-app-broken-access-control': {
		positive: processContext({ isWebApplication: true }),
		negative: processContext({ isWebApplication: false }),
	},
	'web-app-ssrf': {
		positive: processContext({ isWebApplication: true }),
		negative: processContext({ isWebApplication: false }),
	},
	'process-no-authenticated-caller': {
		positive: processContext({}, anonymousCallers),
		negative: processContext({}, { upstreamEntities: { total: 2, authenticating: 1 } }),
	},
	'process-exhaustion-from-lower-zone': {
		positive: processContext({}, upstreamFromInternet),
		negative: processContext({}, { zone: 3, lowestUpstreamZone: 3, reachableFromLowerZone: false }),
	},
	'process-no-audit-log': {
		positive: processContext({}, { ...anonymousCallers, writesToLog: false }),
		negative: processContext({}, { ...anonymousCallers, writesToLog: true }),
	},
	'multiprocess-implicit-internal-trust': {
		positive: processContext({}, {}, 'multiprocess'),
		negative: processContext({}, {}, 'process'),
	},
	'ai-prompt-injection': {
		positive: processContext({ aiModel: 'yes' }, upstreamFromInternet),
		negative: processContext({}, upstreamFromInternet),
	},
	'ai-personal-data-in-model': {
		positive: processContext({ aiModel: 'yes' }, anonymousCallers),
		negative: processContext({ aiModel: 'no' }, anonymousCallers),
	},
	'ai-decision-without-oversight': {
		positive: processContext({ aiModel: 'yes' }),
		negative: processContext({ aiModel: 'no' }),
	},
	'store-credentials-disclosure': {
		positive: storeContext({ storesCredentials: true }),
		negative: storeContext({ storesCredentials: false }),
	},
	'store-long-lived-secrets': {
		positive: storeContext({ storesCredentials: true }),
		negative: storeContext({ storesCredentials: false }),
	},
	'store-unencrypted-at-rest': {
		positive: storeContext({ isEncrypted: false }),
		negative: storeContext({ isEncrypted: true }),
	},
	'store-unsigned-tampering': {
		positive: storeContext({ isSigned: false }),
		negative: storeContext({ isSigned: true }),
	},
	'log-audit-trail-tampering': {
		positive: storeContext({ isALog: true, isSigned: false }),
		negative: storeContext({ isALog: true, isSigned: true }),
	},
	'log-actions-not-attributable': {
		positive: storeContext({ isALog: true }),
		negative: storeContext({ isALog: false }),
	},
	'log-personal-data': {
		positive: storeContext({ isALog: true }),
		negative: storeContext({ isALog: false }),
	},
	'store-stored-injection': {
		positive: storeContext({}, upstreamFromInternet),
		negative: storeContext({}, { zone: 3, lowestUpstreamZone: 5, reachableFromLowerZone: false }),
	},
	'store-exhaustion-from-lower-zone': {
		positive: storeContext({}, upstreamFromInternet),
		negative: storeContext({}, { zone: 0, lowestUpstreamZone: 0, reachableFromLowerZone: false }),
	},
} satisfies Record<SuggestionRuleId, RuleCase>

const caseFor = (id: string): RuleCase | undefined => (CASES as Record<string, RuleCase>)[id]

describe('suggestion rules', () => {
	it('has a positive and a negative case for every rule, and no case for a rule that does not exist', () => {
		const ruleIds = SUGGESTION_RULES.map((rule) => rule.id).sort()
		expect(Object.keys(CASES).sort()).toEqual(ruleIds)
	})

	it('has at least 25 rules with unique kebab-case ids', () => {
		const ids = SUGGESTION_RULES.map((rule) => rule.id)
		expect(ids.length).toBeGreaterThanOrEqual(25)
		expect(new Set(ids).size).toBe(ids.length)
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	})

	for (const rule of SUGGESTION_RULES) {
		describe(rule.id, () => {
			it('applies to its positive case', () => {
				const ruleCase = caseFor(rule.id)
				expect(ruleCase).toBeDefined()
				expect(rule.appliesTo(ruleCase!.positive)).toBe(true)
			})

			it('does not apply to its negative case', () => {
				expect(rule.appliesTo(caseFor(rule.id)!.negative)).toBe(false)
			})

			it('is suggested under STRIDE with every one of its STRIDE categories', () => {
				const suggestion = suggestThreats('STRIDE', caseFor(rule.id)!.positive).find((s) => s.ruleId === rule.id)
				expect(suggestion?.categories).toEqual(rule.categories.STRIDE)
			})

			it('only names categories that apply to the kind of element it fires on', () => {
				const element = applicabilityOf(caseFor(rule.id)!.positive)
				for (const framework of FRAMEWORKS) {
					const listed: readonly string[] = (rule.categories as Partial<Record<string, readonly string[]>>)[framework] ?? []
					const applicable: readonly string[] = applicableCategories(framework, element)
					for (const category of listed) expect(applicable, `${framework} ${category}`).toContain(category)
				}
			})

			it('has a title, a description, a mitigation hint and a default likelihood and impact on the 1–5 scale', () => {
				expect(rule.title.length).toBeGreaterThan(5)
				expect(rule.description.length).toBeGreaterThan(80)
				expect(rule.mitigation.length).toBeGreaterThan(40)
				expect(isRiskLevel(rule.defaultLikelihood)).toBe(true)
				expect(isRiskLevel(rule.defaultImpact)).toBe(true)
			})
		})
	}
})
