import { describe, expect, it } from 'vitest'
import { THREAT_DESCRIPTION_MAX, THREAT_TITLE_MAX } from './records/threatRecord'
import { draftFromThreat, emptyThreatDraft, isValidDraft, normalisedDraft, validateThreatDraft } from './threatDraft'
import { testThreat } from './testRecords'

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

	it('accepts only http and https issue links', () => {
		expect(validateThreatDraft({ ...valid, issueUrl: 'https://jira.example.com/SEC-1' }).issueUrl).toBeUndefined()
		expect(validateThreatDraft({ ...valid, issueUrl: 'javascript:alert(1)' }).issueUrl).toBeDefined()
		expect(validateThreatDraft({ ...valid, issueUrl: 'not a url' }).issueUrl).toBeDefined()
	})

	it('accepts an empty or calendar due date only', () => {
		expect(validateThreatDraft({ ...valid, dueDate: '2025-03-31' }).dueDate).toBeUndefined()
		expect(validateThreatDraft({ ...valid, dueDate: '31.03.2025' }).dueDate).toBeDefined()
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
		const threat = testThreat({ title: 'Replay', owner: 'Sam' })
		expect(draftFromThreat(threat)).toMatchObject({ title: 'Replay', owner: 'Sam', categories: ['T'] })
	})

	it('are trimmed before they are stored', () => {
		expect(normalisedDraft({ ...valid, title: ' Replay ', issueUrl: ' https://x.test ' })).toMatchObject({
			title: 'Replay',
			issueUrl: 'https://x.test',
		})
	})
})
