import { describe, expect, it } from 'vitest'
import { buildElementContexts, type DfdModel, dfdModelSchema, type ModelFlow } from './buildElementContexts'
import type { ElementContext, FlowContext, NodeContext } from './elementContext'
import { suggestThreats } from './suggestThreats'

const PAGE = 'page:1'
const at = (x: number, y: number) => ({ pageId: PAGE, bounds: { x, y, w: 20, h: 20 } })
const flow = (id: string, sourceId: string | null, targetId: string | null, props: Partial<ModelFlow['props']> = {}) => ({
	id,
	sourceId,
	targetId,
	props: { protocol: 'HTTPS', isEncrypted: true, isPublicNetwork: false, isBidirectional: false, ...props },
})

/**
 * A shop: a customer on the internet → web app in the DMZ (zone 2) → API in the internal
 * network (zone 3), which writes orders to a PCI store (zone 5) and an audit log, and talks both
 * ways with an IdP. A worker (system rights) reads the order store.
 */
const model: DfdModel = dfdModelSchema.parse({
	boundaries: [
		{ id: 'tb:dmz', zone: 2, pageId: PAGE, bounds: { x: 0, y: 0, w: 100, h: 100 } },
		{ id: 'tb:internal', zone: 3, pageId: PAGE, bounds: { x: 200, y: 0, w: 400, h: 400 } },
		{ id: 'tb:pci', zone: 5, pageId: PAGE, bounds: { x: 400, y: 200, w: 150, h: 150 } },
	],
	nodes: [
		{ id: 'customer', kind: 'entity', ...at(-300, 0), props: { providesAuthentication: false } },
		{ id: 'idp', kind: 'entity', ...at(-300, 300), props: { providesAuthentication: true } },
		{ id: 'web', kind: 'process', ...at(40, 40), props: { isWebApplication: true } },
		{ id: 'api', kind: 'process', ...at(250, 50), props: { privilegeLevel: 'elevated' } },
		{ id: 'worker', kind: 'process', ...at(300, 300), props: { privilegeLevel: 'system' } },
		{ id: 'orders', kind: 'store', ...at(450, 250), props: { storesCredentials: false, isEncrypted: true, isSigned: false } },
		{ id: 'audit', kind: 'store', ...at(250, 150), props: { isALog: true } },
	],
	flows: [
		flow('df:order', 'customer', 'web', { isPublicNetwork: true }),
		flow('df:api', 'web', 'api', { protocol: 'HTTP', isEncrypted: false }),
		flow('df:save', 'api', 'orders'),
		flow('df:audit', 'api', 'audit'),
		flow('df:token', 'api', 'idp', { isBidirectional: true }),
		flow('df:read', 'orders', 'worker'),
		flow('df:dangling', 'worker', null),
	],
})

const contexts = buildElementContexts(model)
function node(id: string): NodeContext {
	const context = contexts.get(id)
	if (!context || context.kind === 'flow') throw new Error(`no node ${id}`)
	return context
}
function flowOf(id: string): FlowContext {
	const context: ElementContext | undefined = contexts.get(id)
	if (context?.kind !== 'flow') throw new Error(`no flow ${id}`)
	return context
}

describe('buildElementContexts', () => {
	it('gives every node and flow a context', () => {
		expect(contexts.size).toBe(model.nodes.length + model.flows.length)
	})

	it('places nodes in the zone of their innermost boundary, and outside ones in zone 0', () => {
		expect([node('customer').zone, node('web').zone, node('api').zone, node('orders').zone]).toEqual([0, 2, 3, 5])
	})

	it('finds lower-zone reachability through intermediate elements', () => {
		expect(node('worker')).toMatchObject({ lowestUpstreamZone: 0, reachableFromLowerZone: true })
		expect(node('customer')).toMatchObject({ lowestUpstreamZone: null, reachableFromLowerZone: false })
	})

	it('follows a bidirectional flow both ways', () => {
		// The IdP sends tokens back to the API, so the API has an authenticating entity upstream.
		expect(node('api').upstreamEntities).toEqual({ total: 2, authenticating: 1 })
		expect(node('idp')).toMatchObject({ inboundFlowCount: 1, outboundFlowCount: 1 })
	})

	it('counts entities that reach a process only through others', () => {
		expect(node('web').upstreamEntities).toEqual({ total: 1, authenticating: 0 })
		expect(node('worker').upstreamEntities).toEqual({ total: 2, authenticating: 1 })
	})

	it('notices a process that writes to a log', () => {
		expect(node('api').writesToLog).toBe(true)
		expect(node('web').writesToLog).toBe(false)
	})

	it('gives a flow its crossing, direction and both ends with their own facts', () => {
		expect(flowOf('df:order')).toMatchObject({ crossesBoundary: true, direction: 'up' })
		expect(flowOf('df:order').source?.kind).toBe('entity')
		expect(flowOf('df:read')).toMatchObject({ crossesBoundary: true, direction: 'down' })
		expect(flowOf('df:audit')).toMatchObject({ crossesBoundary: false, direction: 'same' })
	})

	it('leaves a dangling flow without an end, crossing nothing', () => {
		expect(flowOf('df:dangling')).toMatchObject({ crossesBoundary: false, direction: 'same', target: null })
	})

	it('feeds the suggestion rules with what they need', () => {
		const rulesFor = (id: string) => suggestThreats('STRIDE', contexts.get(id)!).map((s) => s.ruleId)
		expect(rulesFor('df:api')).toEqual(expect.arrayContaining(['flow-unencrypted-across-boundary', 'flow-plaintext-protocol', 'flow-into-higher-zone']))
		expect(rulesFor('api')).toContain('process-privileged-reachable-from-lower-zone')
		expect(rulesFor('api')).not.toContain('process-no-authenticated-caller')
		expect(rulesFor('web')).toEqual(expect.arrayContaining(['process-no-authenticated-caller', 'process-no-audit-log', 'web-app-xss']))
		expect(rulesFor('worker')).toEqual(expect.arrayContaining(['process-runs-as-system', 'process-privileged-reachable-from-lower-zone']))
		expect(rulesFor('customer')).toEqual(['entity-unauthenticated'])
		expect(rulesFor('idp')).toEqual(['entity-credential-attacks', 'entity-recipient-impersonation'])
	})
})
