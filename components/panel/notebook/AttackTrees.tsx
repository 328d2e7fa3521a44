'use client'

import { type FormEvent, useState } from 'react'
import { useValue } from 'tldraw'
import { type AttackTree, attackTreesOf, nextSiblingOrder, type PlacedAttackNode } from '@/lib/session/attackTrees'
import { attackSubtreeIds, newAttackGoal, newAttackStep } from '@/lib/session/notebookFactories'
import { ATTACK_LABEL_MAX, ATTACK_TREE_MAX_DEPTH, type AttackNodeRecord } from '@/lib/session/records/attackNodeRecord'
import type { ThreatId, ThreatRecord } from '@/lib/session/records/threatRecord'
import { canContribute, canFacilitate } from '@/lib/session/sessionPermissions'
import { PanelSection } from '../common/PanelSection'
import { useSession } from '../SessionContext'
import { putSessionRecords, removeSessionRecords } from '../sessionWrites'

/** A label typed inline: Enter adds or renames, Escape gives up. */
function LabelForm({
	initial,
	label,
	testId,
	onSubmit,
	onCancel,
}: {
	initial: string
	label: string
	testId: string
	onSubmit: (value: string) => void
	onCancel: () => void
}) {
	const [value, setValue] = useState(initial)
	const submit = (event: FormEvent) => {
		event.preventDefault()
		if (value.trim()) onSubmit(value.trim())
	}
	return (
		<form className="tr-attack__form" onSubmit={submit}>
			<input
				aria-label={label}
				data-testid={testId}
				value={value}
				maxLength={ATTACK_LABEL_MAX}
				// biome-ignore lint/a11y/noAutofocus: the field opens because the user asked to add a step: typing goes there
				autoFocus
				onChange={(event) => setValue(event.target.value)}
				onKeyDown={(event) => {
					if (event.key === 'Escape') onCancel()
				}}
			/>
			<button type="submit" className="tr-button tr-button--small" data-testid={`${testId}.ok`} disabled={!value.trim()}>
				OK
			</button>
			<button type="button" className="tr-text-button" onClick={onCancel}>
				Cancel
			</button>
		</form>
	)
}

const threatTag = (threat: ThreatRecord) => `${threat.humanId || 'New'} ${threat.title}`

function NodeRow({
	placed,
	tree,
	threats,
}: {
	placed: PlacedAttackNode<AttackNodeRecord>
	tree: AttackTree<AttackNodeRecord>
	threats: readonly ThreatRecord[]
}) {
	const { editor, role, userId } = useSession()
	const { node, depth, isLeaf } = placed
	const [editing, setEditing] = useState<'rename' | 'child' | null>(null)
	const editable = canFacilitate(role) || node.createdBy === userId
	const depthLeft = depth < ATTACK_TREE_MAX_DEPTH
	const linked = threats.find((threat) => threat.id === node.linkedThreatId)
	const put = (changes: Partial<AttackNodeRecord>) => putSessionRecords(editor, [{ ...node, ...changes }])
	const children = tree.nodes.filter((other) => other.parentId === node.id).map((other) => other.node)
	const subtree = attackSubtreeIds(
		node,
		tree.nodes.map((entry) => entry.node),
	)
	// The room lets a participant delete only their own nodes: offer it when the whole branch is theirs.
	const deletable = canFacilitate(role) || tree.nodes.every((entry) => !subtree.includes(entry.node.id) || entry.node.createdBy === userId)

	return (
		<li
			className="tr-attack__node"
			role="treeitem"
			tabIndex={-1}
			aria-level={depth + 1}
			aria-selected={false}
			data-testid="panel.attack.node"
			data-depth={depth}
			data-gate={node.gate}
			style={{ paddingLeft: `${depth * 16}px` }}
		>
			{editing === 'rename' ? (
				<LabelForm
					initial={node.label}
					label="Rename this step"
					testId="panel.attack.rename"
					onCancel={() => setEditing(null)}
					onSubmit={(label) => {
						put({ label })
						setEditing(null)
					}}
				/>
			) : (
				<span className="tr-attack__label" data-testid="panel.attack.node.label">
					{node.label}
				</span>
			)}
			{!isLeaf && (
				<span className="tr-attack__gate" data-testid="panel.attack.node.gate">
					{node.gate === 'and' ? 'ALL of' : 'ANY of'}
				</span>
			)}
			{isLeaf && linked && (
				<span className="tr-attack__link" data-testid="panel.attack.node.linked">
					→ {threatTag(linked)}
				</span>
			)}
			{canContribute(role) && editing === null && (
				<span className="tr-attack__actions">
					{depthLeft && (
						<button type="button" className="tr-text-button" data-testid="panel.attack.addChild" onClick={() => setEditing('child')}>
							+ Step
						</button>
					)}
					{editable && (
						<>
							<button type="button" className="tr-text-button" data-testid="panel.attack.renameButton" onClick={() => setEditing('rename')}>
								Rename
							</button>
							<button
								type="button"
								className="tr-text-button"
								data-testid="panel.attack.toggleGate"
								aria-label={`Children combine with ${node.gate.toUpperCase()}; switch to ${node.gate === 'and' ? 'OR' : 'AND'}`}
								onClick={() => put({ gate: node.gate === 'and' ? 'or' : 'and' })}
							>
								{node.gate === 'and' ? 'AND → OR' : 'OR → AND'}
							</button>
							{isLeaf && (
								<select
									aria-label="Link this attack to a threat"
									data-testid="panel.attack.link"
									value={node.linkedThreatId ?? ''}
									onChange={(event) => put({ linkedThreatId: event.target.value ? (event.target.value as ThreatId) : null })}
								>
									<option value="">No linked threat</option>
									{threats.map((threat) => (
										<option key={threat.id} value={threat.id}>
											{threatTag(threat)}
										</option>
									))}
								</select>
							)}
							{deletable && (
								<button
									type="button"
									className="tr-text-button tr-text-button--danger"
									data-testid="panel.attack.delete"
									aria-label={subtree.length > 1 ? `Delete ${node.label} and the ${subtree.length - 1} steps below it` : `Delete ${node.label}`}
									onClick={() => removeSessionRecords(editor, subtree)}
								>
									Delete
								</button>
							)}
						</>
					)}
				</span>
			)}
			{editing === 'child' && (
				<LabelForm
					initial=""
					label={`New step under ${node.label}`}
					testId="panel.attack.childLabel"
					onCancel={() => setEditing(null)}
					onSubmit={(label) => {
						putSessionRecords(editor, [newAttackStep(node, label, nextSiblingOrder(children))])
						setEditing(null)
					}}
				/>
			)}
		</li>
	)
}

