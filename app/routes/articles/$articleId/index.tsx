import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  data,
  Link,
  useLocation,
  useNavigate,
  useFetcher,
  useOutlet,
  useParams,
  useSearchParams,
  type ShouldRevalidateFunctionArgs,
} from 'react-router'
import { can } from '~/auth/permissions'
import { requirePermission } from '~/auth/session.server'
import { articleWorkspace } from '~/articles/workspace.server'
import {
  acceptSuggestion,
  dismissSuggestion,
  restoreSuggestion,
  splitSuggestion,
  suggestionsFor,
} from '~/claims/suggestions.server'
import { suggestionActionSchema } from '~/claims/schemas'
import { VERDICTS } from '~/claims/verdicts'
import { STATUS_LABELS } from '~/claims/workflow'
import { ArticleCredibility } from '~/components/article-credibility'
import { ArticleHighlighter, highlightClasses } from '~/components/article-highlighter'
import { ClaimReviewSnippet } from '~/components/claimreview-snippet'
import { articleCredibilitySummary } from '~/credibility/article-credibility.server'
import { publicReportPath } from '~/reports/publishing.server'
import { claimHref } from '~/components/claim-href'
import {
  claimRowLink,
  ClaimFilters,
  ClaimList,
  filterClaims,
  NO_FILTER,
  type ClaimFilter,
  type ClaimRow,
} from '~/components/claim-list'
import type { PanelPlace } from '~/components/claim-panel'
import { packClaimRows, unpackClaimRows } from '~/components/claim-rows'
import { ShortcutsDialog, useShortcuts } from '~/components/claim-shortcuts'
import { ClaimSuggestions } from '~/components/claim-suggestions'
import { StatusGlyph } from '~/components/status-badge'
import { Button, ButtonLink } from '~/components/ui/button'
import { Card, CardHeader, EmptyState } from '~/components/ui/card'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { cx } from '~/components/ui/cx'
import { ClaimStatus } from '~/generated/prisma/enums'
import type { claimReviewsForArticle } from '~/exports/exports.server'
import { redirectWithToast } from '~/utils/toast.server'
import { formatDay, isoDay } from '~/utils/dates'
import { hostOf } from '~/utils/host-of'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/index'
import { parseForm } from '~/utils/form.server'
import { pageUrl } from '~/utils/page-url'
import { invariantResponse } from '~/utils/invariant'

const TOP_SUGGESTIONS = 10
/** A list row shows the start of the claim; the panel shows all of it. */
const ROW_TEXT = 140
/** Rows drawn before "Show all": a long article's list is read from the top, or filtered. */
const ROW_PAGE = 50

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error, loaderData }) =>
  error ? [] : [{ title: loaderData ? `${loaderData.article.title} · Factdesk` : 'Article · Factdesk' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'article:view')
  const workspace = await articleWorkspace(params.articleId, user)
  invariantResponse(workspace, 'There is no article at this address. It may have been removed.', { status: 404 })
  const { article, claims, canEditArticle } = workspace
  const showAll = pageUrl(request).searchParams.get('suggestions') === 'all'
  const [suggestions, credibility, publicReport] = await Promise.all([
    suggestionsFor(article, claims, { explainFirst: showAll ? Infinity : TOP_SUGGESTIONS }),
    articleCredibilitySummary(article.id),
    publicReportPath(article.id),
  ])
  const now = new Date()
  return {
    article,
    credibility,
    // The JSON-LD snippet publishes verdicts, so it is offered to those who may export them.
    canExport: can(user.role, 'export:run'),
    canEditArticle,
    canCreateClaims: can(user.role, 'claim:create'),
    canPublish: can(user.role, 'report:publish'),
    publicReport,
    // Only what a row and a highlight show: the panel loads the claim itself when it is opened.
    claims: packClaimRows(
      claims.map((claim) => ({
        id: claim.id,
        startOffset: claim.startOffset,
        endOffset: claim.endOffset,
        status: claim.status,
        verdict: claim.verdict,
        text: claim.text.length > ROW_TEXT ? `${claim.text.slice(0, ROW_TEXT - 1)}…` : claim.text,
        assignee: claim.assignee?.name ?? null,
        mine: claim.assignee?.id === user.id,
        due: claim.dueAt ? { day: isoDay(claim.dueAt), overdue: claim.dueAt < now } : null,
      })),
    ),
    suggestions: {
      total: suggestions.open.length,
      showAll,
      shown: showAll ? suggestions.open : suggestions.open.slice(0, TOP_SUGGESTIONS),
      dismissed: suggestions.dismissed.map(({ dismissedAt: _at, ...rest }) => rest),
    },
  }
}

