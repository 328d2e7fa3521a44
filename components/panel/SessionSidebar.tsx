'use client'

import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { Phase } from '@/lib/session/records/walkRecords'
import { PropertiesPanel } from '@/components/canvas/PropertiesPanel'
import { AgendaBar } from './agenda/AgendaBar'
import { AnalyseTab } from './analyse/AnalyseTab'
import { useFocusFromSelection } from './analyse/useFocusFromSelection'
import { useFollowFacilitator } from './analyse/useFollowFacilitator'
import { DecideTab } from './decide/DecideTab'
import { NotebookTab } from './notebook/NotebookTab'
import { RecordHistory } from './history/RecordHistory'
import { MetadataEditor } from './metadata/MetadataEditor'
import { PanelSection } from './common/PanelSection'
import { ScopeTab } from './scope/ScopeTab'
import { useSession } from './SessionContext'
import { useSelectionOpensProperties } from './useSelectionOpensProperties'
import './panel.css'

const TABS = [
	{ id: 'scope', label: 'Scope' },
	{ id: 'analyse', label: 'Analyse' },
	{ id: 'decide', label: 'Decide' },
	{ id: 'notebook', label: 'Notebook' },
	{ id: 'properties', label: 'Properties' },
] as const
type TabId = (typeof TABS)[number]['id']

/** Each phase opens the tab it works in; anyone can look elsewhere until the phase changes again. */
const TAB_FOR_PHASE: Record<Phase, TabId> = { scope: 'scope', diagram: 'properties', analyse: 'analyse', decide: 'decide' }

/**
 * The right-hand side of the session: the agenda and timer always on top, then the workshop's
 * tabs — scope, the analysis walk, the risk register where decisions are made — and the selected
 * element's properties.
 */
export function SessionSidebar() {
	const session = useSession()
	const { editor, model, role } = session
	const phase = useValue('phase', () => model.phase.get().phase, [model])
	const [tab, setTab] = useState<TabId>(TAB_FOR_PHASE[phase])
	const follow = useFollowFacilitator(session)
	useFocusFromSelection(session)
	useSelectionOpensProperties(editor, tab === 'analyse', () => setTab('properties'))
	useEffect(() => {
		// Someone typing in a form keeps their tab (and their draft) when the phase moves on.
		if (document.activeElement?.closest('.tr-sidebar form')) return
		setTab(TAB_FOR_PHASE[phase])
	}, [phase])
	const ended = useValue('session ended', () => model.sessionEnd.get().ended, [model])
	useEffect(() => {
		// An ended session is read for its outcome: the register with its decisions.
		if (ended) setTab('decide')
	}, [ended])
	const threatCount = useValue('threat count', () => model.liveThreats.get().length, [model])

	return (
		<aside className="tr-sidebar" aria-label="Session panel" data-testid="panel">
			<AgendaBar />
			<div className="tr-tabs" role="tablist" aria-label="Session panel sections">
				{TABS.map(({ id, label }) => (
					<button
						key={id}
						type="button"
						role="tab"
						id={`panel-tab-${id}`}
						aria-selected={tab === id}
						aria-controls={`panel-tabpanel-${id}`}
						className="tr-tabs__tab"
						data-testid={`panel.tab.${id}`}
						onClick={() => setTab(id)}
					>
						{label}
						{id === 'decide' && threatCount > 0 && <span className="tr-tabs__count">{threatCount}</span>}
					</button>
				))}
			</div>
			<div className="tr-sidebar__body" role="tabpanel" id={`panel-tabpanel-${tab}`} aria-labelledby={`panel-tab-${tab}`}>
				{tab === 'scope' && <ScopeTab />}
				{tab === 'analyse' && <AnalyseTab follow={follow} />}
				{tab === 'decide' && <DecideTab />}
				{tab === 'notebook' && <NotebookTab />}
				{tab === 'properties' && (
					<PropertiesPanel
						editor={editor}
						readOnly={role === 'observer'}
						renderHistory={(shapeId) => <RecordHistory key={shapeId} recordId={shapeId} />}
						renderMetadata={(shapeId) => (
							<PanelSection title="Metadata" testId="properties.metadata">
								<MetadataEditor key={shapeId} target={shapeId} label="this element" />
							</PanelSection>
						)}
					/>
				)}
			</div>
		</aside>
	)
}
