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

	it('checks a CVSS vector as the room does and says what is wrong', () => {
		expect(validateThreatDraft({ ...valid, cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H' }).cvssVector).toBe('Missing base metric A')
		expect(isValidDraft(validateThreatDraft({ ...valid, cvssVector: ' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H ' }))).toBe(true)
		expect(isValidDraft(validateThreatDraft({ ...valid, cvssVector: '' }))).toBe(true)
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

	it('store no vector as null and a typed one trimmed', () => {
		expect(normalisedDraft(valid).cvssVector).toBeNull()
		expect(normalisedDraft({ ...valid, cvssVector: ' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H ' }).cvssVector).toBe(
			'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
		)
	})

	it('start untriaged, in the report and linked to nothing, and edit the triage a threat holds', () => {
		expect(emptyThreatDraft()).toMatchObject({ severity: 'Unknown', cvssVector: '', priority: null, includeInReport: true, assetIds: [], agentIds: [] })
		const threat = testThreat({ severity: 'High', priority: 'P0', includeInReport: false, cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' })
		expect(draftFromThreat(threat)).toMatchObject({
			severity: 'High',
			priority: 'P0',
			includeInReport: false,
			cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
		})
	})
})
