// Counts and coverage as the dashboard and the article panel print them. Dates and moments are in
// ~/utils/dates, due dates in ~/claims/due.

const countFormat = new Intl.NumberFormat('en-GB')

/** "12,345": counts with thousands separators. */
export function formatCount(count: number): string {
  // Most counts on a page are small whole numbers, which need no separator; Intl is slow to call hundreds of times.
  return Number.isInteger(count) && count > -1000 && count < 1000 ? String(count) : countFormat.format(count)
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
const QUOTE_PAIRS: Record<string, string[]> = {
  '“': ['”', '“'],
  '"': ['"'],
  '„': ['“', '”'],
  '«': ['»'],
  '‘': ['’'],
  "'": ["'"],
}

/** “Claim text”, cut to `max` characters: marks already around it are not doubled. */
export function inQuotes(text: string, max = 120): string {
  let inner = text.trim()
  const opener = inner[0] ?? ''
  const closers = QUOTE_PAIRS[opener]
  const wrapped = inner.length >= 2 && closers?.includes(inner[inner.length - 1]!)
  // “A” and “B” is two quotes side by side, not one wrapped quote: keep its marks.
  const middle = inner.slice(1, -1)
  if (closers && wrapped && !middle.includes(opener) && !closers.some((closer) => middle.includes(closer)))
    inner = middle.trim()
  if (inner.length > max) inner = `${inner.slice(0, max - 1).trimEnd()}…`
  return `“${inner}”`
}
