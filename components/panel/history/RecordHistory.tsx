'use client'

import { useValue } from 'tldraw'
import { HISTORY_STOPPED_NOTICE, historyChangeText, isHistoryFull } from '@/lib/history/historyText'
import { ROLE_LABELS } from '../../roles'
import { formatMoment } from '../common/dates'
import { useSession } from '../SessionContext'
import './history.css'

/**
 * A record's change history, newest first, closed until asked for: who changed which field from
 * what to what, and when. Written by the room (party/roomHistory.ts); a burst of edits is one line.
 */
export function RecordHistory({ recordId }: { recordId: string }) {
	const { model } = useSession()
	const entries = useValue('record history', () => model.history.get().get(recordId) ?? [], [model, recordId])
	const full = useValue('history full', () => isHistoryFull(model.historyEntries.get()), [model])
	return (
		<details className="tr-disclosure tr-history" data-testid="panel.history" data-record-id={recordId}>
			<summary data-testid="panel.history.toggle">History ({entries.length})</summary>
			{full && (
				<p className="tr-note" data-testid="panel.history.full">
					{HISTORY_STOPPED_NOTICE}
				</p>
			)}
			{entries.length === 0 ? (
				<p className="tr-empty">No changes recorded yet.</p>
			) : (
				<ol className="tr-history__list" aria-label="Changes, newest first">
					{[...entries].reverse().map((entry) => (
						<li key={entry.id} className="tr-history__entry" data-testid="panel.history.entry" data-action={entry.action} data-field={entry.field}>
							<span className="tr-history__change">{historyChangeText(entry)}</span>
							<span className="tr-history__by">
								{entry.byName} ({ROLE_LABELS[entry.byRole]}){' · '}
								<time dateTime={new Date(entry.lastAt).toISOString()}>{formatMoment(entry.lastAt)}</time>
								{entry.edits > 1 && ` · ${entry.edits} edits`}
							</span>
						</li>
					))}
				</ol>
			)}
		</details>
	)
}
