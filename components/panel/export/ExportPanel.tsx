'use client'

import { useState } from 'react'
import { REPORT_VIEWS, type ReportView } from '@/lib/reports/reportViews'
import { SelectField } from '../common/SelectField'
import { useSession } from '../SessionContext'
import { downloadExport } from './downloadExport'
import {
	EXPORT_FORMATS,
	type ExportFormat,
	TRACKER_PRIORITY_CHOICES,
	TRACKER_PRIORITY_LABEL,
	type TrackerPriorityChoice,
	VIEW_HINT,
	VIEW_LABEL,
} from './exportFormats'
import './export.css'

function viewOf(value: string): ReportView {
	return REPORT_VIEWS.find((view) => view === value) ?? 'all'
}

/**
 * Reports and exports, for the facilitator and the product owner: pick who the report is for (all
 * threats, the distributable extract, the open risks), then a format. Each download is fetched with
 * the link's token and saved under the server's file name.
 */
export function ExportPanel() {
	const { editor, sessionId, token, notify } = useSession()
	const [view, setView] = useState<ReportView>('all')
	const [priority, setPriority] = useState<TrackerPriorityChoice>('P0,P1')
	const [busy, setBusy] = useState<ExportFormat | null>(null)

	const download = async (format: ExportFormat) => {
		setBusy(format)
		const result = await downloadExport({
			sessionId,
			token,
			format,
			view,
			diagram: format === 'svg' ? editor.getCurrentPageId() : undefined,
			priority: EXPORT_FORMATS.find((choice) => choice.id === format)?.tracker ? priority : undefined,
		})
		setBusy(null)
		if (result.ok) notify({ message: `Downloaded ${result.filename}`, tone: 'info', durationMs: 4_000 })
		else notify({ message: result.message, tone: 'error', durationMs: 10_000 })
	}

	return (
		<details className="tr-disclosure tr-export" data-testid="export">
			<summary data-testid="export.toggle">Reports and exports</summary>
			<div className="tr-export__body">
				<SelectField
					label="Threats to include"
					testId="export.view"
					value={view}
					onChange={(value) => setView(viewOf(value))}
					options={REPORT_VIEWS}
					optionLabel={(option) => VIEW_LABEL[option]}
					hint={VIEW_HINT[view]}
				/>
				<SelectField
					label="Tracker tasks: priorities"
					testId="export.priority"
					value={priority}
					onChange={(value) => setPriority(TRACKER_PRIORITY_CHOICES.find((choice) => choice === value) ?? 'P0,P1')}
					options={TRACKER_PRIORITY_CHOICES}
					optionLabel={(option) => TRACKER_PRIORITY_LABEL[option]}
					hint="For the GitHub, Jira and task-block exports: threats still to fix, by the band of their risk."
				/>
				{/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields: role=group names it without a fieldset's form semantics and box */}
				<div className="tr-export__formats" role="group" aria-label="Download as">
					{EXPORT_FORMATS.map((format) => (
						<button
							key={format.id}
							type="button"
							className="tr-export__format"
							data-testid={`export.format.${format.id}`}
							title={format.hint}
							disabled={busy !== null}
							aria-busy={busy === format.id}
							onClick={() => download(format.id)}
						>
							{busy === format.id ? 'Preparing…' : format.label}
						</button>
					))}
				</div>
			</div>
		</details>
	)
}
