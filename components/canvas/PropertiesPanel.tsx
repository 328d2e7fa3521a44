'use client'

import { type ReactNode, useId } from 'react'
import { type Editor, renderPlaintextFromRichText, type TLShape, toRichText, useValue } from 'tldraw'
import { DFD_KIND_LABEL, type DfdKind, dfdKindOfShapeType } from '@/lib/dfd/elementKinds'
import { flowMetaOf } from '@/lib/dfd/flowMeta'
import { humanIdTag } from '@/lib/dfd/labels'
import { DESCRIPTION_MAX, NAME_MAX } from '@/lib/dfd/shapes/commonProps'
import { PROPERTY_FIELDS, type PropertyField } from './propertyFields'
import { flowMetaJson } from './registerDfdSideEffects'

type PropertyValue = string | number | boolean
type PropertyValues = Record<string, PropertyValue>

interface SelectedElement {
	shape: TLShape
	kind: DfdKind
	humanId: string
	values: PropertyValues
}

function readElement(editor: Editor, shape: TLShape): SelectedElement | null {
	const kind = dfdKindOfShapeType(shape.type)
	if (kind === null) return null
	if (shape.type === 'arrow') {
		const meta = flowMetaOf(shape.meta)
		// A flow's name is the arrow's label, so it is edited on the canvas and here alike.
		const name = renderPlaintextFromRichText(editor, shape.props.richText)
		return { shape, kind, humanId: meta.humanId, values: { ...meta, name } }
	}
	if (!('humanId' in shape.props)) return null
	const { humanId, ...values } = shape.props
	return { shape, kind, humanId, values }
}

/** One edit, through the editor so it is undoable and syncs live to everyone in the room. */
function applyEdit(editor: Editor, element: SelectedElement, key: string, value: PropertyValue) {
	const { shape } = element
	try {
		if (shape.type === 'arrow') {
			if (key === 'name' && typeof value === 'string') {
				editor.updateShape({ id: shape.id, type: 'arrow', props: { richText: toRichText(value) } })
			} else {
				// The whole `dfd` object is written back with its human ID untouched; the schema
				// rejects any key that is not a flow property.
				const dfd = flowMetaJson({ ...flowMetaOf(shape.meta), [key]: value })
				editor.updateShape({ id: shape.id, type: 'arrow', meta: { dfd } })
			}
		} else {
			editor.updateShape({ id: shape.id, type: shape.type, props: { [key]: value } })
		}
	} catch (error) {
		// The inputs enforce the validators' limits; a rejected value only leaves the record as it was.
		console.warn('Property edit rejected', error)
	}
}

interface FieldProps {
	testId: string
	label: string
	disabled: boolean
	onFocus: () => void
}

function PropertyTextField({
	testId,
	label,
	value,
	maxLength,
	multiline,
	disabled,
	onFocus,
	onChange,
}: FieldProps & { value: string; maxLength: number; multiline?: boolean; onChange: (value: string) => void }) {
	const id = useId()
	return (
		<div className="tr-properties__field">
			<label htmlFor={id}>{label}</label>
			{multiline ? (
				<textarea
					id={id}
					data-testid={testId}
					value={value}
					maxLength={maxLength}
					rows={3}
					disabled={disabled}
					onFocus={onFocus}
					onChange={(event) => onChange(event.target.value)}
				/>
			) : (
				<input
					id={id}
					type="text"
					data-testid={testId}
					value={value}
					maxLength={maxLength}
					disabled={disabled}
					onFocus={onFocus}
					onChange={(event) => onChange(event.target.value)}
				/>
			)}
		</div>
	)
}

function CheckboxField({ testId, label, checked, disabled, onFocus, onChange }: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
	return (
		<label className="tr-properties__checkbox">
			<input
				type="checkbox"
				data-testid={testId}
				checked={checked}
				disabled={disabled}
				onFocus={onFocus}
				onChange={(event) => onChange(event.target.checked)}
			/>
			<span>{label}</span>
		</label>
	)
}