/**
 * Opening another claim changes only the panel: the article, its list and its credibility stay as they
 * are. Anything sent (a step, a source, a suggestion) may change a status, so it reloads them; so does
 * a reload of the page's data where it is (the open claim changed by someone else, told live).
 */
export function shouldRevalidate({
  currentParams,
  nextParams,
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  if (formMethod && formMethod.toUpperCase() !== 'GET') return defaultShouldRevalidate
  if (currentUrl.href === nextUrl.href) return defaultShouldRevalidate
  if (currentParams.articleId === nextParams.articleId && currentUrl.search === nextUrl.search) return false
  return defaultShouldRevalidate
}

const DONE = {
  accept: 'Suggestion added as a claim.',
  split: 'Suggestion split into two claims.',
  dismiss: 'Suggestion dismissed for everyone.',
  restore: 'Suggestion restored.',
} as const

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, 'claim:create')
  const submission = await parseForm(request, suggestionActionSchema)
  if (submission.status !== 'success') {
    return data({ message: 'That suggestion could not be read. Reload the page and try again.' }, { status: 400 })
  }
  const { intent, ...span } = submission.value
  const act = {
    accept: acceptSuggestion,
    split: splitSuggestion,
    dismiss: dismissSuggestion,
    restore: restoreSuggestion,
  }[intent]
  const result = await act(user, params.articleId, span)
  if (!result.ok) return data({ message: result.message }, { status: result.status })
  // Back to the same view of the page (all suggestions or the top ones).
  const search = pageUrl(request).searchParams.get('suggestions') === 'all' ? '?suggestions=all' : ''
  return redirectWithToast(`/articles/${params.articleId}${search}`, { kind: 'success', message: DONE[intent] })
}

