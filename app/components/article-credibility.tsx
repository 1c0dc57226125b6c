// An article's credibility in brief: its score with coverage and its claims by verdict as a labelled
// stacked bar. Load the data with `articleCredibility(articleId)` from
// ~/credibility/credibility.server in the page's loader and pass it in as `credibility`.
import { useId } from 'react'
import { verdictLabel } from '~/claims/verdicts'
import type { ArticleCredibility as ArticleCredibilityData } from '~/credibility/article-credibility.server'
import { formatCredibility } from '~/credibility/credibility'
import { claimsCount, formatCount } from '~/credibility/format'
import type { Verdict } from '~/generated/prisma/enums'
import { VERDICT_STYLES } from './verdict-badge'
import { cx } from './ui/cx'

type Segment = { key: Verdict | 'open'; label: string; count: number; swatch: string }

// Claims not yet approved: striped grey, so the gap in coverage never reads as a verdict.
const OPEN_SWATCH =
  'bg-[repeating-linear-gradient(135deg,var(--color-paper-stripe)_0_4px,var(--color-paper-sunk)_4px_8px)]'

function segmentsOf(credibility: Omit<ArticleCredibilityData, 'unresolved'>): Segment[] {
  const verdicts: Segment[] = credibility.byVerdict
    .filter((entry) => entry.count > 0)
    .map((entry) => ({
      key: entry.verdict,
      label: verdictLabel(entry.verdict),
      count: entry.count,
      swatch: VERDICT_STYLES[entry.verdict].bar,
    }))
  return credibility.unresolvedCount > 0
    ? [...verdicts, { key: 'open', label: 'Not yet approved', count: credibility.unresolvedCount, swatch: OPEN_SWATCH }]
    : verdicts
}

/**
 * The article's credibility at the head of its claim list: the score with its coverage and the claims
 * by verdict as a labelled bar. The claims still open are the list itself, right below.
 */
export function ArticleCredibility({
  credibility,
  title = 'Credibility',
  className,
}: {
  credibility: Omit<ArticleCredibilityData, 'unresolved'>
  title?: string
  className?: string
}) {
  const titleId = useId()
  const segments = segmentsOf(credibility)
  const { score, scoredCount, totalCount } = credibility
  return (
    <section aria-labelledby={titleId} className={cx('min-w-0 space-y-2', className)} data-testid="article-credibility">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <h2 id={titleId} className="text-sm font-semibold text-ink">
          {title}
        </h2>
        {score === null ? (
          <p className="text-sm font-semibold text-ink-muted">Not yet rated</p>
        ) : (
          <p className="flex flex-wrap items-baseline gap-x-1.5 text-sm">
            <span className="text-2xl font-semibold tracking-tight text-ink tabular-nums">
              {score}
              <span className="sr-only"> out of 100</span>
            </span>
            <span className="text-ink-muted">
              based on {formatCount(scoredCount)} of {claimsCount(totalCount)}
            </span>
          </p>
        )}
      </div>
      <p className="text-xs text-ink-muted">
        {totalCount === 0
          ? 'No claims yet. The score is the mean of the approved verdicts, once there are some.'
          : score === null
            ? `${claimsCount(totalCount)}; none is approved with a verdict on the true–false scale yet.`
            : 'The mean of the approved verdicts, from True (100) to False (0). Unproven and “not a factual claim” do not count.'}
      </p>
      {totalCount > 0 ? (
        <figure>
          <div
            aria-hidden="true"
            className="flex h-2.5 w-full overflow-hidden rounded-full ring-1 ring-paper-line ring-inset"
          >
            {segments.map((segment) => (
              <div
                key={segment.key}
                className={cx('h-full border-r border-white last:border-r-0', segment.swatch)}
                style={{ width: `${(segment.count * 100) / totalCount}%` }}
                title={`${segment.label}: ${segment.count}`}
              />
            ))}
          </div>
          <figcaption className="sr-only">Claims by verdict</figcaption>
          <ul
            className="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs"
            aria-label={`Claims by verdict, ${formatCredibility(credibility)}`}
          >
            {segments.map((segment) => (
              <li key={segment.key} className="inline-flex items-center gap-1">
                <span
                  aria-hidden="true"
                  className={cx('inline-block size-2.5 rounded-sm ring-1 ring-black/10', segment.swatch)}
                />
                <span>{segment.label}</span>
                <span className="font-semibold tabular-nums">{formatCount(segment.count)}</span>
              </li>
            ))}
          </ul>
        </figure>
      ) : null}
    </section>
  )
}
