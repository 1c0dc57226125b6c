// A due date in words, the same on the claim page, the queues and the dashboard. Counted in UTC
// calendar days against a `now` the loader fixes, so the server's HTML and the browser agree. Pure.
import { formatDay, isoDay } from '~/utils/dates'

const DAY_MS = 24 * 60 * 60 * 1000

function utcDayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS)
}

/** "Overdue by 2 days", "Overdue: it was due earlier today", "Due today", "Due tomorrow", "Due in 4 days". */
export function dueWords(dueAt: Date | string, now: Date | string = new Date()): string {
  const due = new Date(dueAt)
  const current = new Date(now)
  const days = utcDayNumber(due) - utcDayNumber(current)
  if (due.getTime() < current.getTime()) {
    return days >= 0 ? 'Overdue: it was due earlier today' : `Overdue by ${-days} ${-days === 1 ? 'day' : 'days'}`
  }
  if (days === 0) return 'Due today'
  if (days === 1) return 'Due tomorrow'
  return `Due in ${days} days`
}

export type DueState = { date: string; label: string; words: string; overdue: boolean }

/** The due date as a page shows it: the day, the day in words, and whether it has passed. */
export function describeDue(dueAt: Date | null, now: Date = new Date()): DueState | null {
  if (!dueAt) return null
  return {
    date: isoDay(dueAt),
    label: formatDay(dueAt),
    words: dueWords(dueAt, now),
    overdue: dueAt.getTime() < now.getTime(),
  }
}
