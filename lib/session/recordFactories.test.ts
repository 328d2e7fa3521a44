import type { TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { suggestThreats } from '../analysis/suggestions'
import { flowContext } from '@/tests/fixtures/suggestions'
import { threatroomSchema } from '../canvas/threatroomSchema'
import type { ThreatId } from './records/threatRecord'
import {
	draftFromSuggestion,
	naMarkRecord,
	newScopeItemRecord,
	newThreatRecord,
	phaseEventRecord,
	threatWithDraft,
	timerEventRecord,
	voteRecord,
	walkSettings,
	walkWithFocus,
	walkWithMinutes,
} from './recordFactories'
import { emptyThreatDraft } from './threatDraft'
import { testThreat } from '@/fixtures/workshopRecords'

const shapeId = 'shape:flow' as TLShapeId
const threatId = 'threat:abc' as ThreatId

/** Every record the panel sends must pass the room's validators as sent. */
function expectValid(record: { typeName: string }) {
	const type = threatroomSchema.types[record.typeName as keyof typeof threatroomSchema.types]
	expect(type).toBeDefined()
	expect(() => type?.validate(record)).not.toThrow()
}

describe('record factories', () => {
	it('build a threat with placeholders for what the room stamps', () => {
		const threat = newThreatRecord(shapeId, { ...emptyThreatDraft(['T']), title: ' Replay ' }, { newId: () => 'x1' })
		expect(threat).toMatchObject({ id: 'threat:x1', humanId: '', createdBy: '', createdAt: 0, title: 'Replay', isDeleted: false })
		expectValid(threat)
	})

	it('adopt a suggestion with its title, categories, rating and rule', () => {
		const [suggestion] = suggestThreats('STRIDE', flowContext({ isEncrypted: false, isPublicNetwork: true }))
		expect(suggestion).toBeDefined()
		if (!suggestion) return
		const threat = newThreatRecord(shapeId, draftFromSuggestion(suggestion), { sourceRuleId: suggestion.ruleId })
		expect(threat).toMatchObject({
			title: suggestion.title,
			categories: suggestion.categories,
			likelihood: suggestion.likelihood,
			impact: suggestion.impact,
			sourceRuleId: suggestion.ruleId,
		})
		expectValid(threat)
	})

	it('edit a threat without touching its stamps or agreed rating', () => {
		const threat = testThreat({ agreedImpact: 4 })
		const edited = threatWithDraft(threat, { ...emptyThreatDraft(['I']), title: 'Leak' })
		expect(edited).toMatchObject({ id: threat.id, humanId: threat.humanId, createdBy: 'u2', agreedImpact: 4, title: 'Leak' })
	})

	it('derive a vote’s id from the threat and the voter, so a new vote replaces the old', () => {
		expect(voteRecord(threatId, 'u1', 2, 3).id).toBe(voteRecord(threatId, 'u1', 5, 5).id)
		expect(voteRecord(threatId, 'u1', 2, 3).id).not.toBe(voteRecord(threatId, 'u2', 2, 3).id)
		expectValid(voteRecord(threatId, 'u1', 2, 3))
	})

	it('derive an n/a mark’s id from the element and the category', () => {
		const mark = naMarkRecord(shapeId, 'D', ' Behind a CDN ')
		expect(mark).toMatchObject({ id: 'na-mark:flow~D', reason: 'Behind a CDN' })
		expectValid(mark)
	})

	it('keep C/I/A needs on assets only and scope flags on threat agents only', () => {
		const fields = { title: 'Card data', description: '', confidentiality: 'high', integrity: 'medium', availability: 'low', inScope: false } as const
		expect(newScopeItemRecord('asset', fields)).toMatchObject({ confidentiality: 'high', inScope: true })
		expect(newScopeItemRecord('useCase', fields)).toMatchObject({ confidentiality: null, inScope: true })
		expect(newScopeItemRecord('threatAgent', fields)).toMatchObject({ confidentiality: null, inScope: false })
		expectValid(newScopeItemRecord('asset', fields))
	})

	it('build phase and timer events the room accepts, extensions carrying their amount', () => {
		expectValid(phaseEventRecord('analyse', 1000))
		expect(timerEventRecord('analyse', 'extend', 1000, { amountMs: 300_000 }).amountMs).toBe(300_000)
		expect(timerEventRecord('analyse', 'start', 1000, { amountMs: 300_000 }).amountMs).toBe(0)
		expectValid(timerEventRecord('analyse', 'pause', 1000))
	})

	it('start the walk settings from the default agenda and change one thing at a time', () => {
		expect(walkSettings(undefined).phaseMinutes).toEqual({ scope: 5, diagram: 15, analyse: 30, decide: 10 })
		const focused = walkWithFocus(undefined, shapeId)
		expect(focused.focusShapeId).toBe(shapeId)
		const longer = walkWithMinutes(focused, 'analyse', 45)
		expect(longer).toMatchObject({ focusShapeId: shapeId, phaseMinutes: { analyse: 45, scope: 5 } })
		expectValid(longer)
	})
})
