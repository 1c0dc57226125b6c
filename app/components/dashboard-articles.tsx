// Articles with their credibility, coverage and claim counts; sorted on the server (by score or by
// coverage, unrated articles always last) and paged by keyset, so the links work without JavaScript.
import { Link } from 'react-router'
import type { ArticleRow } from '~/credibility/credibility.server'
import { dashboardHref, type ArticleSort, type DashboardQuery } from '~/credibility/dashboard-query'
import { STATUS_LABELS } from '~/claims/workflow'
import { coveragePercent, formatCount, formatCoverage } from '~/credibility/format'
import { CredibilityMeter } from './credibility-meter'
import { claimsOf, CountLink } from './dashboard-parts'
import { STATUS_STYLES } from './status-badge'
import { useClientLinks } from './ui/client-links'
import { EmptyState, TitledCard } from './ui/card'
import { ButtonLink } from './ui/button'
import { cx } from './ui/cx'

const TH =
  'border-b border-paper-line bg-paper-sunk px-3 py-2 text-xs font-semibold uppercase tracking-wide text-ink-muted'

const SORT_NAMES: Record<ArticleSort, string> = { score: 'Score', coverage: 'Coverage' }

function SortLink({ query, sort, className }: { query: DashboardQuery; sort: ArticleSort; className?: string }) {
  const active = query.sort === sort
  // The first click sorts best first; clicking the active column turns it around.
  const dir = active && query.dir === 'desc' ? 'asc' : 'desc'
  const arrow = active ? (query.dir === 'desc' ? '↓' : '↑') : '↕'
  const state = active ? (query.dir === 'desc' ? 'highest first' : 'lowest first') : 'not sorted'
  return (
    <Link
      to={`${dashboardHref(query, { sort, dir, after: null })}#articles`}
      className={cx('inline-flex items-center gap-1 no-underline hover:text-brand', className)}
    >
      {SORT_NAMES[sort]}
      <span aria-hidden="true" className={active ? 'text-brand' : 'text-ink-faint'}>
        {arrow}
      </span>
      <span className="sr-only">
        , {state}; sort {dir === 'desc' ? 'highest' : 'lowest'} first
      </span>
    </Link>
  )
}

function SortHeader({ query, sort, className }: { query: DashboardQuery; sort: ArticleSort; className?: string }) {
  const active = query.sort === sort
  return (
    <th
      scope="col"
      className={cx(TH, className)}
      aria-sort={active ? (query.dir === 'desc' ? 'descending' : 'ascending') : undefined}
    >
      <SortLink query={query} sort={sort} className="text-ink-muted" />
    </th>
  )
}

function CoverageCell({ scoredCount, totalCount }: { scoredCount: number; totalCount: number }) {
  const percent = coveragePercent(scoredCount, totalCount)
  if (percent === null) return <span className="text-ink-muted">No claims</span>
  return (
    <span className="cov">
      <span className="tabular-nums">{formatCoverage(scoredCount, totalCount)}</span>
      <span className="text-ink-muted"> ({percent}%)</span>
      <span aria-hidden="true" className="cov-bar">
        <span style={{ width: `${percent}%` }} />
      </span>
    </span>
  )
}

/**
 * An article's claims per status, each number a link to those claims: the dashboard's StatusTally drawn
 * with the CSS glyph and plain links (the table navigates them on the client), as every row shows two.
 */
function StatusCounts({ row, query }: { row: ArticleRow; query: DashboardQuery }) {
  return (
    <ul className="tally">
      {row.byStatus.map(({ status, count }) => {
        const label = STATUS_LABELS[status]
        return (
          <li key={status} title={label}>
            <span aria-hidden="true" className={STATUS_STYLES[status].dot} />
            {count === 0 ? (
              <span className="tabular-nums">{formatCount(count)}</span>
            ) : (
              <a
                href={claimsOf(query, { article: row.id, status })}
                className="tabular-nums"
                aria-label={`${label}: ${formatCount(count)}, list them`}
              >
                {formatCount(count)}
              </a>
            )}
            <span className="sr-only"> {label.toLowerCase()}</span>
          </li>
        )
      })}
      {row.overdueCount > 0 ? (
        <li className="font-medium text-red-800">
          <CountLink
            count={row.overdueCount}
            to={claimsOf(query, { article: row.id, due: 'overdue' })}
            label={`Overdue claims in ${row.title}`}
            className="text-red-800"
          />{' '}
          overdue
        </li>
      ) : null}
    </ul>
  )
}

