import { describe, expect, it } from 'vitest'
import { adjacentPhase, currentPhase } from './currentPhase'
import { testPhaseEvent } from '@/fixtures/workshopRecords'

describe('currentPhase', () => {
	it('starts a workshop in Scope before anyone moves it', () => {
		expect(currentPhase([])).toEqual({ phase: 'scope', startedAt: null, byName: null })
	})

	it('is the phase of the latest change by the room’s clock, whatever order the records arrive in', () => {
		const events = [testPhaseEvent('analyse', 3000), testPhaseEvent('diagram', 1000), testPhaseEvent('decide', 2000)]
		expect(currentPhase(events)).toEqual({ phase: 'analyse', startedAt: 3000, byName: 'Fiona' })
	})

	it('breaks a tie in the same millisecond by id, so every client agrees', () => {
		const events = [testPhaseEvent('decide', 1000, 'b'), testPhaseEvent('diagram', 1000, 'a')]
		expect(currentPhase(events).phase).toBe('decide')
		expect(currentPhase([...events].reverse()).phase).toBe('decide')
	})
})

describe('adjacentPhase', () => {
	it('steps along the agenda and stops at either end', () => {
		expect(adjacentPhase('scope', 1)).toBe('diagram')
		expect(adjacentPhase('analyse', -1)).toBe('diagram')
		expect(adjacentPhase('decide', 1)).toBeNull()
		expect(adjacentPhase('scope', -1)).toBeNull()
	})
})
