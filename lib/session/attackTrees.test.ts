import { describe, expect, it } from 'vitest'
import { type AttackNodeInput, attackTreesOf, nextSiblingOrder } from './attackTrees'

function node(id: string, ancestors: string[], overrides: Partial<AttackNodeInput> = {}): AttackNodeInput {
	return { id, ancestors, threatId: null, label: id, gate: 'or', linkedThreatId: null, order: 1, createdAt: 1, ...overrides }
}

describe('attack trees', () => {
	it('builds each tree depth first, siblings in order, leaves marked', () => {
		const trees = attackTreesOf([node('b', ['g'], { order: 2 }), node('g', [], { gate: 'and' }), node('a', ['g'], { order: 1 }), node('a1', ['g', 'a'])])
		expect(trees).toHaveLength(1)
		expect(trees[0]?.nodes.map(({ node: n, depth, parentId, isLeaf }) => [n.id, depth, parentId, isLeaf])).toEqual([
			['g', 0, null, false],
			['a', 1, 'g', false],
			['a1', 2, 'a', true],
			['b', 1, 'g', true],
		])
	})

	it('leaves out nodes no root reaches: orphans and forged cycles', () => {
		const trees = attackTreesOf([node('g', []), node('orphan', ['g', 'deleted']), node('x', ['y']), node('y', ['x'])])
		expect(trees.flatMap((tree) => tree.nodes.map((placed) => placed.node.id))).toEqual(['g'])
	})

	it('orders a new child after its siblings', () => {
		expect(nextSiblingOrder([])).toBe(1)
		expect(nextSiblingOrder([{ order: 3 }, { order: 1 }])).toBe(4)
	})
})
