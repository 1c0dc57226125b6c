// The desk at a glance: its credibility with coverage, then the counts a desk editor checks first.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { DeskTotals } from '~/credibility/credibility.server'
import { formatCount } from '~/credibility/format'
import { CredibilityMeter } from './credibility-meter'
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
      <p className="mt-1 text-3xl font-semibold tabular-nums tracking-tight text-ink">{formatCount(value)}</p>
      {detail ? <p className="mt-1 text-sm text-ink-muted">{detail}</p> : null}
      {to && value > 0 ? (
        <p className="mt-1 text-sm">
          <Link to={to}>Open</Link>
        </p>
      ) : null}
    </li>
  )
}

export function DashboardTotals({ totals, filtered }: { totals: DeskTotals; filtered: boolean }) {
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
          testId="total-articles"
        />
        <Figure
          label="Claims"
          value={totals.claimCount}
          detail={`${formatCount(totals.approvedCount)} approved`}
          testId="total-claims"
        />
        <Figure
          label="Waiting for review"
          value={totals.reviewQueue}
          detail="Proposed verdicts for an editor"
          to="/queue"
          tone="review"
          testId="review-queue"
        />
        <Figure
          label="Overdue"
          value={totals.overdueCount}
          detail="Past their due date, not approved"
          tone="warning"
          testId="overdue-count"
        />
      </ul>
    </section>
  )
}
