import { describe, expect, it } from 'vitest'
import { THREAT_DESCRIPTION_MAX, THREAT_TITLE_MAX } from './records/threatRecord'
import { draftFromThreat, emptyThreatDraft, isValidDraft, normalisedDraft, validateThreatDraft } from './threatDraft'
import { testThreat } from '@/fixtures/workshopRecords'

const valid = { ...emptyThreatDraft(['T']), title: 'Price tampered in the browser' }

describe('validateThreatDraft', () => {
	it('accepts a titled threat with a category', () => {
		expect(isValidDraft(validateThreatDraft(valid))).toBe(true)
	})

	it('asks for a title and at least one category', () => {
		const errors = validateThreatDraft({ ...valid, title: '  ', categories: [] })
		expect(Object.keys(errors).sort()).toEqual(['categories', 'title'])
	})

	it('applies the room’s length limits', () => {
		const errors = validateThreatDraft({
			...valid,
			title: 'x'.repeat(THREAT_TITLE_MAX + 1),
			description: 'x'.repeat(THREAT_DESCRIPTION_MAX + 1),
		})
		expect(errors.title).toMatch(/100/)
		expect(errors.description).toMatch(/500/)
	})

	it('keeps likelihood and impact on the 1–5 scale', () => {
		const errors = validateThreatDraft({ ...valid, likelihood: 0, impact: 6 })
		expect(Object.keys(errors).sort()).toEqual(['impact', 'likelihood'])
	})
})

describe('drafts', () => {
	it('start empty with the preselected categories and a middle rating', () => {
		expect(emptyThreatDraft(['S'])).toMatchObject({ categories: ['S'], likelihood: 3, impact: 3, status: 'Open' })
	})

	it('edit what the threat holds', () => {
		const threat = testThreat({ title: 'Replay', status: 'Confirmed' })
		expect(draftFromThreat(threat)).toMatchObject({ title: 'Replay', status: 'Confirmed', categories: ['T'] })
	})

	it('are trimmed before they are stored', () => {
		expect(normalisedDraft({ ...valid, title: ' Replay ' })).toMatchObject({ title: 'Replay' })
	})
})
