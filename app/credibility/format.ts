// Dates and coverage as the dashboard and the article panel print them. Always in UTC, so the server's
// HTML and the browser's render agree, and relative to a `now` the loader fixes, for the same reason.

const DAY_MS = 24 * 60 * 60 * 1000

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
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

/** "3 Feb 2026". */
export function formatDay(value: Date | string): string {
  return dayFormat.format(asDate(value))
}

/** "3 Feb, 14:05 UTC". */
export function formatMoment(value: Date | string): string {
  return `${timeFormat.format(asDate(value))} UTC`
}

function utcDayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS)
}

/** "Due today", "Due tomorrow", "Due in 4 days", "1 day overdue", "12 days overdue", by UTC calendar day. */
export function describeDue(dueAt: Date | string, now: Date | string): string {
  const due = asDate(dueAt)
  const current = asDate(now)
  const days = utcDayNumber(due) - utcDayNumber(current)
  if (due.getTime() < current.getTime()) {
    const late = Math.max(1, -days)
    return days === 0 ? 'Overdue since today' : `${late} ${late === 1 ? 'day' : 'days'} overdue`
  }
  if (days === 0) return 'Due today'
  if (days === 1) return 'Due tomorrow'
  return `Due in ${days} days`
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

// Opening and closing marks a quoted span may already carry ("“on all fronts”"), English and Ukrainian/Russian styles.
const QUOTE_PAIRS: Record<string, string[]> = { '“': ['”', '“'], '"': ['"'], '„': ['“', '”'], '«': ['»'], '‘': ['’'], "'": ["'"] }

/** “Claim text”, cut to `max` characters: marks already around it are not doubled. */
export function inQuotes(text: string, max = 120): string {
  let inner = text.trim()
  const opener = inner[0] ?? ''
  const closers = QUOTE_PAIRS[opener]
  const wrapped = inner.length >= 2 && closers?.includes(inner[inner.length - 1]!)
  // “A” and “B” is two quotes side by side, not one wrapped quote: keep its marks.
  const middle = inner.slice(1, -1)
  if (closers && wrapped && !middle.includes(opener) && !closers.some((closer) => middle.includes(closer))) inner = middle.trim()
  if (inner.length > max) inner = `${inner.slice(0, max - 1).trimEnd()}…`
  return `“${inner}”`
}
