import { richTextToPlainText } from '../recordFields/richTextToPlainText'
import { DFD_KIND_LABEL, dfdKindOfShapeType } from '../dfd/elementKinds'
import { flowMetaOf } from '../dfd/flowMeta'
import { TRUST_ZONE_LABELS } from '../dfd/shapes/boundary-props'
import { AI_MODEL_LABELS } from '../dfd/shapes/process-props'
import { HISTORY_HUMAN_ID_MAX, HISTORY_TRUNCATION_MARKER, HISTORY_VALUE_MAX } from '../session/records/historyEntryRecord'

// What the change history tracks: per record type, the fields a person means to change, and how
// a value reads in the panel and the reports. Everything else — an element's position, size,
// rotation, z-order and style, the room's own stamps — is never recorded: the canvas writes those
// on every drag. A new record type is one entry in TRACKED_RECORDS; a field a record lacks (an
// older record, another shape kind) reads as absent and is skipped.

/** A record as the history reads it: any store record, fields looked up by name. */
export interface AnyRecord {
	readonly id: string
	readonly typeName: string
}

/** Human IDs of other records (a threat's element), for rendering a reference. */
export interface RenderContext {
	humanIdOf(recordId: string): string | undefined
}

interface TrackedField {
	key: string
	label: string
	/** The value as the history shows it, or undefined when this record has no such field. */
	read(record: AnyRecord, context: RenderContext): string | undefined
}

export interface TrackedRecordType {
	typeName: string
	/** "Threat", "Element"…, for the panel and the reports. */
	label: string
	/** Whether this record is tracked at all (e.g. only stamped DFD elements among shapes). */
	tracks(record: AnyRecord): boolean
	humanId(record: AnyRecord): string
	/** What a create or delete entry shows: the record's title or name. */
	title(record: AnyRecord, context: RenderContext): string
	/** A soft-deleting type's flag (threats are never removed, only marked): its flips are delete and restore entries. */
	deletedFlag?: string
	fields: readonly TrackedField[]
}

/** A field of `record` by name; the registry reads many record types through this one door. */
function fieldOf(record: AnyRecord, key: string): unknown {
	return Reflect.get(record, key)
}

function nested(record: AnyRecord, key: string): AnyRecord | undefined {
	const value = fieldOf(record, key)
	return typeof value === 'object' && value !== null ? { id: record.id, typeName: record.typeName, ...value } : undefined
}

/** At most HISTORY_VALUE_MAX characters; a longer text is cut and marked. */
function boundedValue(text: string): string {
	if (text.length <= HISTORY_VALUE_MAX) return text
	return text.slice(0, HISTORY_VALUE_MAX - HISTORY_TRUNCATION_MARKER.length) + HISTORY_TRUNCATION_MARKER
}

/** The common renderings: text as it is, yes/no, a level, a list, a label from a table. */
function renderValue(value: unknown, labels?: Readonly<Record<string, string>>): string | undefined {
	if (value === undefined) return undefined
	if (value === null) return '—'
	if (typeof value === 'boolean') return value ? 'yes' : 'no'
	if (Array.isArray(value)) return boundedValue(value.map((item) => renderValue(item, labels) ?? '').join(', '))
	if (typeof value === 'string' || typeof value === 'number') return boundedValue(labels?.[String(value)] ?? String(value))
	return boundedValue(JSON.stringify(value) ?? '')
}

function plain(key: string, label: string, labels?: Readonly<Record<string, string>>): TrackedField {
	return { key, label, read: (record) => renderValue(fieldOf(record, key), labels) }
}

const stringField = (record: AnyRecord, key: string) => {
	const value = fieldOf(record, key)
	return typeof value === 'string' ? value : ''
}

/** A list of other records' ids, shown by their human IDs (an id whose record is gone, as it is). */
function referenceList(key: string, label: string): TrackedField {
	return {
		key,
		label,
		read: (record, context) => {
			const ids = fieldOf(record, key)
			return Array.isArray(ids) ? renderValue(ids.map((id) => (typeof id === 'string' ? (context.humanIdOf(id) ?? id) : id))) : undefined
		},
	}
}

const THREAT: TrackedRecordType = {
	typeName: 'threat',
	label: 'Threat',
	tracks: () => true,
	humanId: (record) => stringField(record, 'humanId'),
	title: (record) => boundedValue(stringField(record, 'title')),
	deletedFlag: 'isDeleted',
	fields: [
		plain('title', 'Title'),
		plain('description', 'Description'),
		plain('categories', 'Categories'),
		{
			key: 'shapeId',
			label: 'Element',
			read: (record, context) => {
				const shapeId = fieldOf(record, 'shapeId')
				// null: a model-level threat, on no one element.
				if (shapeId === null) return 'Whole model'
				return typeof shapeId === 'string' ? (context.humanIdOf(shapeId) ?? shapeId) : undefined
			},
		},
		plain('likelihood', 'Likelihood'),
		plain('impact', 'Impact'),
		plain('agreedLikelihood', 'Agreed likelihood'),
		plain('agreedImpact', 'Agreed impact'),
		plain('status', 'Status'),
		plain('severity', 'Severity'),
		plain('cvssVector', 'CVSS vector'),
		{
			key: 'priority',
			label: 'Priority',
			read: (record) => {
				const priority = fieldOf(record, 'priority')
				return priority === null ? 'from the risk band' : renderValue(priority)
			},
		},
		plain('includeInReport', 'In the report'),
		referenceList('assetIds', 'Assets'),
		referenceList('agentIds', 'Threat agents'),
	],
}

