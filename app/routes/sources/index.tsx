import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { can } from '~/auth/permissions'
import { forbidden, requirePermission } from '~/auth/session.server'
import { StatusBadge } from '~/components/status-badge'
import { SourceReliabilityBadge } from '~/components/source-reliability-badge'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { CompactSelect, FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { pageHref, Pager } from '~/components/ui/pager'
import { SearchForm } from '~/components/ui/search-form'
import { VerdictBadge } from '~/components/verdict-badge'
import { STANCE_LABELS } from '~/claims/verdicts'
import { RELIABILITIES, RELIABILITY_LABELS, RELIABILITY_OPTION_LABELS, SOURCE_KIND_LABELS } from '~/sources/labels'
import { rateSourceSchema } from '~/sources/schemas'
import { listSources, rateSource } from '~/sources/sources.server'
import { redirectWithToast } from '~/utils/toast.server'
import { formatDay } from '~/utils/dates'
import { hostOf } from '~/utils/host-of'
import type { Route } from './+types/index'
import { readFormData } from '~/utils/form.server'
import { pagePath, pageUrl } from '~/utils/page-url'

export const meta: Route.MetaFunction = () => [{ title: 'Sources · Factdesk' }]

const SEARCH_MAX = 200

const RELIABILITY_OPTIONS = RELIABILITIES.map((value) => ({ value, label: RELIABILITY_OPTION_LABELS[value] }))

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'source:view')
  const params = pageUrl(request).searchParams
  const q = params.get('q')?.slice(0, SEARCH_MAX) ?? ''
  const after = params.get('after')
  const page = await listSources({ q, after })
  return { ...page, q, isFirstPage: !after, canRate: can(user.role, 'source:rate') }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'source:view')
  const formData = await readFormData(request)
  if (formData.get('intent') !== 'rate')
    return data(
      { message: 'That action is not known. Reload the page and try again.', sourceId: null },
      { status: 400 },
    )
  if (!can(user.role, 'source:rate')) forbidden('Only editors and admins can rate sources.')
  const submission = parseWithZod(formData, { schema: rateSourceSchema })
  if (submission.status !== 'success') {
    const sourceId = formData.get('sourceId')
    return data(
      { message: 'Choose a rating from the list.', sourceId: typeof sourceId === 'string' ? sourceId : null },
      { status: 400 },
    )
  }
  const outcome = await rateSource(submission.value.sourceId, submission.value.reliability)
  if (!outcome.ok)
    return data({ message: outcome.message, sourceId: submission.value.sourceId }, { status: outcome.status })
  return redirectWithToast(`${pagePath(request)}#source-${submission.value.sourceId}`, {
    kind: 'success',
    message: outcome.changed
      ? `“${outcome.title}” is now rated ${RELIABILITY_LABELS[submission.value.reliability].toLowerCase()}.`
      : 'Nothing had changed, so nothing was saved.',
  })
}

function RateForm({ source }: { source: { id: string; title: string; reliability: keyof typeof RELIABILITY_LABELS } }) {
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('sourceId') === source.id
  const id = `reliability-${source.id}`
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="intent" value="rate" />
      <input type="hidden" name="sourceId" value={source.id} />
      <label htmlFor={id} className="text-sm text-ink-muted">
        Reliability<span className="sr-only"> of {source.title}</span>
      </label>
      <CompactSelect
        id={id}
        name="reliability"
        key={source.reliability}
        defaultValue={source.reliability}
        options={RELIABILITY_OPTIONS}
      />
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`Save the reliability of ${source.title}`}
      >
        {pending ? 'Saving…' : 'Save'}
      </Button>
    </Form>
  )
}