export function DashboardArticles({
  rows,
  query,
  nextCursor,
  isFirstPage,
  total,
  filtered,
}: {
  rows: ArticleRow[]
  query: DashboardQuery
  nextCursor: string | null
  isFirstPage: boolean
  total: number
  filtered: boolean
}) {
  const rowLinks = useClientLinks<HTMLTableSectionElement>()
  return (
    <TitledCard
      className="min-w-0"
      id="articles"
      title="Articles"
      description={
        filtered
          ? 'Articles with matching claims; score, coverage and counts cover those claims only. Unrated articles are listed last.'
          : 'Each article’s score rests on its approved, scored claims. Unrated articles are listed last.'
      }
    >
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? 'No articles have claims that match' : 'No articles yet'}
          description={
            filtered
              ? 'Try a wider date range or another tag.'
              : 'Add an article and break it into claims to see it here.'
          }
          action={
            filtered ? (
              <ButtonLink to="/dashboard" variant="secondary">
                Clear the filter
              </ButtonLink>
            ) : (
              <ButtonLink to="/articles/new">Add an article</ButtonLink>
            )
          }
        />
      ) : (
        <>
          {/* On a phone the coverage column is folded into the score; its order stays a tap away. */}
          <p className="mb-3 flex gap-4 text-sm md:hidden">
            <span className="text-ink-muted">Sort by</span>
            <SortLink query={query} sort="score" />
            <SortLink query={query} sort="coverage" />
          </p>
          <div className="-mx-4 overflow-x-auto sm:-mx-5">
            <table className="desk-table w-full text-left text-sm" data-testid="article-table">
              <thead>
                <tr>
                  <th scope="col" className={TH}>
                    Article
                  </th>
                  <SortHeader query={query} sort="score" />
                  <SortHeader query={query} sort="coverage" className="hidden md:table-cell" />
                  <th scope="col" className={cx(TH, 'hidden md:table-cell')}>
                    Claims by status
                  </th>
                </tr>
              </thead>
              <tbody ref={rowLinks} className="desk-rows">
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <a href={`/articles/${row.id}`} className="font-medium">
                        {row.title}
                      </a>
                      {row.outlet ? <span className="desk-sub">{row.outlet}</span> : null}
                    </th>
                    <td className="desk-nowrap">
                      <CredibilityMeter {...row.credibility} variant="compact" label={`Credibility of ${row.title}`} />
                    </td>
                    <td className="desk-wide">
                      <CoverageCell scoredCount={row.credibility.scoredCount} totalCount={row.credibility.totalCount} />
                    </td>
                    <td className="desk-status">
                      <StatusCounts row={row} query={query} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-ink-muted">
            <p>
              {isFirstPage
                ? `Showing ${rows.length} of ${formatCount(total)} articles.`
                : `Showing ${rows.length} more of ${formatCount(total)} articles.`}
            </p>
            <div className="flex flex-wrap gap-2">
              {isFirstPage ? null : (
                <ButtonLink to={`${dashboardHref(query, { after: null })}#articles`} variant="ghost" size="sm">
                  Back to the top of the list
                </ButtonLink>
              )}
              {nextCursor ? (
                <ButtonLink
                  to={`${dashboardHref(query, { after: nextCursor })}#articles`}
                  variant="secondary"
                  size="sm"
                >
                  Show more articles
                </ButtonLink>
              ) : null}
            </div>
          </div>
        </>
      )}
    </TitledCard>
  )
}