/** A mitigation record (lib/session/records/mitigationRecord.ts); removing one is a deletion. */
const MITIGATION: TrackedRecordType = {
	typeName: 'mitigation',
	label: 'Mitigation',
	tracks: () => true,
	humanId: (record) => stringField(record, 'humanId'),
	title: (record) => boundedValue(stringField(record, 'title')),
	fields: [
		plain('title', 'Title'),
		plain('description', 'Description'),
		plain('kind', 'Type'),
		plain('status', 'Status'),
		plain('owner', 'Owner'),
		plain('dueDate', 'Due date'),
		plain('acceptanceCriteria', 'Acceptance criteria'),
		plain('verification', 'Verification'),
		plain('issueUrl', 'Issue'),
		referenceList('threatIds', 'Threats'),
	],
}

const CIA_LABELS = { high: 'High', medium: 'Medium', low: 'Low' }

const SCOPE_ITEM: TrackedRecordType = {
	typeName: 'scope-item',
	label: 'Scope item',
	tracks: () => true,
	humanId: (record) => stringField(record, 'humanId'),
	title: (record) => boundedValue(stringField(record, 'title')),
	fields: [
		plain('title', 'Title'),
		plain('description', 'Description'),
		plain('confidentiality', 'Confidentiality', CIA_LABELS),
		plain('integrity', 'Integrity', CIA_LABELS),
		plain('availability', 'Availability', CIA_LABELS),
		plain('inScope', 'In scope'),
	],
}

/** A DFD element's own properties: a flow keeps them in the arrow's meta, the other kinds in props. */
function dfdProperties(record: AnyRecord): AnyRecord | undefined {
	if (fieldOf(record, 'type') === 'arrow') return { id: record.id, typeName: record.typeName, ...flowMetaOf(fieldOf(record, 'meta')) }
	return nested(record, 'props')
}

function elementField(key: string, label: string, labels?: Readonly<Record<string, string>>): TrackedField {
	return {
		key,
		label,
		read: (record) => {
			const properties = dfdProperties(record)
			return properties && renderValue(fieldOf(properties, key), labels)
		},
	}
}

/** A flow's name is its arrow's label; every other element has a name prop. */
function elementName(record: AnyRecord): string {
	if (fieldOf(record, 'type') === 'arrow') {
		const props = nested(record, 'props')
		const richText = props && fieldOf(props, 'richText')
		return richText ? richTextToPlainText(richText) : ''
	}
	const props = nested(record, 'props')
	return props ? stringField(props, 'name') : ''
}

function isElement(record: AnyRecord): boolean {
	const type = fieldOf(record, 'type')
	return typeof type === 'string' && dfdKindOfShapeType(type) !== null
}

const ELEMENT: TrackedRecordType = {
	typeName: 'shape',
	label: 'Element',
	tracks: (record) => isElement(record) && elementHumanId(record) !== '',
	humanId: elementHumanId,
	title: (record) => {
		const type = fieldOf(record, 'type')
		const kind = typeof type === 'string' ? dfdKindOfShapeType(type) : null
		const name = elementName(record)
		return boundedValue(kind ? `${DFD_KIND_LABEL[kind]}${name ? ` “${name}”` : ''}` : name)
	},
	fields: [
		{ key: 'name', label: 'Name', read: (record) => boundedValue(elementName(record)) },
		elementField('description', 'Description'),
		elementField('trustZone', 'Trust zone', TRUST_ZONE_LABELS),
		elementField('outOfScope', 'Out of scope'),
		elementField('reasonOutOfScope', 'Reason out of scope'),
		elementField('privilegeLevel', 'Privilege level'),
		elementField('isWebApplication', 'Web application'),
		elementField('aiModel', 'Trains or runs an AI model', AI_MODEL_LABELS),
		elementField('providesAuthentication', 'Provides authentication'),
		elementField('storesCredentials', 'Stores credentials'),
		elementField('isALog', 'Is a log'),
		elementField('isEncrypted', 'Encrypted'),
		elementField('isSigned', 'Signed'),
		elementField('protocol', 'Protocol'),
		elementField('isPublicNetwork', 'Public network'),
		elementField('isBidirectional', 'Bidirectional'),
	],
}

function elementHumanId(record: AnyRecord): string {
	if (!isElement(record)) return ''
	const properties = dfdProperties(record)
	return properties ? stringField(properties, 'humanId') : ''
}

/**
 * A key=value metadata entry (lib/session/records/metadataEntryRecord.ts): its key stands for a
 * human ID (cut to what an entry holds), `key=value` for its title; only the value changes.
 */
const METADATA_ENTRY: TrackedRecordType = {
	typeName: 'metadata-entry',
	label: 'Metadata',
	tracks: () => true,
	humanId: (record) => stringField(record, 'key').slice(0, HISTORY_HUMAN_ID_MAX),
	title: (record) => boundedValue(`${stringField(record, 'key')}=${stringField(record, 'value')}`),
	fields: [plain('value', 'Value')],
}

/** Every tracked record type, by type name. */
export const TRACKED_RECORDS: ReadonlyMap<string, TrackedRecordType> = new Map(
	[THREAT, MITIGATION, SCOPE_ITEM, ELEMENT, METADATA_ENTRY].map((type) => [type.typeName, type]),
)

/** The label of a field of a tracked type, or the key itself for one the registry no longer lists. */
export function fieldLabel(typeName: string, key: string): string {
	return TRACKED_RECORDS.get(typeName)?.fields.find((field) => field.key === key)?.label ?? key
}
