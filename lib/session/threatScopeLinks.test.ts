import { describe, expect, it } from 'vitest'
import type { ScopeItemId } from './records/scopeItemRecord'
import { linkedScopeItems, threatsLinkedTo } from './threatScopeLinks'
import { testThreat } from '@/fixtures/workshopRecords'
import { fixtureScopeItem } from '@/fixtures/workshopRecords'

const asset = fixtureScopeItem({ kind: 'asset', id: 'scope-item:a1' as ScopeItemId, humanId: 'A1' })
const agent = fixtureScopeItem({ kind: 'threatAgent', id: 'scope-item:ta1' as ScopeItemId, humanId: 'TA1' })
const useCase = fixtureScopeItem({ kind: 'useCase', id: 'scope-item:uc1' as ScopeItemId, humanId: 'UC1' })

describe('threats by asset or threat agent', () => {
	const onAsset = testThreat({ assetIds: [asset.id] })
	const byAgent = testThreat({ agentIds: [agent.id] })
	const both = testThreat({ shapeId: null, assetIds: [asset.id], agentIds: [agent.id] })
	const deleted = testThreat({ assetIds: [asset.id], isDeleted: true })
	const threats = [onAsset, byAgent, both, deleted]

	it('finds the live threats naming an asset, element-bound and model-level alike', () => {
		expect(threatsLinkedTo(threats, asset)).toEqual([onAsset, both])
	})

	it('finds the live threats naming a threat agent', () => {
		expect(threatsLinkedTo(threats, agent)).toEqual([byAgent, both])
	})

	it('matches an asset id only among assets, and nothing for another kind of scope item', () => {
		expect(threatsLinkedTo([testThreat({ agentIds: [asset.id] })], asset)).toEqual([])
		expect(threatsLinkedTo(threats, useCase)).toEqual([])
	})

	it('names only the scope items still there: a link to a deleted one is passed over', () => {
		const threat = testThreat({ assetIds: ['scope-item:gone' as ScopeItemId, asset.id], agentIds: [agent.id] })
		expect(linkedScopeItems(threat, [asset, agent, useCase])).toEqual([asset, agent])
		expect(linkedScopeItems(threat, [])).toEqual([])
	})
})
