import { stripControlCharacters } from '../escape'
import type { ModelAttackTree, ModelAttackTreeNode } from './notebookModel'

/** Characters a Mermaid label shows as they are (letters of any script); the rest become `#code;` entities. */
const PLAIN = /[\p{L}\p{N} .,:!?'_/()+→-]/u

/**
 * Text as the inside of a quoted Mermaid label. Quotes, brackets, `<`, `#`, `;`, backticks and
 * line breaks would end the label, start markup or an entity, so each is written as Mermaid's
 * numeric entity and shows as itself.
 */
export function mermaidLabel(text: string): string {
	return [...stripControlCharacters(text).replace(/\s+/g, ' ').trim()].map((char) => (PLAIN.test(char) ? char : `#${char.codePointAt(0)};`)).join('')
}

/** What a node says: its label, how its children combine, the threat a leaf is. */
export function attackNodeCaption(node: ModelAttackTreeNode): string {
	if (!node.isLeaf) return `${node.label} (${node.gate.toUpperCase()})`
	return node.linkedThreat ? `${node.label} → ${node.linkedThreat.humanId || node.linkedThreat.title}` : node.label
}

/** A tree as a Mermaid `graph TD`: node ids are positions, so no user text reaches the syntax unescaped. */
export function attackTreeMermaid(tree: ModelAttackTree): string {
	const key = new Map(tree.nodes.map((node, index) => [node.id, `n${index}`]))
	const lines = ['graph TD']
	for (const node of tree.nodes) lines.push(`  ${key.get(node.id)}["${mermaidLabel(attackNodeCaption(node))}"]`)
	for (const node of tree.nodes) {
		const parent = node.parentId === null ? undefined : key.get(node.parentId)
		if (parent) lines.push(`  ${parent} --> ${key.get(node.id)}`)
	}
	return lines.join('\n')
}
