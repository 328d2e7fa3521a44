import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'
import type { ThreatId } from './threatRecord'

export const ATTACK_NODE_TYPE = 'attack-node'

/** A goal met when all of its sub-goals are (`and`) or any one of them is (`or`). */
export const ATTACK_GATES = ['and', 'or'] as const
export type AttackGate = (typeof ATTACK_GATES)[number]

export const ATTACK_LABEL_MAX = 200
/** Levels below the root goal: deep enough for real trees, shallow enough to read on one page. */
export const ATTACK_TREE_MAX_DEPTH = 8
/** Nodes ever created in one tree, and trees ever created in one session (the room counts both). */
export const ATTACK_TREE_MAX_NODES = 200
export const ATTACK_TREES_MAX = 200

export type AttackNodeId = RecordId<AttackNodeRecord>

/**
 * One node of an attack tree: one record per node, so two people editing different branches never
 * overwrite each other. A root (no ancestors) is the tree's goal, attached to a threat or, with no
 * threat, a goal for the whole model. `ancestors` is the path from the root, fixed at creation:
 * depth is its length, and a node can only ever hang below nodes created before it, so the tree
 * can have no cycle whatever clients send.
 */
export interface AttackNodeRecord extends BaseRecord<typeof ATTACK_NODE_TYPE, AttackNodeId> {
	/** Root first, parent last; empty for a tree's goal. */
	ancestors: AttackNodeId[]
	/** Roots only: the threat this tree elaborates, or null for a model-level goal. */
	threatId: ThreatId | null
	label: string
	/** How this node's children combine; a leaf keeps its gate for when it gets children. */
	gate: AttackGate
	/** Leaves: the threat this attack step is, if it is one. */
	linkedThreatId: ThreatId | null
	/** Siblings are shown by this, then by id. */
	order: number
	createdBy: string
	createdByName: string
	createdAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[ATTACK_NODE_TYPE]: AttackNodeRecord
	}
}

const attackNodeIdValidator = recordIdValidator<AttackNodeId>(ATTACK_NODE_TYPE)
const threatIdValidator = recordIdValidator<ThreatId>('threat')

export const attackNodeRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<AttackNodeRecord>({
		id: attackNodeIdValidator,
		typeName: T.literal(ATTACK_NODE_TYPE),
		ancestors: T.arrayOf(attackNodeIdValidator).check((value) => {
			if (value.length > ATTACK_TREE_MAX_DEPTH) throw new T.ValidationError(`Expected at most ${ATTACK_TREE_MAX_DEPTH} levels`)
			if (new Set(value).size !== value.length) throw new T.ValidationError('Expected a path without repeats')
		}),
		threatId: threatIdValidator.nullable(),
		label: boundedString(ATTACK_LABEL_MAX, { min: 1 }),
		gate: T.literalEnum(...ATTACK_GATES),
		linkedThreatId: threatIdValidator.nullable(),
		order: T.number.check((value) => {
			if (!Number.isFinite(value)) throw new T.ValidationError('Expected a finite order')
		}),
		createdBy: boundedString(64),
		createdByName: boundedString(64),
		createdAt: timestampValidator,
	}),
}
