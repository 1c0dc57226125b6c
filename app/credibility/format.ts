// Moments and coverage as the dashboard and the article panel print them. Always in UTC, so the server's
// HTML and the browser's render agree. Days and due dates are in ~/utils/dates and ~/claims/due.

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
})

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value)
}

/** "3 Feb, 14:05 UTC". */
export function formatMoment(value: Date | string): string {
  return `${timeFormat.format(asDate(value))} UTC`
}

const countFormat = new Intl.NumberFormat('en-GB')

/** "12,345": counts with thousands separators. */
export function formatCount(count: number): string {
  return countFormat.format(count)
}

/** "9 of 12": how many claims the score rests on, out of all of them. */
export function formatCoverage(scoredCount: number, totalCount: number): string {
  return `${formatCount(scoredCount)} of ${formatCount(totalCount)}`
}

/** Coverage as a whole percentage, or null when there is nothing to cover. */
export function coveragePercent(scoredCount: number, totalCount: number): number | null {
  return totalCount > 0 ? Math.round((scoredCount * 100) / totalCount) : null
}

/** "1 claim", "3 claims". */
export function claimsCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'claim' : 'claims'}`
}
