import { describe, expect, it } from 'vitest'
import {
	composeId,
	FIRST_SESSION_NUMBER,
	formatSessionNumber,
	nextSessionNumber,
	projectPrefixFromInput,
	projectPrefixSchema,
	projectSessionTag,
} from './composedIds'
import { currentReview } from './reviewStatus'

describe('composed IDs', () => {
	it('accept project prefixes of 2 to 10 capitals and digits, starting with a letter', () => {
		for (const prefix of ['PAY', 'AB', 'P2P', 'ABCDEFGHIJ']) expect(projectPrefixSchema.safeParse(prefix).success).toBe(true)
		for (const prefix of ['', 'P', 'pay', '2FA', 'PAY-1', 'ABCDEFGHIJK', 'PA Y']) expect(projectPrefixSchema.safeParse(prefix).success).toBe(false)
	})

	it('read project.session.threat with a prefix, and stay as they are without one', () => {
		expect(composeId({ projectPrefix: 'PAY', sessionNumber: 3 }, 'T-007')).toBe('PAY.S03.T-007')
		expect(composeId({ projectPrefix: 'PAY', sessionNumber: 120 }, 'T-1000')).toBe('PAY.S120.T-1000')
		expect(composeId({ projectPrefix: null, sessionNumber: 3 }, 'T-007')).toBe('T-007')
		expect(composeId({ projectPrefix: 'PAY', sessionNumber: 1 }, '')).toBe('')
	})

	it('read a typed prefix as the API takes it: trimmed, upper-cased, none when empty, refused when malformed', () => {
		expect(projectPrefixFromInput(' pay ')).toEqual({ ok: true, projectPrefix: 'PAY' })
		expect(projectPrefixFromInput('   ')).toEqual({ ok: true, projectPrefix: null })
		expect(projectPrefixFromInput('pay-1')).toEqual({ ok: false, message: 'A project prefix is 2 to 10 characters A-Z and 0-9, starting with a letter.' })
	})

	it('tag a prefixed session as project.session, and no session without a prefix', () => {
		expect(projectSessionTag({ projectPrefix: 'PAY', sessionNumber: 3 })).toBe('PAY.S03')
		expect(projectSessionTag({ projectPrefix: null, sessionNumber: 3 })).toBeNull()
	})

	it('count a follow-up on from the session it continues: S01, S02…', () => {
		expect(formatSessionNumber(FIRST_SESSION_NUMBER)).toBe('S01')
		expect(formatSessionNumber(nextSessionNumber(FIRST_SESSION_NUMBER))).toBe('S02')
		expect(formatSessionNumber(nextSessionNumber(9))).toBe('S10')
	})
})

describe('review status', () => {
	it('is not started until the facilitator sets one, then the latest by the room’s sequence', () => {
		expect(currentReview([]).status).toBe('notStarted')
		const event = (id: string, status: 'inProgress' | 'approved' | 'rejected', seq: number, at: number) => ({ id, status, seq, at, byName: 'Fay' })
		const review = currentReview([event('b', 'approved', 2, 100), event('a', 'inProgress', 1, 100), event('c', 'rejected', 0, 200)])
		expect(review).toEqual({ status: 'approved', setByName: 'Fay', setAt: 100 })
	})
})
