/**
 * Element contexts for tests: safe, boring defaults (standard privilege, nothing reachable, zone 3)
 * so each test states only the fact it is about. Not used by production code.
 */
import type { EntityContext, FlowContext, NodeFacts, ProcessContext, StoreContext } from './elementContext'
import {
	type EntityProperties,
	type FlowProperties,
	type ProcessProperties,
	type StoreProperties,
	entityPropertiesSchema,
	flowPropertiesSchema,
	processPropertiesSchema,
	storePropertiesSchema,
} from './elementProperties'

const QUIET_FACTS: NodeFacts = {
	zone: 3,
	lowestUpstreamZone: null,
	reachableFromLowerZone: false,
	upstreamEntities: { total: 0, authenticating: 0 },
	inboundFlowCount: 0,
	outboundFlowCount: 0,
	writesToLog: false,
}

export function entityContext(props: Partial<EntityProperties> = {}, facts: Partial<NodeFacts> = {}): EntityContext {
	return { ...QUIET_FACTS, ...facts, kind: 'entity', props: entityPropertiesSchema.parse(props) }
}

export function processContext(
	props: Partial<ProcessProperties> = {},
	facts: Partial<NodeFacts> = {},
	kind: ProcessContext['kind'] = 'process'
): ProcessContext {
	return { ...QUIET_FACTS, ...facts, kind, props: processPropertiesSchema.parse(props) }
}

/** Defaults to an encrypted, signed store so only the property under test raises anything. */
export function storeContext(props: Partial<StoreProperties> = {}, facts: Partial<NodeFacts> = {}): StoreContext {
	return {
		...QUIET_FACTS,
		...facts,
		kind: 'store',
		props: storePropertiesSchema.parse({ isEncrypted: true, isSigned: true, ...props }),
	}
}

/** Defaults to an encrypted flow between two processes in the same zone. */
export function flowContext(
	props: Partial<FlowProperties> = {},
	facts: Partial<Omit<FlowContext, 'kind' | 'props'>> = {}
): FlowContext {
	return {
		kind: 'flow',
		props: flowPropertiesSchema.parse({ isEncrypted: true, ...props }),
		crossesBoundary: false,
		direction: 'same',
		source: processContext(),
		target: processContext(),
		...facts,
	}
}
