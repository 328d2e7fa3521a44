'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import { newScopeItemRecord } from '@/lib/session/recordFactories'
import { SCOPE_ITEM_KINDS, type ScopeItemKind } from '@/lib/session/records/scopeItemRecord'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { PanelSection } from '../common/PanelSection'
import { useSession } from '../SessionContext'
import { putSessionRecords } from '../sessionWrites'
import { SessionFacts } from '../review/SessionFacts'
import { ScopeItemForm } from './ScopeItemForm'
import { ScopeItemRow } from './ScopeItemRow'
import './scope.css'

const GROUP_TITLE: Record<ScopeItemKind, string> = {
	useCase: 'Use cases',
	asset: 'Assets',
	threatAgent: 'Threat agents',
	assumption: 'Assumptions',
	compliance: 'Compliance requirements',
	outOfScope: 'Out of scope',
}

const EMPTY_TEXT: Record<ScopeItemKind, string> = {
	useCase: 'What the system is for: "A customer pays for an order".',
	asset: 'What is worth protecting, with its C/I/A needs.',
	threatAgent: 'Who we defend against — and who we explicitly do not.',
	assumption: 'What we take as given: "The cloud provider’s hypervisor is sound".',
	compliance: 'PCI DSS, GDPR, SOC 2… what the system must meet.',
	outOfScope: 'What this model deliberately leaves out: "The mobile app is modelled separately".',
}

function ScopeGroup({ kind, editable }: { kind: ScopeItemKind; editable: boolean }) {
	const { editor, model } = useSession()
	const items = useValue('scope items of kind', () => model.scopeItems.get().filter((item) => item.kind === kind), [model, kind])
	const [adding, setAdding] = useState(false)

	return (
		<PanelSection
			title={GROUP_TITLE[kind]}
			testId={`panel.scope.group.${kind}`}
			aside={
				editable && !adding ? (
					<button type="button" className="tr-text-button" data-testid={`panel.scope.add.${kind}`} onClick={() => setAdding(true)}>
						+ Add
					</button>
				) : null
			}
		>
			{items.length > 0 ? (
				<ul className="tr-list">
					{items.map((item) => (
						<ScopeItemRow key={item.id} item={item} editable={editable} />
					))}
				</ul>
			) : (
				!adding && <p className="tr-empty">{EMPTY_TEXT[kind]}</p>
			)}
			{adding && (
				<ScopeItemForm
					kind={kind}
					submitLabel="Add"
					onCancel={() => setAdding(false)}
					onSubmit={(fields) => {
						putSessionRecords(editor, [newScopeItemRecord(kind, fields)])
						setAdding(false)
					}}
				/>
			)}
		</PanelSection>
	)
}

/**
 * The frame every threat is judged against; the facilitator writes it down, everyone sees it. The
 * room lets only the facilitator add, change or remove a scope item (docs/protocol.md, "Who may
 * write what"), so the tab says so rather than leave the others looking for an Add button.
 */
export function ScopeTab() {
	const { role } = useSession()
	const editable = canFacilitate(role)
	return (
		<div className="tr-tab-body" data-testid="panel.scope">
			<p className="tr-scope__who" data-testid="panel.scope.who">
				{editable
					? 'Only you, the facilitator, add and change the scope; everyone sees each item as soon as you add it.'
					: 'The facilitator adds and changes the scope: tell them what is missing.'}
			</p>
			<SessionFacts />
			{SCOPE_ITEM_KINDS.map((kind) => (
				<ScopeGroup key={kind} kind={kind} editable={editable} />
			))}
		</div>
	)
}
