'use client'

import { CVSS_VECTOR_MAX, parseCvss31 } from '@/lib/risk/cvss31'
import { riskBand } from '@/lib/risk/riskScore'
import { PRIORITIES, type Priority } from '@/lib/risk/threatPriority'
import { SEVERITIES, type Severity } from '@/lib/risk/threatStatus'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import type { ThreatDraft, ThreatDraftErrors } from '@/lib/session/threatDraft'
import { SelectField } from '../common/SelectField'
import { TextField } from '../common/TextField'
import { ScopeLinkPicker } from './ScopeLinkPicker'

type TriageKey = 'severity' | 'cvssVector' | 'priority' | 'includeInReport' | 'assetIds' | 'agentIds'

function severityOf(value: string): Severity {
	return SEVERITIES.find((severity) => severity === value) ?? 'Unknown'
}

function priorityOf(value: string): Priority | null {
	return PRIORITIES.find((priority) => priority === value) ?? null
}

/** While typing, the computed base score; a wrong vector shows its error once the form was submitted. */
function cvssHint(vector: string): string {
	if (vector.trim() === '') return 'Optional, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
	const parsed = parseCvss31(vector)
	return parsed.ok ? `Base score ${parsed.value.baseScore.toFixed(1)} (${parsed.value.severity})` : 'Not a complete CVSS 3.1 vector yet'
}

/** The threat form's triage part: severity, CVSS vector, priority, the report flag, and the scope links. */
export function ThreatTriageFields({
	draft,
	errors,
	set,
	scopeItems,
}: {
	draft: ThreatDraft
	errors: ThreatDraftErrors
	set: <K extends TriageKey>(key: K, value: ThreatDraft[K]) => void
	scopeItems: readonly ScopeItemRecord[]
}) {
	const bandPriority = riskBand(draft.likelihood * draft.impact).priority
	return (
		<>
			<div className="tr-form__row">
				<SelectField
					label="Severity"
					testId="panel.threat.form.severity"
					value={draft.severity}
					onChange={(value) => set('severity', severityOf(value))}
					options={SEVERITIES}
					error={errors.severity}
				/>
				<SelectField
					label="Priority"
					testId="panel.threat.form.priority"
					value={draft.priority ?? ''}
					onChange={(value) => set('priority', priorityOf(value))}
					options={PRIORITIES}
					emptyOption={`From the risk band (${bandPriority})`}
					error={errors.priority}
				/>
			</div>
			<TextField
				label="CVSS 3.1 vector"
				testId="panel.threat.form.cvssVector"
				value={draft.cvssVector}
				onChange={(value) => set('cvssVector', value)}
				maxLength={CVSS_VECTOR_MAX}
				error={errors.cvssVector}
				hint={cvssHint(draft.cvssVector)}
			/>
			<ScopeLinkPicker
				legend="Assets"
				testId="panel.threat.form.assets"
				items={scopeItems.filter((item) => item.kind === 'asset')}
				selected={draft.assetIds}
				onChange={(ids) => set('assetIds', ids)}
				emptyText="No assets in the scope yet."
			/>
			<ScopeLinkPicker
				legend="Threat agents"
				testId="panel.threat.form.agents"
				items={scopeItems.filter((item) => item.kind === 'threatAgent')}
				selected={draft.agentIds}
				onChange={(ids) => set('agentIds', ids)}
				emptyText="No threat agents in the scope yet."
			/>
			<label className="tr-checkbox">
				<input
					type="checkbox"
					data-testid="panel.threat.form.includeInReport"
					checked={draft.includeInReport}
					onChange={(event) => set('includeInReport', event.target.checked)}
				/>
				Include in the report
			</label>
		</>
	)
}
