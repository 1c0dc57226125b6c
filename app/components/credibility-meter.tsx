// An article's (or the desk's) credibility score with its coverage. A missing score reads
// "Not yet rated" and draws no bar: it must never look like a score of 0.
import { formatCredibility, type Credibility } from '~/credibility/credibility'
import { cx } from './ui/cx'
import { formatCount } from '~/credibility/format'

export type CredibilityMeterProps = Credibility & {
  /** `full` for a dashboard or article header; `compact` for a table cell or list row. */
  variant?: 'full' | 'compact'
  /** Names the figure; hidden visually in the compact variant. */
  label?: string
  className?: string
}

function claimsNoun(count: number): string {
  return count === 1 ? 'claim' : 'claims'
}

export function CredibilityMeter({
  score,
  scoredCount,
  totalCount,
  variant = 'full',
  label = 'Credibility',
  className,
}: CredibilityMeterProps) {
  const coverage =
    score === null
      ? totalCount === 0
        ? 'No claims yet'
        : `${formatCount(totalCount)} ${claimsNoun(totalCount)}, none scored yet`
      : `based on ${formatCount(scoredCount)} of ${formatCount(totalCount)} ${claimsNoun(totalCount)}`
  const width = score === null ? 0 : Math.min(100, Math.max(0, score))

  if (variant === 'compact') {
    // Short classes of app.css (`.meter`): lists and tables show one on every row.
    return (
      <span className={cx('meter', className)} title={formatCredibility({ score, scoredCount, totalCount })}>
        <span className="sr-only">{`${label}: `}</span>
        {score === null ? (
          <span className="meter-none">Not yet rated</span>
        ) : (
          <>
            <b>
              {score}
              <span className="sr-only"> out of 100</span>
            </b>
            <span className="meter-base">
              <span aria-hidden="true">· </span>
              {`${formatCount(scoredCount)} of ${formatCount(totalCount)} ${claimsNoun(totalCount)}`}
            </span>
          </>
        )}
      </span>
    )
  }

  return (
    <div className={cx('min-w-0', className)}>
      <p className="text-sm font-medium text-ink-muted">{label}</p>
      {score === null ? (
        <p className="mt-1 text-2xl font-semibold text-ink-muted">Not yet rated</p>
      ) : (
        <p className="mt-1 flex items-baseline gap-1">
          <span className="text-4xl font-semibold tabular-nums tracking-tight text-ink">{score}</span>
          <span className="text-sm text-ink-muted">
            <span className="sr-only">out of </span>
            <span aria-hidden="true">/ </span>100
          </span>
        </p>
      )}
      {score === null ? null : (
        <div
          aria-hidden="true"
          className="mt-2 h-2 overflow-hidden rounded-full bg-paper-sunk ring-1 ring-paper-line ring-inset"
        >
          <div className="h-full rounded-full bg-brand" style={{ width: `${width}%` }} />
        </div>
      )}
      <p className="mt-1.5 text-sm text-ink-muted">{coverage}</p>
    </div>
  )
}
