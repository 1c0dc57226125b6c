// How article facts read on the page. Pure and browser-safe.

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** "1 Dec 2024". Publication dates are stored as a UTC day, so they are shown in UTC: the day never shifts. */
export function formatPublicationDate(date: Date | string | null | undefined): string | null {
  if (!date) return null
  const value = typeof date === 'string' ? new Date(date) : date
  return Number.isNaN(value.getTime()) ? null : DAY.format(value)
}

/** The `datetime` attribute for a publication date. */
export function isoDay(date: Date | string): string {
  return (typeof date === 'string' ? new Date(date) : date).toISOString().slice(0, 10)
}

export function claimsNoun(count: number): string {
  return count === 1 ? 'claim' : 'claims'
}
