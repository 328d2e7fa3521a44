import type { AttackGate } from './records/attackNodeRecord'

/** An attack-tree node as the tree builder needs it: the record, ids widened to strings. */
export interface AttackNodeInput {
	id: string
	ancestors: readonly string[]
	threatId: string | null
	label: string
	gate: AttackGate
	linkedThreatId: string | null
	order: number
	createdAt: number
}

export interface PlacedAttackNode<N extends AttackNodeInput = AttackNodeInput> {
	node: N
	/** 0 for the goal. */
	depth: number
	parentId: string | null
	isLeaf: boolean
}

export interface AttackTree<N extends AttackNodeInput = AttackNodeInput> {
	root: N
	/** Every node reachable from the root, depth first, siblings in order: the outline's rows. */
	nodes: PlacedAttackNode<N>[]
}

function bySiblingOrder(a: AttackNodeInput, b: AttackNodeInput): number {
	return a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

const pathKey = (path: readonly string[]) => path.join('\n')

/**
 * The trees the nodes form. A node belongs where its whole path leads: a node whose parent was
 * deleted (or whose path names nodes that never existed) is reachable from no root and left out,
 * so what is shown and exported is always a tree.
 */
export function attackTreesOf<N extends AttackNodeInput>(nodes: readonly N[]): AttackTree<N>[] {
	const childrenOf = new Map<string, N[]>()
	for (const node of nodes) {
		if (node.ancestors.length === 0) continue
		const key = pathKey(node.ancestors)
		childrenOf.set(key, [...(childrenOf.get(key) ?? []), node])
	}
	const roots = nodes.filter((node) => node.ancestors.length === 0).sort(bySiblingOrder)
	return roots.map((root) => {
		const placed: PlacedAttackNode<N>[] = []
		const visit = (node: N, parentId: string | null) => {
			const path = [...node.ancestors, node.id]
			const children = [...(childrenOf.get(pathKey(path)) ?? [])].sort(bySiblingOrder)
			placed.push({ node, depth: node.ancestors.length, parentId, isLeaf: children.length === 0 })
			for (const child of children) visit(child, node.id)
		}
		visit(root, null)
		return { root, nodes: placed }
	})
}

/** The order for a new last child: after every sibling there is. */
export function nextSiblingOrder(siblings: readonly Pick<AttackNodeInput, 'order'>[]): number {
	return siblings.reduce((max, sibling) => Math.max(max, sibling.order), 0) + 1
}
