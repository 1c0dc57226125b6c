// How article facts read on the page. Pure and browser-safe.
import { formatDay } from '~/utils/dates'

/** "1 Dec 2024". Publication dates are stored as a UTC day, so they are shown in UTC: the day never shifts. */
export function formatPublicationDate(date: Date | string | null | undefined): string | null {
  if (!date) return null
  const value = typeof date === 'string' ? new Date(date) : date
  return Number.isNaN(value.getTime()) ? null : formatDay(value)
}

export function claimsNoun(count: number): string {
  return count === 1 ? 'claim' : 'claims'
}
