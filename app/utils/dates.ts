// Calendar days and moments as the desk reads, stores and prints them. Always in UTC, so the server's
// HTML and the hydrated page agree and a stored day (midnight UTC) never shifts. Pure and browser-safe.
import { z } from 'zod'

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const TIME = { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' } as const
const dayTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', ...TIME })
// This year's moments, in lists where the year goes without saying.
const momentFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...TIME })

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value)
}

/** "3 Feb 2026". */
export function formatDay(value: Date | string): string {
  return dayFormat.format(asDate(value))
}

/** "3 Feb 2026, 14:05 UTC". */
export function formatDayTime(value: Date | string): string {
  return `${dayTimeFormat.format(asDate(value))} UTC`
}

/** "3 Feb, 14:05 UTC". */
export function formatMoment(value: Date | string): string {
  return `${momentFormat.format(asDate(value))} UTC`
}

/** "2026-02-03": a date input's value or a `datetime` attribute; empty for no date. */
export function isoDay(value: Date | string | null | undefined): string {
  return value ? asDate(value).toISOString().slice(0, 10) : ''
}

/** A day as it is stored: `YYYY-MM-DD` at midnight UTC; null for no day. */
export function dayToDate(value: string | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null
}

/** A real calendar day as `YYYY-MM-DD` (what `<input type="date">` sends): 2026-02-30 is refused. */
export function isCalendarDate(value: string): boolean {
  return z.iso.date().safeParse(value).success
}

/** A form field holding a calendar day, trimmed; `message` says what went wrong in the form's words. */
export function calendarDateField(message: string) {
  return z
    .string()
    .trim()
    .pipe(z.iso.date({ error: message }))
}
