import { data, Link, useLocation } from 'react-router'
import { can } from '~/auth/permissions'
import { requirePermission } from '~/auth/session.server'
import { articleWorkspace } from '~/articles/workspace.server'
import { acceptSuggestion, dismissSuggestion, restoreSuggestion, suggestionsFor } from '~/claims/suggestions.server'
import { suggestionActionSchema } from '~/claims/schemas'
import { VERDICTS } from '~/claims/verdicts'
import { STATUS_LABELS } from '~/claims/workflow'
import { ArticleCredibility } from '~/components/article-credibility'
import { ArticleHighlighter, highlightClasses } from '~/components/article-highlighter'
import { ClaimReviewSnippet } from '~/components/claimreview-snippet'
import { articleCredibility } from '~/credibility/article-credibility.server'
import { claimReviewsForArticle } from '~/exports/exports.server'
import { ClaimList } from '~/components/claim-list'
import { ClaimSuggestions } from '~/components/claim-suggestions'
import { StatusGlyph } from '~/components/status-badge'
import { ButtonLink } from '~/components/ui/button'
import { Card, CardHeader, EmptyState } from '~/components/ui/card'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { cx } from '~/components/ui/cx'
import { ClaimStatus } from '~/generated/prisma/enums'
import { redirectWithToast } from '~/utils/toast.server'
import { formatDay } from '~/utils/dates'
import { hostOf } from '~/utils/host-of'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/index'
import { parseForm } from '~/utils/form.server'
import { pageUrl } from '~/utils/page-url'
import { invariantResponse } from '~/utils/invariant'

const TOP_SUGGESTIONS = 10

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error, loaderData }) =>
  error ? [] : [{ title: loaderData ? `${loaderData.article.title} · Factdesk` : 'Article · Factdesk' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'article:view')
  const workspace = await articleWorkspace(params.articleId, user)
  invariantResponse(workspace, 'There is no article at this address. It may have been removed.', { status: 404 })
  const { article, claims, canEditArticle } = workspace
  const [suggestions, credibility, claimReview] = await Promise.all([
    suggestionsFor(article, claims),
    articleCredibility(article.id),
    // The JSON-LD snippet publishes verdicts, so it is offered to those who may export them.
    can(user.role, 'export:run') ? claimReviewsForArticle(article.id) : null,
  ])
  const showAll = pageUrl(request).searchParams.get('suggestions') === 'all'
  return {
    article,
    credibility,
    claimReview,
    canEditArticle,
    canCreateClaims: can(user.role, 'claim:create'),
    claims: claims.map((claim, index) => ({
      id: claim.id,
      number: index + 1,
      startOffset: claim.startOffset,
      endOffset: claim.endOffset,
      quote: claim.quote,
      text: claim.text,
      claimant: claim.claimant,
      tags: claim.tags,
      status: claim.status,
      verdict: claim.verdict,
      assignee: claim.assignee ? { name: claim.assignee.name } : null,
      canEdit: claim.canEdit,
    })),
    suggestions: {
      total: suggestions.open.length,
      showAll,
      shown: showAll ? suggestions.open : suggestions.open.slice(0, TOP_SUGGESTIONS),
      dismissed: suggestions.dismissed.map(({ dismissedAt: _at, ...rest }) => rest),
    },
  }
}

const DONE = {
  accept: 'Suggestion added as a claim.',
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
  const act = { accept: acceptSuggestion, dismiss: dismissSuggestion, restore: restoreSuggestion }[intent]
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

export default function ArticleWorkspace({ loaderData, actionData }: Route.ComponentProps) {
  const { article, claims, suggestions, canCreateClaims, canEditArticle, credibility, claimReview } = loaderData
  const location = useLocation()
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
          canEditArticle ? (
            <ButtonLink to={`/articles/${article.id}/edit`} variant="secondary" size="sm">
              Edit article
            </ButtonLink>
          ) : null
        }
      />

      <div className="grid items-start gap-6 lg:grid-cols-[auto_minmax(22rem,1fr)]">
        <Card as="article" aria-labelledby="article-text-heading" className="sm:p-8">
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
            addClaimHref={
              canCreateClaims
                ? ({ startOffset, endOffset }) => `${newClaimPath}?start=${startOffset}&end=${endOffset}`
                : undefined
            }
          />
          {claimReview && claimReview.count > 0 ? <ClaimReviewSnippet snippet={claimReview} className="mt-8" /> : null}
        </Card>

        {/* On a wide screen the side column stays in view and scrolls on its own, so following a
            highlight to its claim never moves the article away. */}
        <div className="space-y-6 lg:sticky lg:top-4 lg:-mr-2 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:overscroll-contain lg:pr-2">
          <ArticleCredibility credibility={credibility} />
          <Card as="aside" aria-labelledby="claims-heading">
            <CardHeader
              title={`Claims (${claims.length})`}
              titleId="claims-heading"
              description="In the order they appear in the text."
            />
            {claims.length === 0 ? (
              <EmptyState
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
            ) : (
              <ClaimList claims={claims} />
            )}
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
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
