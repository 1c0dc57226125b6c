// An article's live claims by status: each status badge followed by its number ("Approved 3"),
// in workflow order, so a row reads left to right as the work moves along.
import type { ClaimStatus } from '~/generated/prisma/enums'
import { StatusBadge } from './status-badge'
import { cx } from './ui/cx'

export type ArticleClaimCountsProps = {
  /** Statuses without claims are left out; an empty list reads "No claims yet". */
  counts: ReadonlyArray<{ status: ClaimStatus; count: number }>
  className?: string
}

export function ArticleClaimCounts({ counts, className }: ArticleClaimCountsProps) {
  if (counts.length === 0) return <p className={cx('text-sm text-ink-muted italic', className)}>No claims yet</p>
  return (
    <ul className={cx('flex flex-wrap gap-x-3 gap-y-1.5', className)} aria-label="Claims by status">
      {counts.map(({ status, count }) => (
        <li key={status} className="inline-flex items-center gap-1">
          <StatusBadge status={status} />
          <span className="text-sm font-semibold tabular-nums text-ink">{count}</span>
        </li>
      ))}
    </ul>
  )
}
