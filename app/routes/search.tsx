import { data, Form, Link } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { verdictLabel } from '~/claims/verdicts'
import { STATUS_LABELS } from '~/claims/workflow'
import { StatusBadge } from '~/components/status-badge'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { CONTROL, ErrorList } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { Pager } from '~/components/ui/pager'
import { VerdictBadge } from '~/components/verdict-badge'
import type { Segment } from '~/search/highlight'
import {
  APPROVED_LABELS,
  CANDIDATE_LIMIT,
  NEAR_CANDIDATE_LIMIT,
  KIND_LABELS,
  SEARCH_MAX_LENGTH,
  searchHref,
  type FacetName,
  type SearchQuery,
} from '~/search/query'
import { searchPage, type SearchFacets, type SearchResult } from '~/search/search.server'
import { formatDay } from '~/utils/dates'
import { pageUrl } from '~/utils/page-url'
import type { Route } from './+types/search'

export const meta: Route.MetaFunction = ({ data: loaderData }) => [
  { title: loaderData?.q ? `“${loaderData.q}” · Search · Factdesk` : 'Search · Factdesk' },
]

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'claim:view')
  const { status, ...page } = await searchPage(pageUrl(request).searchParams)
  return data(page, { status })
}

const SEARCH_HINT =
  'Words are matched in any form (“prisoner” finds “prisoners”) and near spellings too. Use “quotes” for a phrase, or between alternatives, and a minus sign to leave a word out.'

export default function Search({ loaderData }: Route.ComponentProps) {
  const { q, query, errors, found } = loaderData
  return (
    <div className="space-y-6">
      <PageHeader title="Search" description="Claims, sources and articles across the desk, best matches first." />
      <Form method="get" action="/search" role="search" className="max-w-2xl space-y-1.5">
        <label htmlFor="search-page-q" className="block text-sm font-medium text-ink">
          Search the desk
        </label>
        <div className="flex gap-2">
          <input
            key={q}
            id="search-page-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={SEARCH_MAX_LENGTH}
            aria-invalid={errors.q ? true : undefined}
            aria-describedby={errors.q ? 'search-page-q-error search-page-q-hint' : 'search-page-q-hint'}
            className={`${CONTROL} min-w-0 flex-1`}
          />
          <Button type="submit">Search</Button>
        </div>
        <ErrorList id="search-page-q-error" errors={errors.q ? [errors.q] : undefined} />
        <p id="search-page-q-hint" className="text-sm text-ink-muted">
          {SEARCH_HINT}
        </p>
      </Form>
      <FacetErrors errors={errors} />
      {query && found ? <SearchResultsView query={query} found={found} /> : null}
    </div>
  )
}

function FacetErrors({ errors }: { errors: Partial<Record<string, string>> }) {
  const messages = Object.entries(errors)
    .filter(([name, message]) => name !== 'q' && message)
    .map(([, message]) => `${message} The search was run without it.`)
  return messages.length ? <ErrorList errors={messages} /> : null
}

type Found = NonNullable<Route.ComponentProps['loaderData']['found']>

