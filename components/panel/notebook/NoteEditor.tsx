'use client'

import type { TLShapeId } from '@tldraw/tlschema'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { savedNote } from '@/lib/session/notebookFactories'
import { WORKSHOP_NOTE_MAX, workshopNoteIdFor } from '@/lib/session/records/workshopNoteRecord'
import { canContribute } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { putSessionRecords } from '../sessionWrites'
import { MarkdownView } from './MarkdownView'
import { useWriter } from './useWriter'

/**
 * One note (the session's or an element's). Typing edits a draft that remote saves never touch;
 * the draft is saved on blur or with Save, the last save winning. When someone else saved while
 * this person typed, the panel says so before they overwrite it. The include flag saves at once,
 * with the saved text, leaving a draft in progress alone.
 */
export function NoteEditor({ shapeId, title, testId }: { shapeId: TLShapeId | null; title: string; testId: string }) {
	const { editor, role } = useSession()
	const { me, now } = useWriter()
	const id = workshopNoteIdFor(shapeId)
	const note = useValue('note', () => editor.store.get(id), [editor, id])
	const [draft, setDraft] = useState<{ text: string; base: string } | null>(null)
	const writable = canContribute(role)
	const saved = note?.markdown ?? ''
	const include = note?.includeInReport ?? true

	const save = (fields: { markdown: string; includeInReport: boolean }) => {
		if (note && note.markdown === fields.markdown && note.includeInReport === fields.includeInReport) return
		putSessionRecords(editor, [savedNote(note, shapeId, fields, me, now())])
	}
	const commitDraft = () => {
		if (draft === null) return
		save({ markdown: draft.text, includeInReport: include })
		setDraft(null)
	}

	return (
		<div className="tr-note-editor" data-testid={testId} data-note-id={id}>
			<div className="tr-note-editor__head">
				<h3 className="tr-note-editor__title">{title}</h3>
				{writable && (
					<label className="tr-note-editor__include">
						<input
							type="checkbox"
							data-testid={`${testId}.include`}
							checked={include}
							onChange={(event) => save({ markdown: saved, includeInReport: event.target.checked })}
						/>
						In the report
					</label>
				)}
			</div>
			{writable && draft !== null ? (
				<>
					<textarea
						className="tr-note-editor__text"
						aria-label={`${title} (Markdown)`}
						data-testid={`${testId}.text`}
						value={draft.text}
						maxLength={WORKSHOP_NOTE_MAX}
						rows={8}
						// biome-ignore lint/a11y/noAutofocus: the editor opens because the user asked to write: typing goes there
						autoFocus
						onChange={(event) => setDraft({ ...draft, text: event.target.value })}
						onBlur={commitDraft}
					/>
					{draft.base !== saved && (
						<p className="tr-note" role="status" data-testid={`${testId}.conflict`}>
							{note?.updatedByName || 'Someone'} saved this note while you were typing; saving replaces their version.
						</p>
					)}
					<div className="tr-note-editor__actions">
						<button
							type="button"
							className="tr-button tr-button--small"
							data-testid={`${testId}.save`}
							onMouseDown={(event) => event.preventDefault()}
							onClick={commitDraft}
						>
							Save
						</button>
						<button type="button" className="tr-text-button" onMouseDown={(event) => event.preventDefault()} onClick={() => setDraft(null)}>
							Cancel
						</button>
					</div>
				</>
			) : (
				<>
					{saved.trim() ? (
						<MarkdownView source={saved} testId={`${testId}.view`} />
					) : (
						<p className="tr-empty">No notes yet. Markdown and ```mermaid blocks are welcome.</p>
					)}
					{note?.updatedByName && <p className="tr-note-editor__meta">Last saved by {note.updatedByName}</p>}
					{writable && (
						<button type="button" className="tr-text-button" data-testid={`${testId}.edit`} onClick={() => setDraft({ text: saved, base: saved })}>
							{saved ? 'Edit' : 'Write'}
						</button>
					)}
				</>
			)}
		</div>
	)
}
