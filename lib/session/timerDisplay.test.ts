import { describe, expect, it } from 'vitest'
import { formatClock, timerDisplay } from './timerDisplay'

describe('formatClock', () => {
	it('writes minutes and seconds with two digits each, minutes going past 59', () => {
		expect(formatClock(0, 'up')).toBe('00:00')
		expect(formatClock(65_000, 'up')).toBe('01:05')
		expect(formatClock(90 * 60_000, 'up')).toBe('90:00')
	})

	it('rounds a countdown up and an overrun down', () => {
		expect(formatClock(59_001, 'up')).toBe('01:00')
		expect(formatClock(59_999, 'down')).toBe('00:59')
	})
})

describe('timerDisplay', () => {
	it('shows the time left, idle while paused', () => {
		expect(timerDisplay({ running: false, remainingMs: 15 * 60_000, overrunMs: 0 })).toMatchObject({ text: '15:00', tone: 'idle' })
	})

	it('turns to a warning in the last two minutes of a running phase', () => {
		expect(timerDisplay({ running: true, remainingMs: 120_000, overrunMs: 0 }).tone).toBe('warning')
		expect(timerDisplay({ running: true, remainingMs: 121_000, overrunMs: 0 }).tone).toBe('running')
	})

	it('shows an overrun as “+mm:ss over” rather than hiding it at zero', () => {
		expect(timerDisplay({ running: true, remainingMs: 0, overrunMs: 133_400 })).toEqual({
			text: '+02:13 over',
			tone: 'overrun',
			spoken: '2 minutes 13 seconds over time',
		})
	})
})
