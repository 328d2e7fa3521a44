import * as z from 'zod/mini'
import { nonEmptyString } from '@/lib/nonEmptyString'
import { analyseTrustZones, boundsSchema, type ElementPlacement, type TrustZone, zoneBoundarySchema } from '../trustZones'
import type { ElementContext, FlowContext, NodeContext, NodeFacts } from './elementContext'
import { entityPropertiesSchema, flowPropertiesSchema, processPropertiesSchema, storePropertiesSchema } from './elementProperties'

const placed = { id: nonEmptyString, pageId: nonEmptyString, bounds: boundsSchema }

const modelNodeSchema = z.discriminatedUnion('kind', [
	z.object({ ...placed, kind: z.literal('entity'), props: entityPropertiesSchema }),
	z.object({ ...placed, kind: z.enum(['process', 'multiprocess']), props: processPropertiesSchema }),
	z.object({ ...placed, kind: z.literal('store'), props: storePropertiesSchema }),
])
export type ModelNode = z.infer<typeof modelNodeSchema>

const modelFlowSchema = z.object({
	id: nonEmptyString,
	sourceId: z.nullable(nonEmptyString),
	targetId: z.nullable(nonEmptyString),
	props: flowPropertiesSchema,
})
export type ModelFlow = z.infer<typeof modelFlowSchema>

export const dfdModelSchema = z.object({
	nodes: z.array(modelNodeSchema),
	flows: z.array(modelFlowSchema),
	boundaries: z.array(zoneBoundarySchema),
})
export type DfdModel = z.infer<typeof dfdModelSchema>

function lower(a: TrustZone | null, b: TrustZone): TrustZone {
	return a === null || b < a ? b : a
}

/**
 * Derives the context every suggestion rule reads, for every node and flow of one diagram. Cost is
 * one backwards walk per node (nodes × flows), which is nothing at whiteboard sizes.
 */
export function buildElementContexts(model: DfdModel): Map<string, ElementContext> {
	const zones = analyseTrustZones({ boundaries: model.boundaries, elements: model.nodes, flows: model.flows })
	const nodesById = new Map(model.nodes.map((node) => [node.id, node]))
	const bound = model.flows.filter(
		(flow): flow is ModelFlow & { sourceId: string; targetId: string } =>
			flow.sourceId !== null && flow.targetId !== null && nodesById.has(flow.sourceId) && nodesById.has(flow.targetId),
	)

	// Directed edges; a bidirectional flow carries data both ways, so it counts both ways.
	const incoming = new Map<string, string[]>()
	const outgoing = new Map<string, string[]>()
	const addEdge = (from: string, to: string) => {
		incoming.set(to, [...(incoming.get(to) ?? []), from])
		outgoing.set(from, [...(outgoing.get(from) ?? []), to])
	}
	for (const flow of bound) {
		addEdge(flow.sourceId, flow.targetId)
		if (flow.props.isBidirectional) addEdge(flow.targetId, flow.sourceId)
	}

	const upstreamOf = (id: string): Set<string> => {
		const seen = new Set<string>()
		const queue = [...(incoming.get(id) ?? [])]
		for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
			if (next === id || seen.has(next)) continue
			seen.add(next)
			queue.push(...(incoming.get(next) ?? []))
		}
		return seen
	}

	const placementOf = (id: string): ElementPlacement => zones.elements.get(id) ?? { zone: 0, boundaryIds: [] }

	const contexts = new Map<string, ElementContext>()
	for (const node of model.nodes) {
		const zone = placementOf(node.id).zone
		let lowestUpstreamZone: TrustZone | null = null
		let total = 0
		let authenticating = 0
		for (const upstreamId of upstreamOf(node.id)) {
			const upstream = nodesById.get(upstreamId)
			if (!upstream) continue
			lowestUpstreamZone = lower(lowestUpstreamZone, placementOf(upstreamId).zone)
			if (upstream.kind === 'entity') {
				total += 1
				if (upstream.props.providesAuthentication) authenticating += 1
			}
		}
		const targets = outgoing.get(node.id) ?? []
		const facts: NodeFacts = {
			zone,
			lowestUpstreamZone,
			reachableFromLowerZone: lowestUpstreamZone !== null && lowestUpstreamZone < zone,
			upstreamEntities: { total, authenticating },
			inboundFlowCount: incoming.get(node.id)?.length ?? 0,
			outboundFlowCount: targets.length,
			writesToLog: targets.some((id) => {
				const target = nodesById.get(id)
				return target?.kind === 'store' && target.props.isALog
			}),
		}
		contexts.set(node.id, toNodeContext(node, facts))
	}

	for (const flow of model.flows) {
		const source = flow.sourceId === null ? undefined : contexts.get(flow.sourceId)
		const target = flow.targetId === null ? undefined : contexts.get(flow.targetId)
		const crossing = zones.flows.get(flow.id)
		const context: FlowContext = {
			kind: 'flow',
			props: flow.props,
			crossesBoundary: crossing?.crossesBoundary ?? false,
			direction: crossing?.direction ?? 'same',
			source: source && source.kind !== 'flow' ? source : null,
			target: target && target.kind !== 'flow' ? target : null,
		}
		contexts.set(flow.id, context)
	}
	return contexts
}

function toNodeContext(node: ModelNode, facts: NodeFacts): NodeContext {
	switch (node.kind) {
		case 'entity':
			return { ...facts, kind: node.kind, props: node.props }
		case 'process':
		case 'multiprocess':
			return { ...facts, kind: node.kind, props: node.props }
		case 'store':
			return { ...facts, kind: node.kind, props: node.props }
	}
}
