// The desk at a glance: its credibility with coverage, then the counts a desk editor checks first,
// each a link to the claims it counts.
import type { ReactNode } from 'react'
import type { DeskTotals } from '~/credibility/credibility.server'
import type { DashboardFilters } from '~/credibility/dashboard-query'
import { formatCount } from '~/credibility/format'
import { CredibilityMeter } from './credibility-meter'
import { claimsOf, CountLink } from './dashboard-parts'
import { cx } from './ui/cx'

function Figure({
  label,
  value,
  detail,
  to,
  tone,
  testId,
}: {
  label: string
  value: number
  detail?: ReactNode
  /** The list of the claims `value` counts. */
  to?: string
  tone?: 'warning' | 'review'
  testId?: string
}) {
  const toneClass =
    tone === 'warning' && value > 0
      ? 'border-l-4 border-l-red-700'
      : tone === 'review' && value > 0
        ? 'border-l-4 border-l-status-review'
        : ''
  return (
    <li
      className={cx('min-w-0 rounded-lg border border-paper-line bg-paper p-4 shadow-sm', toneClass)}
      data-testid={testId}
    >
      <p className="text-sm font-medium text-ink-muted">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums tracking-tight text-ink">
        {to ? <CountLink count={value} to={to} label={label} /> : formatCount(value)}
      </p>
      {detail ? <p className="mt-1 text-sm text-ink-muted">{detail}</p> : null}
    </li>
  )
}

/** The two figures that ask for work, by the tone that marks them when they are not zero. */
const WORK = {
  review: { label: 'Waiting for review', detail: 'Proposed verdicts for an editor', testId: 'review-queue' },
  warning: { label: 'Overdue', detail: 'Past their due date, not approved', testId: 'overdue-count' },
} as const

export function DashboardTotals({
  totals,
  filtered,
  filters,
}: {
  totals: DeskTotals
  filtered: boolean
  filters: DashboardFilters
}) {
  const reviewList = claimsOf(filters, { status: 'NEEDS_REVIEW' })
  const overdueList = claimsOf(filters, { due: 'overdue' })
  return (
    <section aria-labelledby="desk-totals">
      <h2 id="desk-totals" className="sr-only">
        Desk totals
      </h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <li
          className="col-span-2 min-w-0 rounded-lg border border-paper-line bg-paper p-4 shadow-sm md:col-span-3 xl:col-span-2"
          data-testid="desk-credibility"
        >
          <CredibilityMeter
            {...totals.credibility}
            label={filtered ? 'Credibility of these claims' : 'Desk credibility'}
          />
        </li>
        <Figure
          label={filtered ? 'Articles with these claims' : 'Articles'}
          value={totals.articleCount}
          // The article list has no claim-date or tag filter, so only the whole desk's count links to it.
          to={filtered ? undefined : '/articles'}
          testId="total-articles"
        />
        <Figure
          label="Claims"
          value={totals.claimCount}
          to={claimsOf(filters)}
          detail={
            <>
              <CountLink
                count={totals.approvedCount}
                to={claimsOf(filters, { status: 'APPROVED' })}
                label="Approved claims"
              />{' '}
              approved
            </>
          }
          testId="total-claims"
        />
        <Figure {...WORK.review} tone="review" value={totals.reviewQueue} to={reviewList} />
        <Figure {...WORK.warning} tone="warning" value={totals.overdueCount} to={overdueList} />
      </ul>
    </section>
  )
}