function SearchResultsView({ query, found }: { query: SearchQuery; found: Found }) {
  const total = found.facets.type.reduce((sum, facet) => sum + facet.count, 0)
  const shownTotal = query.type ? (found.facets.type.find((facet) => facet.value === query.type)?.count ?? 0) : total
  const capped = found.capped.length > 0
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      {/* Results come first to a screen reader and on a phone; beside the facets from 1024 px. */}
      <section aria-labelledby="search-results-title" className="min-w-0 space-y-3 lg:col-start-2 lg:row-start-1">
        <h2 id="search-results-title" className="text-base font-semibold text-ink" aria-live="polite">
          {shownTotal === 0
            ? 'Nothing matches'
            : `${shownTotal.toLocaleString('en-GB')}${capped ? '+' : ''} ${shownTotal === 1 ? 'match' : 'matches'}`}
        </h2>
        {capped ? (
          <p className="text-sm text-ink-muted">
            More {found.capped.map((kind) => KIND_LABELS[kind].toLowerCase()).join(' and ')} match than are counted: the
            best of the first {CANDIDATE_LIMIT.toLocaleString('en-GB')} exact matches (or {NEAR_CANDIDATE_LIMIT} near
            spellings) are ranked. Add a word or choose a facet to narrow the search.
          </p>
        ) : null}
        {found.results.length ? (
          <ol className="space-y-3">
            {found.results.map((result) => (
              <li key={`${result.kind}-${result.id}`}>
                <ResultCard result={result} />
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState
            title="No claims, sources or articles match"
            description="Check the spelling, use fewer words, or remove a facet."
          />
        )}
        <Pager
          label="Pages of search results"
          first={query.after ? searchHref({ ...query, after: null }) : null}
          next={found.nextCursor ? searchHref({ ...query, after: found.nextCursor }) : null}
          nextLabel="More results"
        />
      </section>
      <Facets query={query} facets={found.facets} />
    </div>
  )
}

function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-ink">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}

function ResultCard({ result }: { result: SearchResult }) {
  const titleId = `result-${result.kind}-${result.id}`
  if (result.kind === 'claim') {
    return (
      <Card as="article" aria-labelledby={titleId} className="space-y-2 p-3 sm:p-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="info">Claim</Badge>
          <StatusBadge status={result.status} />
          <VerdictBadge status={result.status} verdict={result.verdict} />
        </div>
        <h3 id={titleId} className="text-base font-medium">
          <Link to={result.href}>
            <Marked segments={result.snippet} />
          </Link>
        </h3>
        <p className="text-sm text-ink-muted">
          {result.claimant ? `${result.claimant} · ` : ''}in{' '}
          <Link to={`/articles/${result.article.id}`}>{result.article.title}</Link>
          {result.approvedAt ? ` · approved ${formatDay(result.approvedAt)}` : ''}
        </p>
        {result.tags.length ? (
          <p className="flex flex-wrap gap-1">
            {result.tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </p>
        ) : null}
      </Card>
    )
  }
  return (
    <Card as="article" aria-labelledby={titleId} className="space-y-2 p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={result.kind === 'source' ? 'violet' : 'neutral'}>
          {result.kind === 'source' ? 'Source' : 'Article'}
        </Badge>
        <span className="text-sm text-ink-muted">{result.kind === 'source' ? result.publisher : result.outlet}</span>
      </div>
      <h3 id={titleId} className="text-base font-medium">
        <Link to={result.href}>
          <Marked segments={result.title} />
        </Link>
      </h3>
      <p className="break-words text-sm text-ink-muted">
        <Marked segments={result.snippet} />
      </p>
    </Card>
  )
}

type FacetLink = { value: string; label: string; count: number }

function facetLinks(facets: SearchFacets, name: FacetName): FacetLink[] {
  switch (name) {
    case 'type':
      return facets.type
        .filter((f) => f.count > 0)
        .map((f) => ({ value: f.value, label: KIND_LABELS[f.value], count: f.count }))
    case 'status':
      return facets.status.map((f) => ({ value: f.value, label: STATUS_LABELS[f.value], count: f.count }))
    case 'verdict':
      return facets.verdict.map((f) => ({ value: f.value, label: verdictLabel(f.value), count: f.count }))
    case 'article':
      return facets.article.map((f) => ({ value: f.value, label: f.label, count: f.count }))
    case 'claimant':
      return facets.claimant.map((f) => ({ value: f.value, label: f.value, count: f.count }))
    case 'tag':
      return facets.tag.map((f) => ({ value: f.value, label: f.value, count: f.count }))
    case 'approved':
      return facets.approved.map((f) => ({ value: f.value, label: APPROVED_LABELS[f.value], count: f.count }))
  }
}

const FACET_TITLES: Record<FacetName, string> = {
  type: 'Type',
  status: 'Status',
  verdict: 'Verdict',
  article: 'Article',
  claimant: 'Claimant',
  tag: 'Tag',
  approved: 'Approved',
}

function Facets({ query, facets }: { query: SearchQuery; facets: SearchFacets }) {
  const groups = (Object.keys(FACET_TITLES) as FacetName[])
    .map((name) => ({ name, links: facetLinks(facets, name) }))
    .filter((group) => group.links.length > 0 || query[group.name])
  return (
    <nav aria-label="Narrow the search" className="space-y-4 lg:col-start-1 lg:row-start-1">
      {groups.map(({ name, links }) => (
        <section key={name} aria-labelledby={`facet-${name}`}>
          <h2 id={`facet-${name}`} className="text-sm font-semibold text-ink">
            {FACET_TITLES[name]}
          </h2>
          <ul className="mt-1 space-y-0.5 text-sm">
            {query[name] ? (
              <li>
                <Link to={searchHref({ ...query, [name]: null, after: null })} className="text-ink-muted">
                  <span aria-hidden="true">×</span> Any {FACET_TITLES[name].toLowerCase()}
                </Link>
              </li>
            ) : null}
            {links.map((link) => {
              const chosen = query[name] === link.value
              return (
                <li key={link.value}>
                  <Link
                    to={searchHref({ ...query, [name]: chosen ? null : link.value, after: null })}
                    aria-current={chosen ? 'true' : undefined}
                    className={`flex justify-between gap-2 rounded px-1.5 py-0.5 no-underline hover:bg-paper-sunk ${chosen ? 'bg-brand-soft font-medium text-brand-dark' : 'text-ink'}`}
                  >
                    <span className="min-w-0 truncate">{link.label}</span>
                    <span className="shrink-0 tabular-nums text-ink-muted">
                      {link.count.toLocaleString('en-GB')}
                      <span className="sr-only"> results</span>
                    </span>
                  </Link>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </nav>
  )
}
