// Pieces the dashboard's cards share: a count that links to the list of the claims it counts, the
// glyph-and-number tallies per status, and a table's column headings.
import type { ReactNode } from 'react'
import { claimListHref, type ClaimListFilters } from '~/claims/claim-list-query'
import { STATUS_LABELS } from '~/claims/workflow'
import type { StatusCount } from '~/credibility/credibility.server'
import type { DashboardFilters } from '~/credibility/dashboard-query'
import { formatCount } from '~/credibility/format'
import { STATUS_STYLES } from './status-badge'
import { cx } from './ui/cx'

/** The /claims list of what a dashboard figure counts: the dashboard's own filters plus the figure's. */
export function claimsOf(filters: DashboardFilters, narrowing: Partial<ClaimListFilters> = {}): string {
  return claimListHref({ from: filters.from, to: filters.to, tag: filters.tag, ...narrowing })
}

/**
 * A count as a link to the claims it counts; `label` is what the link says to a screen reader
 * ("Approved claims"). Nothing to list, no link. A plain link, since a dashboard shows hundreds: the page
 * navigates them on the client (useClientLinks).
 */
export function CountLink({
  count,
  to,
  label,
  className,
}: {
  count: number
  to: string
  label: string
  className?: string
}) {
  if (count === 0) return <span className={cx('tabular-nums', className)}>{formatCount(count)}</span>
  return (
    <a href={to} className={cx('tabular-nums', className)} aria-label={`${label}: ${formatCount(count)}, list them`}>
      {formatCount(count)}
    </a>
  )
}

/** Claims per status as a glyph and a number each, every number a link to those claims. */
export function StatusTally({
  counts,
  listOf,
  children,
}: {
  counts: readonly StatusCount[]
  /** The list behind one status's number. */
  listOf: (status: StatusCount['status']) => string
  /** Further entries at the end of the tally (the overdue count). */
  children?: ReactNode
}) {
  return (
    <ul className="tally">
      {counts.map((entry) => (
        <li key={entry.status} title={STATUS_LABELS[entry.status]}>
          <span aria-hidden="true" className={STATUS_STYLES[entry.status].dot} />
          <CountLink count={entry.count} to={listOf(entry.status)} label={STATUS_LABELS[entry.status]} />
          <span className="sr-only"> {STATUS_LABELS[entry.status].toLowerCase()}</span>
        </li>
      ))}
      {children}
    </ul>
  )
}

export type ColumnHead = { label: ReactNode; className?: string }

/** A table's heading row: one column heading per entry, in the card's heading style. */
export function ColumnHeads({ columns, cell }: { columns: readonly ColumnHead[]; cell: string }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={cx(cell, column.className)}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
