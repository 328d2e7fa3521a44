import type { FlowDirection, TrustZone } from '../trustZones'
import type { EntityProperties, FlowProperties, ProcessProperties, StoreProperties } from './elementProperties'

/**
 * Facts about an entity, process or store that come from the whole diagram rather than from the
 * element itself (see buildElementContexts.ts). "Upstream" follows flows in their direction
 * (both ways for a bidirectional flow) and transitively: data an internet user sends to the API
 * that the API queues for a worker does reach the worker.
 */
export type NodeFacts = {
	zone: TrustZone
	/** The lowest zone among the elements with a flow path into this one; null if nothing flows in. */
	lowestUpstreamZone: TrustZone | null
	/** Something in a lower zone can send data here, directly or through other elements. */
	reachableFromLowerZone: boolean
	/** External entities upstream, and how many of them authenticate. */
	upstreamEntities: { total: number; authenticating: number }
	/** Direct flows in and out (a bidirectional flow counts both ways). */
	inboundFlowCount: number
	outboundFlowCount: number
	/** Has a direct flow into a store marked as a log. */
	writesToLog: boolean
}

export type EntityContext = NodeFacts & { kind: 'entity'; props: EntityProperties }
export type ProcessContext = NodeFacts & { kind: 'process' | 'multiprocess'; props: ProcessProperties }
export type StoreContext = NodeFacts & { kind: 'store'; props: StoreProperties }
export type NodeContext = EntityContext | ProcessContext | StoreContext

export type FlowContext = {
	kind: 'flow'
	props: FlowProperties
	/** False (and direction 'same') while either end is unbound. */
	crossesBoundary: boolean
	direction: FlowDirection
	/** The elements at either end, with their own facts; null when the arrow is not bound to one. */
	source: NodeContext | null
	target: NodeContext | null
}

/** Everything a suggestion rule may look at for one element. */
export type ElementContext = NodeContext | FlowContext