function TreeView({ tree, threats }: { tree: AttackTree<AttackNodeRecord>; threats: readonly ThreatRecord[] }) {
	const owner = threats.find((threat) => threat.id === tree.root.threatId)
	return (
		<div className="tr-attack" data-testid="panel.attack.tree" data-tree-id={tree.root.id}>
			<p className="tr-attack__owner">{owner ? `On ${threatTag(owner)}` : 'Model-level goal'}</p>
			{/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a list of tree items is how ARIA's tree pattern is written */}
			<ul role="tree" aria-label={`Attack tree: ${tree.root.label}`} className="tr-attack__outline">
				{tree.nodes.map((placed) => (
					<NodeRow key={placed.node.id} placed={placed} tree={tree} threats={threats} />
				))}
			</ul>
		</div>
	)
}

/** Attack trees: a goal, on a threat or for the whole model, broken into AND/OR steps down to attacks. */
export function AttackTrees() {
	const { editor, model, role } = useSession()
	const nodes = useValue('attack nodes', () => editor.store.query.records('attack-node').get(), [editor])
	const threats = useValue('live threats', () => model.liveThreats.get(), [model])
	const trees = attackTreesOf(nodes)
	const [adding, setAdding] = useState(false)
	const [threatId, setThreatId] = useState('')

	return (
		<PanelSection
			title="Attack trees"
			testId="panel.attack"
			aside={
				canContribute(role) && !adding ? (
					<button type="button" className="tr-text-button" data-testid="panel.attack.newTree" onClick={() => setAdding(true)}>
						+ Tree
					</button>
				) : null
			}
		>
			{adding && (
				<div className="tr-attack__new">
					<select
						aria-label="The threat this tree elaborates"
						data-testid="panel.attack.newTree.threat"
						value={threatId}
						onChange={(event) => setThreatId(event.target.value)}
					>
						<option value="">Model-level goal (no threat)</option>
						{threats.map((threat) => (
							<option key={threat.id} value={threat.id}>
								{threatTag(threat)}
							</option>
						))}
					</select>
					<LabelForm
						initial=""
						label="The attacker's goal"
						testId="panel.attack.newTree.goal"
						onCancel={() => setAdding(false)}
						onSubmit={(label) => {
							putSessionRecords(editor, [newAttackGoal(label, threatId ? (threatId as ThreatId) : null)])
							setAdding(false)
							setThreatId('')
						}}
					/>
				</div>
			)}
			{trees.length > 0
				? trees.map((tree) => <TreeView key={tree.root.id} tree={tree} threats={threats} />)
				: !adding && <p className="tr-empty">No attack trees yet: start from what an attacker wants.</p>}
		</PanelSection>
	)
}
