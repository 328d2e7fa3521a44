import { describe, expect, it } from 'vitest'
import { TRUST_ZONE_MAX, TRUST_ZONE_MIN } from './shapes/boundary-props'
import { TRUST_ZONES, boundaryHeading, humanIdTag, trustZoneLabel } from './labels'

describe('humanIdTag', () => {
	it('shows the stamped ID', () => {
		expect(humanIdTag('P1')).toBe('P1')
	})

	it('shows an ellipsis while the room has not stamped the element yet', () => {
		expect(humanIdTag('')).toBe('…')
	})
})

describe('trustZoneLabel', () => {
	it('names the zone and its number', () => {
		expect(trustZoneLabel(0)).toBe('Internet (zone 0)')
		expect(trustZoneLabel(3)).toBe('Internal (zone 3)')
		expect(trustZoneLabel(5)).toBe('Most trusted (zone 5)')
	})

	it('falls back to the number for a zone it does not know', () => {
		expect(trustZoneLabel(9)).toBe('Zone 9')
	})
})

describe('boundaryHeading', () => {
	it('reads like the heading on the canvas', () => {
		expect(boundaryHeading('TB1', 3)).toBe('TB1 · Internal (zone 3)')
	})

	it('keeps the heading while the ID is pending', () => {
		expect(boundaryHeading('', 0)).toBe('… · Internet (zone 0)')
	})
})

describe('TRUST_ZONES', () => {
	it('lists every valid zone in order', () => {
		expect(TRUST_ZONES[0]).toBe(TRUST_ZONE_MIN)
		expect(TRUST_ZONES.at(-1)).toBe(TRUST_ZONE_MAX)
		expect(TRUST_ZONES).toHaveLength(TRUST_ZONE_MAX - TRUST_ZONE_MIN + 1)
	})
})
