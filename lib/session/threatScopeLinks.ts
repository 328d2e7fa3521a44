import type { ScopeItemRecord } from './records/scopeItemRecord'
import type { ThreatRecord } from './records/threatRecord'

/** The scope items a threat can be linked to: assets, and threat agents. */
export function isLinkableScopeItem(item: Pick<ScopeItemRecord, 'kind'>): boolean {
	return item.kind === 'asset' || item.kind === 'threatAgent'
}

/**
 * The live threats that name one asset or threat agent, oldest first as given. An item of another
 * kind names none; a link to an item since deleted simply matches nothing.
 */
export function threatsLinkedTo(threats: readonly ThreatRecord[], item: Pick<ScopeItemRecord, 'id' | 'kind'>): ThreatRecord[] {
	if (!isLinkableScopeItem(item)) return []
	return threats.filter((threat) => !threat.isDeleted && (item.kind === 'asset' ? threat.assetIds : threat.agentIds).includes(item.id))
}

/** The scope items a threat names that are still in the scope, in the scope's order. */
export function linkedScopeItems(threat: Pick<ThreatRecord, 'assetIds' | 'agentIds'>, items: readonly ScopeItemRecord[]): ScopeItemRecord[] {
	return items.filter((item) => (item.kind === 'asset' ? threat.assetIds : item.kind === 'threatAgent' ? threat.agentIds : []).includes(item.id))
}
