'use client'

import type { TLShapeId } from '@tldraw/tlschema'
import { useValue } from 'tldraw'
import { elementLabel } from '@/lib/session/canvasElements'
import { PanelSection } from '../common/PanelSection'
import { useSession } from '../SessionContext'
import { AttackTrees } from './AttackTrees'
import { NoteEditor } from './NoteEditor'
import { ParkingLot } from './ParkingLot'
import './notebook.css'

/** The element whose notes are shown: the one selected on the canvas, else the walk's focus. */
function useNoteElement() {
	const { editor, model } = useSession()
	return useValue('note element', () => {
		const selected = editor.getOnlySelectedShapeId()
		const elements = model.elements.get()
		return elements.find((element) => element.shapeId === selected) ?? model.focusedElement.get()
	}, [editor, model])
}

/**
 * What the group writes down besides threats: questions parked during the walk, attack trees,
 * and Markdown notes on the session and on each element.
 */
export function NotebookTab() {
	const element = useNoteElement()
	return (
		<>
			<ParkingLot />
			<AttackTrees />
			<PanelSection title="Notes" testId="panel.notes">
				<NoteEditor shapeId={null} title="Session notes" testId="panel.note.session" />
				{element ? (
					<NoteEditor key={element.shapeId} shapeId={element.shapeId as TLShapeId} title={`Notes on ${elementLabel(element)}`} testId="panel.note.element" />
				) : (
					<p className="tr-empty">Select an element for its notes.</p>
				)}
			</PanelSection>
		</>
	)
}
