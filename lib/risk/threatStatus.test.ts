import { describe, expect, it } from 'vitest'
import { isClosedStatus, SEVERITIES, severitySchema, THREAT_STATUSES, threatStatusSchema } from './threatStatus'

describe('threat statuses', () => {
	it('lists the ten TMI statuses', () => {
		expect(THREAT_STATUSES).toHaveLength(10)
		expect(threatStatusSchema.parse('Mitigation In Progress')).toBe('Mitigation In Progress')
	})

	it('rejects a status with different spelling or case', () => {
		expect(threatStatusSchema.safeParse('open').success).toBe(false)
		expect(threatStatusSchema.safeParse('Mitigated').success).toBe(false)
	})

	it.each(['Resolved', 'Accepted', 'False Positive', 'Closed'] as const)('treats %s as closed', (status) => {
		expect(isClosedStatus(status)).toBe(true)
	})

	it.each(['Open', 'Confirmed', 'Mitigation Planned', 'Mitigation In Progress', 'Verification Pending', 'Deferred'] as const)('keeps %s open', (status) => {
		expect(isClosedStatus(status)).toBe(false)
	})
})

describe('severities', () => {
	it('lists Critical to Unknown and validates them', () => {
		expect(SEVERITIES).toEqual(['Critical', 'High', 'Medium', 'Low', 'Informational', 'Unknown'])
		expect(severitySchema.safeParse('Informational').success).toBe(true)
		expect(severitySchema.safeParse('Severe').success).toBe(false)
	})
})
