// Dates as the person reading them writes dates (their browser's locale), never a raw ISO string.

const CALENDAR_DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })
const MOMENT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const LOCAL_DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/**
 * A calendar day (YYYY-MM-DD): read as UTC midnight and shown in UTC, so 2026-01-15 is the 15th
 * everywhere, not the 14th west of Greenwich.
 */
export function formatCalendarDay(day: string): string {
	const date = new Date(`${day}T00:00:00Z`)
	return Number.isNaN(date.getTime()) ? day : CALENDAR_DAY.format(date)
}

/** An instant (epoch ms, the room's clock) in local time. */
export function formatMoment(epochMs: number): string {
	return MOMENT.format(new Date(epochMs))
}

/** The local day of an instant (epoch ms). */
export function formatDay(epochMs: number): string {
	return LOCAL_DAY.format(new Date(epochMs))
}

/** Today as YYYY-MM-DD in local time: the earliest sensible next-session date. */
export function todayCalendarDay(now = new Date()): string {
	const pad = (value: number) => String(value).padStart(2, '0')
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