/** What the marks in the text mean; each swatch is drawn by the same rule as the text, so the two agree. */
function HighlightLegend() {
  const working = Object.values(ClaimStatus).filter((status) => status !== ClaimStatus.APPROVED)
  return (
    <div className="space-y-1.5 text-xs text-ink-muted">
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5" aria-label="Highlight colours while a claim is checked">
        {working.map((status) => (
          <li key={status} className="flex items-center gap-1.5">
            <StatusGlyph status={status} />
            <span className={cx(highlightClasses({ status, verdict: null }), 'px-1 font-serif text-sm')}>
              {STATUS_LABELS[status]}
            </span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5">
        <span id="approved-legend" className="flex items-center gap-1.5">
          <StatusGlyph status={ClaimStatus.APPROVED} />
          {STATUS_LABELS[ClaimStatus.APPROVED]}, in the colour of its verdict:
        </span>
        <ul className="flex flex-wrap gap-x-2 gap-y-1.5" aria-labelledby="approved-legend">
          {VERDICTS.map(({ verdict, label }) => (
            <li key={verdict}>
              <span
                className={cx(highlightClasses({ status: ClaimStatus.APPROVED, verdict }), 'px-1 font-serif text-sm')}
              >
                {label}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

/** The ClaimReview snippet, fetched when asked for: it grows with every approved verdict. */
function ClaimReviewOnDemand({
  articleId,
  credibility,
}: {
  articleId: string
  credibility: { byVerdict: ReadonlyArray<{ count: number }> }
}) {
  const snippet = useFetcher<Awaited<ReturnType<typeof claimReviewsForArticle>>>()
  const approved = credibility.byVerdict.reduce((sum, entry) => sum + entry.count, 0)
  if (approved === 0) return null
  if (snippet.data) return <ClaimReviewSnippet snippet={snippet.data} className="mt-8" />
  return (
    <p className="mt-8 text-sm">
      <Button
        variant="secondary"
        size="sm"
        disabled={snippet.state !== 'idle'}
        onClick={() => snippet.load(`/articles/${articleId}/claimreview`)}
      >
        {snippet.state === 'idle' ? 'Show the ClaimReview JSON-LD' : 'Loading…'}
      </Button>{' '}
      <span className="text-ink-muted">
        for the {approved === 1 ? 'approved verdict' : `${approved} approved verdicts`}, to paste into the story.
      </span>
    </p>
  )
}

/** The panel's place among the claims the list shows (its filter applied), and the ways on. */
function placeOf(
  rows: readonly ClaimRow[],
  visible: readonly ClaimRow[],
  selectedId: string,
  hrefOf: (id: string) => string,
  listHref: string,
): PanelPlace {
  const current = rows.find((row) => row.id === selectedId)
  const index = visible.findIndex((row) => row.id === selectedId)
  const number = current?.number ?? 0
  // A claim the filter hides still has neighbours: the shown claims before and after it in the text.
  const previous = index >= 0 ? visible[index - 1] : visible.findLast((row) => row.number < number)
  const next = index >= 0 ? visible[index + 1] : visible.find((row) => row.number > number)
  return {
    number: current?.number ?? null,
    position: index >= 0 ? { index, total: visible.length } : null,
    previousHref: previous ? hrefOf(previous.id) : null,
    nextHref: next ? hrefOf(next.id) : null,
    listHref,
  }
}

export default function ArticleWorkspace({ loaderData, actionData }: Route.ComponentProps) {
  const { article, suggestions, canCreateClaims, canEditArticle, credibility, canExport, canPublish, publicReport } =
    loaderData
  const claims = useMemo(() => unpackClaimRows(loaderData.claims, article.body), [loaderData.claims, article.body])
  const location = useLocation()
  const navigate = useNavigate()
  const selectedId = useParams().claimId ?? null
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER)
  const [searchParams] = useSearchParams()
  const [allRows, setAllRows] = useState(searchParams.get('rows') === 'all')
  const visible = useMemo(() => filterClaims(claims, filter), [claims, filter])
  const hrefOf = useCallback((id: string) => claimHref(article.id, id), [article.id])
  const listHref = `/articles/${article.id}`
  const place = selectedId ? placeOf(claims, visible, selectedId, hrefOf, listHref) : undefined
  const panel = useOutlet(place)
  const searchRef = useRef<HTMLInputElement>(null)
  const shortcutsRef = useRef<HTMLDialogElement>(null)
  const backTo = useRef<'search' | 'row' | null>(null)
  const shown = useRef<string | null>(selectedId)

  // Moving between claims: focus follows to the panel's heading, and the article brings the claim's
  // words into view; back on the list, focus returns to the row of the claim just closed.
  useEffect(() => {
    const before = shown.current
    shown.current = selectedId
    if (before === selectedId) return
    if (selectedId) {
      document.getElementById('claim-panel-title')?.focus({ preventScroll: true })
      const words = document.getElementById(`quote-${selectedId}`)
      const box = words?.getBoundingClientRect()
      if (words && box && window.matchMedia('(min-width: 64rem)').matches && (box.top < 0 || box.bottom > innerHeight))
        words.scrollIntoView({ block: 'center' })
      return
    }
    const wanted = backTo.current
    backTo.current = null
    if (wanted === 'search') searchRef.current?.focus()
    else if (before) claimRowLink(before)?.focus({ preventScroll: true })
  }, [selectedId])

  useShortcuts((key) => {
    const go = (to: string) => void navigate(to, { preventScrollReset: true })
    if (key === '?') {
      shortcutsRef.current?.showModal()
      return true
    }
    if (key === '/') {
      if (!selectedId) searchRef.current?.focus()
      else {
        backTo.current = 'search'
        go(listHref)
      }
      return true
    }
    if (key === 'Escape' && selectedId) {
      go(listHref)
      return true
    }
    if (key === 'j' || key === 'k') {
      if (place) {
        const to = key === 'j' ? place.nextHref : place.previousHref
        if (to) go(to)
        return true
      }
      const rows = Array.from(document.querySelectorAll<HTMLElement>('.claim-row'))
      const at = rows.indexOf(document.activeElement as HTMLElement)
      const next = at === -1 ? (key === 'j' ? 0 : rows.length - 1) : at + (key === 'j' ? 1 : -1)
      rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus()
      return true
    }
    if (key === 's') {
      const start = document.querySelector<HTMLButtonElement>('#workflow-start button[type="submit"]')
      start?.click()
      return Boolean(start)
    }
    if (key === 'a') {
      const form = document.getElementById('attach-source')
      const details = form?.closest('details')
      if (details) details.open = true
      form?.querySelector<HTMLInputElement>('input[name="url"]')?.focus()
      return Boolean(form)
    }
    if (key === 'c') {
      const box = document.querySelector<HTMLTextAreaElement>('#new-comment textarea')
      box?.focus()
      return Boolean(box)
    }
    return false
  })

  const newClaimPath = `/articles/${article.id}/claims/new`
  const formAction = `/articles/${article.id}${suggestions.showAll ? '?suggestions=all' : ''}`
  const byline = [
    article.outlet,
    article.author ? `by ${article.author}` : null,
    article.publishedAt ? formatDay(article.publishedAt) : null,
  ]
    .filter(Boolean)
    .join(' · ')
  // Only web addresses become links; anything else (a javascript: URL) is not followed.
  const originalUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null

  return (
    <div>
      <PageHeader
        breadcrumbs={[{ to: '/articles', label: 'Articles' }]}
        title={article.title}
        description={
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            {byline ? <span>{byline}</span> : null}
            {originalUrl ? (
              <a href={originalUrl} target="_blank" rel="noopener noreferrer">
                Original at {hostOf(originalUrl)}
                <span className="sr-only"> (opens in a new tab)</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            ) : null}
          </p>
        }
        actions={
          <>
            <Button variant="ghost" size="sm" onClick={() => shortcutsRef.current?.showModal()} aria-keyshortcuts="?">
              Shortcuts <kbd className="kbd">?</kbd>
            </Button>
            {canEditArticle ? (
              <ButtonLink to={`/articles/${article.id}/edit`} variant="secondary" size="sm">
                Edit article
              </ButtonLink>
            ) : null}
            {publicReport ? (
              <a href={publicReport} className="text-sm font-medium">
                Public report
              </a>
            ) : null}
            {canPublish ? (
              <ButtonLink to={`/articles/${article.id}/publish`} variant="secondary" size="sm">
                {publicReport ? 'Publishing' : 'Publish'}
              </ButtonLink>
            ) : null}
          </>
        }
        className="mb-4"
      />
      <ShortcutsDialog ref={shortcutsRef} />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_var(--container-panel)]">
        <Card as="article" aria-labelledby="article-text-heading" className="min-w-0 sm:px-8 sm:py-6">
          <div className="mb-5 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-paper-line pb-4">
            <h2 id="article-text-heading" className="text-sm font-semibold text-ink">
              Article text
            </h2>
            <HighlightLegend />
          </div>
          {canCreateClaims ? (
            <p className="mb-5 text-sm text-ink-muted">
              Select a sentence or phrase to mark it as a claim, or{' '}
              <Link to={newClaimPath}>add a claim by typing the quote</Link>.
            </p>
          ) : null}
          <ArticleHighlighter
            body={article.body}
            claims={claims}
            hrefOf={hrefOf}
            selectedId={selectedId}
            addClaimHref={
              canCreateClaims
                ? ({ startOffset, endOffset }) => `${newClaimPath}?start=${startOffset}&end=${endOffset}`
                : undefined
            }
          />
          {canExport ? <ClaimReviewOnDemand articleId={article.id} credibility={credibility} /> : null}
        </Card>

        {/* On a wide screen this column stays in view and scrolls on its own, so moving between claims
            never moves the article away. On a narrow one the open claim is a sheet over the list. */}
        <div className="space-y-6 lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto lg:overscroll-contain">
          {panel ? (
            <div className="bg-paper max-lg:fixed max-lg:inset-x-0 max-lg:top-0 max-lg:z-40 max-lg:h-dvh max-lg:overflow-y-auto max-lg:overscroll-contain lg:rounded-lg lg:border lg:border-paper-line">
              {panel}
            </div>
          ) : null}
          <div className={cx('space-y-6', panel && 'lg:hidden')}>
            <Card as="aside" aria-labelledby="claims-heading" className="p-0 sm:p-0">
              <div className="space-y-4 border-b border-paper-line p-4">
                <ArticleCredibility credibility={credibility} />
                <div className="flex items-baseline justify-between gap-2">
                  <h2 id="claims-heading" className="text-base font-semibold text-ink">
                    Claims ({claims.length})
                  </h2>
                  {visible.length !== claims.length ? (
                    <p className="text-xs text-ink-muted" role="status">
                      {visible.length} shown
                    </p>
                  ) : null}
                </div>
                {claims.length > 0 ? (
                  <ClaimFilters ref={searchRef} rows={claims} filter={filter} onChange={setFilter} />
                ) : null}
              </div>
              {claims.length === 0 ? (
                <EmptyState
                  className="m-4"
                  title="No claims yet"
                  description="Select a passage in the article, accept a suggestion below, or type a quote."
                  action={
                    canCreateClaims ? (
                      <ButtonLink to={newClaimPath} variant="secondary" size="sm">
                        Add a claim by typing the quote
                      </ButtonLink>
                    ) : null
                  }
                />
              ) : visible.length === 0 ? (
                <div className="p-4 text-sm text-ink-muted">
                  <p>No claim matches these filters.</p>
                  <Button variant="secondary" size="sm" className="mt-2" onClick={() => setFilter(NO_FILTER)}>
                    Show all claims
                  </Button>
                </div>
              ) : (
                <>
                  <ClaimList
                    articleId={article.id}
                    rows={allRows ? visible : visible.slice(0, ROW_PAGE)}
                    selectedId={selectedId}
                  />
                  {!allRows && visible.length > ROW_PAGE ? (
                    <p className="border-t border-paper-line px-4 py-2 text-sm">
                      <Link
                        to="?rows=all"
                        preventScrollReset
                        onClick={(event) => {
                          event.preventDefault()
                          setAllRows(true)
                        }}
                      >
                        Show the other {visible.length - ROW_PAGE} claims
                      </Link>{' '}
                      <span className="text-ink-muted">or narrow the list with the filters above.</span>
                    </p>
                  ) : null}
                </>
              )}
              {claims.length > 0 ? (
                <p className="border-t border-paper-line px-4 py-2 text-xs text-ink-muted">
                  <kbd className="kbd">j</kbd> <kbd className="kbd">k</kbd> move, <kbd className="kbd">Enter</kbd>{' '}
                  opens, <kbd className="kbd">?</kbd> lists every shortcut.
                </p>
              ) : null}
            </Card>

            <Card as="aside" aria-labelledby="suggestions-heading" id="suggestions" className="scroll-mt-24">
              <CardHeader
                title="Suggested claims"
                titleId="suggestions-heading"
                description="Sentences that state checkable facts (figures, dates, names, sources), best first."
              />
              <FormError errors={actionData?.message} title="That suggestion could not be changed" className="mb-4" />
              <ClaimSuggestions
                action={formAction}
                shown={suggestions.shown}
                total={suggestions.total}
                showAllHref={suggestions.showAll ? undefined : `${location.pathname}?suggestions=all#suggestions`}
                showTopHref={
                  suggestions.showAll && suggestions.total > TOP_SUGGESTIONS
                    ? `${location.pathname}#suggestions`
                    : undefined
                }
                dismissed={suggestions.dismissed}
                canAct={canCreateClaims}
              />
            </Card>
          </div>
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
