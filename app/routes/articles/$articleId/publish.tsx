import { data, Form, useNavigation } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { RouteError } from '~/components/route-error'
import { db } from '~/utils/db.server'
import { ClaimStatus } from '~/generated/prisma/enums'
import { publicationOf, publishReport, unpublishReport } from '~/reports/publishing.server'
import { publishFormSchema } from '~/reports/schemas'
import { formatDayTime } from '~/utils/dates'
import { parseForm } from '~/utils/form.server'
import { invariantResponse } from '~/utils/invariant'
import { redirectWithToast } from '~/utils/toast.server'
import type { Route } from './+types/publish'

export const meta: Route.MetaFunction = ({ error, loaderData }) =>
  error ? [] : [{ title: loaderData ? `Publish: ${loaderData.article.title} · Factdesk` : 'Publish · Factdesk' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, 'report:publish')
  const article = await db.article.findUnique({ where: { id: params.articleId }, select: { id: true, title: true } })
  invariantResponse(article, 'There is no article at this address. It may have been removed.', { status: 404 })
  const [publication, approved, total] = await Promise.all([
    publicationOf(article.id),
    db.claim.count({ where: { articleId: article.id, deletedAt: null, status: ClaimStatus.APPROVED } }),
    db.claim.count({ where: { articleId: article.id, deletedAt: null } }),
  ])
  return { article, publication, approved, total }
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, 'report:publish')
  const submission = await parseForm(request, publishFormSchema)
  if (submission.status !== 'success') {
    return data({ message: 'Choose whether to publish or unpublish the report.' }, { status: 400 })
  }
  const publishing = submission.value.intent === 'publish'
  const outcome = await (publishing ? publishReport : unpublishReport)(user, params.articleId)
  if (!outcome.ok) return data({ message: outcome.message }, { status: outcome.status })
  return redirectWithToast(`/articles/${encodeURIComponent(params.articleId)}/publish`, {
    kind: 'success',
    message: publishing ? `Report published at ${outcome.url}` : 'Report unpublished: its public pages are gone.',
  })
}

export default function PublishReport({ loaderData, actionData }: Route.ComponentProps) {
  const { article, publication, approved, total } = loaderData
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const live = publication.publishedAt !== null
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Public report"
        description={article.title}
        breadcrumbs={[
          { to: '/articles', label: 'Articles' },
          { to: `/articles/${article.id}`, label: article.title },
        ]}
      />
      <Card aria-labelledby="publication-state">
        <CardHeader
          titleId="publication-state"
          title={
            <span className="flex flex-wrap items-center gap-2">
              Status{' '}
              <Badge tone={live ? 'success' : 'neutral'} data-testid="publication-status">
                {live ? 'Published' : publication.slug ? 'Unpublished' : 'Not published'}
              </Badge>
            </span>
          }
          description={
            live
              ? `Public since ${formatDayTime(publication.publishedAt!)}. Readers see the article’s approved claims as they stand now.`
              : 'Publishing makes a public page for this article and one for each approved claim, readable without signing in.'
          }
        />
        <p className="text-sm text-ink">
          {approved} of {total} {total === 1 ? 'claim is' : 'claims are'} approved and{' '}
          {live ? 'shown' : 'would be shown'}. Claims still in research, under review or reopened are never public.
        </p>
        {publication.url ? (
          <p className="mt-3 text-sm">
            {live ? 'Public address: ' : 'Address (kept for when it is published again): '}
            {live ? (
              <a href={publication.url} data-testid="public-report-link">
                {publication.url}
              </a>
            ) : (
              <span className="break-all font-mono text-tool">{publication.url}</span>
            )}
          </p>
        ) : null}
        <Form method="post" className="mt-5 flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value={live ? 'unpublish' : 'publish'} />
          <Button type="submit" variant={live ? 'danger' : 'primary'} disabled={busy}>
            {live ? 'Unpublish report' : publication.slug ? 'Publish again' : 'Publish report'}
          </Button>
          <FormError errors={actionData?.message} title="Nothing was changed" className="basis-full" />
        </Form>
      </Card>
      {publication.history.length > 0 ? (
        <Card className="mt-6" aria-labelledby="publication-history">
          <CardHeader titleId="publication-history" title="History" />
          <ol className="space-y-1 text-sm">
            {publication.history.map((event, index) => (
              <li key={index}>
                <span className="font-medium">{event.type === 'PUBLISHED' ? 'Published' : 'Unpublished'}</span> by{' '}
                {event.by}, {formatDayTime(event.at)}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