export default function Sources({ loaderData, actionData }: Route.ComponentProps) {
  const { sources, q, isFirstPage, nextAfter, canRate } = loaderData
  return (
    <div>
      <PageHeader
        title="Sources"
        description="Every page the desk has cited, newest first, with the claims that cite it. A page cited twice is one source."
      />

      <SearchForm
        id="source-search"
        label="Search by title, publisher or address"
        q={q}
        clearTo="/sources"
        maxLength={SEARCH_MAX}
      />

      <FormError errors={actionData?.message ?? undefined} title="The rating was not saved" className="mb-4" />

      {sources.length === 0 ? (
        <EmptyState
          title={q ? `No source matches “${q}”` : 'No sources yet'}
          description={
            q
              ? 'Try part of the title, the publisher’s name or the site’s address.'
              : 'Sources appear here once someone attaches one to a claim.'
          }
        />
      ) : (
        <ul className="space-y-4" aria-label="Sources">
          {sources.map((source) => {
            const meta = [
              source.publisher,
              SOURCE_KIND_LABELS[source.kind],
              source.publishedAt ? `published ${formatDay(source.publishedAt)}` : null,
            ]
              .filter(Boolean)
              .join(' · ')
            return (
              <li key={source.id} id={`source-${source.id}`} className="scroll-mt-24">
                <Card
                  as="article"
                  aria-labelledby={`source-title-${source.id}`}
                  className="target:ring-2 target:ring-brand/40"
                >
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    {/* A basis, so on a phone the rating wraps below instead of squeezing the title to a few letters a line. */}
                    <div className="min-w-0 flex-1 basis-64">
                      <h2 id={`source-title-${source.id}`} className="text-base font-semibold break-words">
                        <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
                          {source.title || source.url}
                          <span className="sr-only"> (opens in a new tab)</span>
                        </a>
                      </h2>
                      <p className="text-xs break-all text-ink-muted">{hostOf(source.url)}</p>
                      {meta ? <p className="mt-1 text-sm text-ink-muted">{meta}</p> : null}
                      {source.archivedUrl ? (
                        <p className="mt-1 text-sm">
                          <a href={source.archivedUrl} target="_blank" rel="noopener noreferrer nofollow">
                            Archived copy<span className="sr-only"> of {source.title} (opens in a new tab)</span>
                          </a>
                        </p>
                      ) : null}
                    </div>
                    <div className="flex flex-col items-start gap-2 sm:items-end">
                      <SourceReliabilityBadge reliability={source.reliability} />
                      {canRate ? <RateForm source={source} /> : null}
                    </div>
                  </div>
                  <div className="mt-4 border-t border-paper-line pt-3">
                    <h3 className="text-sm font-semibold text-ink">
                      {source.citationCount === 0
                        ? 'Not cited by any claim now'
                        : `Cited by ${source.citationCount} ${source.citationCount === 1 ? 'claim' : 'claims'}`}
                    </h3>
                    {source.citations.length > 0 ? (
                      <ul className="mt-2 space-y-2">
                        {source.citations.map((citation) => (
                          <li
                            key={citation.id}
                            className="grid grid-cols-[auto_minmax(0,1fr)] items-start gap-x-2 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)_auto]"
                          >
                            <Badge
                              tone={
                                citation.stance === 'SUPPORTS'
                                  ? 'success'
                                  : citation.stance === 'REFUTES'
                                    ? 'danger'
                                    : 'neutral'
                              }
                              className="w-20 justify-center"
                            >
                              {STANCE_LABELS[citation.stance]}
                            </Badge>
                            <span className="min-w-0">
                              <Link to={`/claims/${citation.id}`} className="break-words">
                                {citation.text}
                              </Link>
                              <span className="block text-xs text-ink-muted">{citation.articleTitle}</span>
                            </span>
                            <span className="col-start-2 flex flex-wrap gap-1 sm:col-start-auto">
                              <StatusBadge status={citation.status} />
                              <VerdictBadge verdict={citation.verdict} status={citation.status} />
                            </span>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {source.citationCount > source.citations.length ? (
                      <p className="mt-2 text-sm text-ink-muted">
                        and {source.citationCount - source.citations.length} more
                      </p>
                    ) : null}
                  </div>
                </Card>
              </li>
            )
          })}
        </ul>
      )}

      <Pager
        label="Pages of sources"
        first={isFirstPage ? null : pageHref('/sources', { q })}
        next={nextAfter ? pageHref('/sources', { q, after: nextAfter }) : null}
        className="mt-6"
      />
    </div>
  )
}
