// An article's live claims by status: each status badge followed by its number ("Approved 3"),
// in workflow order, so a row reads left to right as the work moves along. Drawn with the short
// classes of app.css (`.status-counts`), as the article list shows one on every row.
import type { ClaimStatus } from '~/generated/prisma/enums'
import { StatusBadge } from './status-badge'
import { cx } from './ui/cx'

export type ArticleClaimCountsProps = {
  /** Statuses without claims are left out; an empty list reads "No claims yet". */
  counts: ReadonlyArray<{ status: ClaimStatus; count: number }>
  className?: string
}

export function ArticleClaimCounts({ counts, className }: ArticleClaimCountsProps) {
  if (counts.length === 0) return <p className={cx('status-counts-none', className)}>No claims yet</p>
  return (
    <ul className={cx('status-counts', className)} aria-label="Claims by status">
      {counts.map(({ status, count }) => (
        <li key={status}>
          <StatusBadge status={status} />
          <b>{count}</b>
        </li>
      ))}
    </ul>
  )
}
