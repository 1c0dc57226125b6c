// An article's own dashboard: its score with coverage, its claims by verdict as a labelled stacked
// bar, and the claims still open. Load the data with `articleCredibility(articleId)` from
// ~/credibility/credibility.server in the page's loader and pass it in as `credibility`.
import { useId } from 'react'
import { Link } from 'react-router'
import { verdictLabel } from '~/claims/verdicts'
import type { ArticleCredibility as ArticleCredibilityData } from '~/credibility/article-credibility.server'
import { formatCredibility } from '~/credibility/credibility'
import { claimsCount, formatCount } from '~/credibility/format'
import { formatDay } from '~/utils/dates'
import type { Verdict } from '~/generated/prisma/enums'
import { StatusBadge } from './status-badge'
import { VERDICT_STYLES, VerdictBadge } from './verdict-badge'
import { Card, CardHeader } from './ui/card'
import { cx } from './ui/cx'

type Segment = { key: Verdict | 'open'; label: string; count: number; swatch: string }

// Claims not yet approved: striped grey, so the gap in coverage never reads as a verdict.
const OPEN_SWATCH =
  'bg-[repeating-linear-gradient(135deg,var(--color-paper-stripe)_0_4px,var(--color-paper-sunk)_4px_8px)]'

function segmentsOf(credibility: ArticleCredibilityData): Segment[] {
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

export function ArticleCredibility({
  credibility,
  title = 'Credibility',
  className,
}: {
  credibility: ArticleCredibilityData
  title?: string
  className?: string
}) {
  const titleId = useId()
  const segments = segmentsOf(credibility)
  const { score, scoredCount, totalCount, unresolved, unresolvedCount } = credibility
  return (
    <Card aria-labelledby={titleId} className={cx('min-w-0', className)} data-testid="article-credibility">
      <CardHeader as="h2" titleId={titleId} title={title} />
      <div className="space-y-1">
        {score === null ? (
          <p className="text-2xl font-semibold text-ink-muted">Not yet rated</p>
        ) : (
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="text-4xl font-semibold tabular-nums tracking-tight text-ink">
              {score}
              <span className="sr-only"> out of 100</span>
            </span>
            <span className="text-ink-muted">
              — based on {formatCount(scoredCount)} of {claimsCount(totalCount)}
            </span>
          </p>
        )}
        <p className="text-sm text-ink-muted">
          {totalCount === 0
            ? 'No claims yet. The score is the mean of the approved verdicts, once there are some.'
            : score === null
              ? `${claimsCount(totalCount)}; none is approved with a verdict on the true–false scale yet.`
              : 'The mean of the approved verdicts on the true–false scale, from True (100) to False (0). Unproven and “not a factual claim” do not count.'}
        </p>
      </div>

      {totalCount > 0 ? (
        <figure className="mt-4">
          <figcaption className="mb-1.5 text-sm font-medium text-ink">Claims by verdict</figcaption>
          <div
            aria-hidden="true"
            className="flex h-4 w-full overflow-hidden rounded-full ring-1 ring-paper-line ring-inset"
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
          <ul
            className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm"
            aria-label={`Claims by verdict, ${formatCredibility(credibility)}`}
          >
            {segments.map((segment) => (
              <li key={segment.key} className="inline-flex items-center gap-1.5">
                <span
                  aria-hidden="true"
                  className={cx('inline-block size-3 rounded-sm ring-1 ring-black/10', segment.swatch)}
                />
                <span>{segment.label}</span>
                <span className="font-semibold tabular-nums">{formatCount(segment.count)}</span>
              </li>
            ))}
          </ul>
        </figure>
      ) : null}

      {unresolvedCount > 0 ? (
        <div className="mt-5">
          <h3 className="text-sm font-semibold text-ink">Still open ({formatCount(unresolvedCount)})</h3>
          <ul className="mt-2 divide-y divide-paper-line" data-testid="unresolved-claims">
            {unresolved.map((claim) => (
              <li key={claim.id} className="flex flex-col gap-1 py-2">
                <span className="flex shrink-0 flex-wrap gap-1">
                  <StatusBadge status={claim.status} />
                  {claim.status === 'NEEDS_REVIEW' && claim.verdict ? (
                    <VerdictBadge verdict={claim.verdict} status={claim.status} />
                  ) : null}
                </span>
                <span className="min-w-0 text-sm">
                  <Link to={`/claims/${claim.id}`} className="break-words">
                    {claim.text}
                  </Link>
                  {claim.assigneeName || claim.dueAt ? (
                    <span className="block text-ink-muted">
                      {[claim.assigneeName, claim.dueAt ? `due ${formatDay(claim.dueAt)}` : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          {unresolvedCount > unresolved.length ? (
            <p className="mt-2 text-sm text-ink-muted">
              And {claimsCount(unresolvedCount - unresolved.length)} more further down the article.
            </p>
          ) : null}
        </div>
      ) : totalCount > 0 ? (
        <p className="mt-5 text-sm text-ink-muted">Every claim in this article is approved.</p>
      ) : null}
    </Card>
  )
}