function KindField({
	field,
	values,
	disabled,
	onFocus,
	onChange,
}: {
	field: PropertyField
	values: PropertyValues
	disabled: boolean
	onFocus: () => void
	onChange: (key: string, value: PropertyValue) => void
}) {
	const id = useId()
	const testId = `properties.${field.key}`
	const value = values[field.key]
	switch (field.type) {
		case 'checkbox':
			return (
				<CheckboxField
					testId={testId}
					label={field.label}
					checked={value === true}
					disabled={disabled}
					onFocus={onFocus}
					onChange={(checked) => onChange(field.key, checked)}
				/>
			)
		case 'text':
			return (
				<PropertyTextField
					testId={testId}
					label={field.label}
					value={typeof value === 'string' ? value : ''}
					maxLength={field.maxLength}
					disabled={disabled}
					onFocus={onFocus}
					onChange={(text) => onChange(field.key, text)}
				/>
			)
		case 'select':
			return (
				<div className="tr-properties__field">
					<label htmlFor={id}>{field.label}</label>
					<select
						id={id}
						data-testid={testId}
						value={String(value)}
						disabled={disabled}
						onFocus={onFocus}
						onChange={(event) => onChange(field.key, field.numeric ? Number(event.target.value) : event.target.value)}
					>
						{field.options.map((option) => (
							<option key={option.value} value={option.value}>
								{option.label}
							</option>
						))}
					</select>
				</div>
			)
	}
}

export interface PropertiesPanelProps {
	editor: Editor
	/** Force read-only (e.g. for an observer) on top of the editor's own read-only state. */
	readOnly?: boolean
	/** Shown under the fields: the element's change history, when the panel has one to show. */
	renderHistory?: (shapeId: TLShape['id']) => ReactNode
	/** Shown between the fields and the history: the element's key=value metadata. */
	renderMetadata?: (shapeId: TLShape['id']) => ReactNode
}

/**
 * Edits the DFD properties of the one selected element or flow. Every change goes through
 * `editor.updateShape`, so it validates against the schema, is undoable, and syncs live.
 */
export function PropertiesPanel({ editor, readOnly = false, renderHistory, renderMetadata }: PropertiesPanelProps) {
	const element = useValue('selected dfd element', () => {
		const shape = editor.getOnlySelectedShape()
		return shape ? readElement(editor, shape) : null
	}, [editor])
	const editorReadonly = useValue('is readonly', () => editor.getIsReadonly(), [editor])
	const disabled = readOnly || editorReadonly

	if (!element) {
		return (
			<aside className="tr-properties tr-properties--empty" data-testid="properties.empty" aria-label="Properties">
				<p>Select one element or data flow to see its properties.</p>
			</aside>
		)
	}

	const { kind, values } = element
	// Typing in a field is one undo step: mark where it starts.
	const onFocus = () => {
		if (!disabled) editor.markHistoryStoppingPoint('edit dfd properties')
	}
	const onChange = (key: string, value: PropertyValue) => {
		if (!disabled) applyEdit(editor, element, key, value)
	}
	const text = (key: string) => {
		const value = values[key]
		return typeof value === 'string' ? value : ''
	}

	return (
		<aside className="tr-properties" data-testid="properties" aria-label="Properties">
			<header className="tr-properties__header">
				<span className="tr-properties__kind" data-testid="properties.kind">
					{DFD_KIND_LABEL[kind]}
				</span>
				<span className="tr-properties__human-id" data-testid="properties.humanId">
					{humanIdTag(element.humanId)}
				</span>
			</header>
			<fieldset className="tr-properties__fields" disabled={disabled}>
				<PropertyTextField
					testId="properties.name"
					label={kind === 'flow' ? 'Name (data carried)' : 'Name'}
					value={text('name')}
					maxLength={NAME_MAX}
					disabled={disabled}
					onFocus={onFocus}
					onChange={(value) => onChange('name', value)}
				/>
				<PropertyTextField
					testId="properties.description"
					label="Description"
					value={text('description')}
					maxLength={DESCRIPTION_MAX}
					multiline
					disabled={disabled}
					onFocus={onFocus}
					onChange={(value) => onChange('description', value)}
				/>
				{PROPERTY_FIELDS[kind].map((field) => (
					<KindField key={field.key} field={field} values={values} disabled={disabled} onFocus={onFocus} onChange={onChange} />
				))}
				<CheckboxField
					testId="properties.outOfScope"
					label="Out of scope"
					checked={values.outOfScope === true}
					disabled={disabled}
					onFocus={onFocus}
					onChange={(checked) => onChange('outOfScope', checked)}
				/>
				<PropertyTextField
					testId="properties.reasonOutOfScope"
					label="Reason out of scope"
					value={text('reasonOutOfScope')}
					maxLength={DESCRIPTION_MAX}
					multiline
					disabled={disabled}
					onFocus={onFocus}
					onChange={(value) => onChange('reasonOutOfScope', value)}
				/>
			</fieldset>
			{renderMetadata?.(element.shape.id)}
			{renderHistory?.(element.shape.id)}
		</aside>
	)
}
