import type { ReactNode } from 'react'
import { Link, type ShouldRevalidateFunctionArgs } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { runClaimAction } from '~/claims/claim-actions.server'
import { claimPage } from '~/claims/claim-page.server'
import { ClaimAssignment } from '~/components/claim-assignment'
import { ClaimComments } from '~/components/claim-comments'
import { ClaimConflict } from '~/components/claim-conflict'
import { ClaimHistory } from '~/components/claim-history'
import { formatDayTime } from '~/utils/dates'
import { ClaimSources } from '~/components/claim-sources'
import { ClaimWorkflow } from '~/components/claim-transition-forms'
import { StatusBadge } from '~/components/status-badge'
import { Badge } from '~/components/ui/badge'
import { Card, CardHeader } from '~/components/ui/card'
import { PageHeader } from '~/components/ui/page-header'
import { VerdictBadge } from '~/components/verdict-badge'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/index'
import { invariantResponse } from '~/utils/invariant'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error, loaderData }) =>
  error ? [] : [{ title: loaderData ? `${loaderData.claim.text.slice(0, 60)} · Claim · Factdesk` : 'Claim · Factdesk' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:view')
  const page = await claimPage(params.claimId, user)
  invariantResponse(page, 'There is no such claim. It may have been deleted.', { status: 404 })
  return page
}

// After a stale write the page must show the claim as it is now, with the user's typing kept in the forms.
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate
}

export type { ClaimActionData } from '~/claims/claim-actions'

export async function action({ request, params }: Route.ActionArgs) {
  return runClaimAction(request, params.claimId)
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="text-sm text-ink">{children}</dd>
    </div>
  )
}

const Missing = ({ children = 'Not recorded' }: { children?: string }) => (
  <span className="text-ink-muted italic">{children}</span>
)

export default function ClaimPage({ loaderData, actionData }: Route.ComponentProps) {
  const { claim, sourceGroups, sourceCount, comments, history, returned, access, assignees, userId } = loaderData
  const formReply = actionData ? { intent: actionData.intent, result: actionData.result } : undefined
  const articleHref = `/articles/${claim.article.id}#claim-${claim.id}`
  const intent = actionData?.intent
  // Forms without fields of their own report here, in the section they belong to.
  const detachError = intent === 'detach-source' && !actionData?.conflict ? actionData?.message : null
  const owner = { userId, claimId: claim.id }

  return (
    <div>
      <PageHeader
        breadcrumbs={[
          { to: '/articles', label: 'Articles' },
          { to: `/articles/${claim.article.id}`, label: claim.article.title },
        ]}
        title={claim.text}
        description={
          <span className="flex flex-wrap items-center gap-1.5">
            <StatusBadge status={claim.status} />
            <VerdictBadge verdict={claim.verdict} status={claim.status} />
            {claim.due ? (
              <span className={claim.due.overdue ? 'text-sm font-semibold text-red-800' : 'text-sm text-ink-muted'}>
                {claim.due.overdue ? `⚠ ${claim.due.words}` : claim.due.words}
              </span>
            ) : null}
          </span>
        }
      />

      {actionData?.conflict ? <ClaimConflict conflict={actionData.conflict} typed={actionData.typed} /> : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="quote-heading">
            <CardHeader
              title="In the article"
              titleId="quote-heading"
              actions={
                <Link to={articleHref} className="text-sm font-medium">
                  Show in the article
                </Link>
              }
            />
            <p className="font-serif text-base leading-relaxed text-ink">
              {claim.paragraph.before}
              <mark className="rounded-sm bg-amber-100 px-0.5 text-ink underline decoration-amber-600 decoration-2 underline-offset-4">
                <span className="sr-only">Quote starts: </span>
                {claim.paragraph.quote}
                <span className="sr-only"> (quote ends)</span>
              </mark>
              {claim.paragraph.after}
            </p>
            <p className="mt-3 text-sm text-ink-muted">
              From <Link to={`/articles/${claim.article.id}`}>{claim.article.title}</Link>
            </p>
          </Card>

          <Card aria-labelledby="claim-heading">
            <CardHeader
              title="The claim"
              titleId="claim-heading"
              actions={
                access.canEdit ? (
                  <Link to={`/claims/${claim.id}/edit`} className="text-sm font-medium">
                    Edit claim
                  </Link>
                ) : null
              }
            />
            <dl className="space-y-3">
              <Detail label="Claim">{claim.text}</Detail>
              <Detail label="Claimant">{claim.claimant || <Missing />}</Detail>
              <Detail label="Date of the claim">{claim.claimDate ?? <Missing />}</Detail>
              <Detail label="Tags">
                {claim.tags.length > 0 ? (
                  <span className="flex flex-wrap gap-1">
                    {claim.tags.map((tag) => (
                      <Badge key={tag} className="font-normal">
                        {tag}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  <Missing>None</Missing>
                )}
              </Detail>
              <Detail label="Status">
                <StatusBadge status={claim.status} />
              </Detail>
              <Detail label="Verdict">
                <span className="flex flex-wrap items-center gap-2">
                  <VerdictBadge verdict={claim.verdict} status={claim.status} />
                  {claim.verdict && claim.status !== 'APPROVED' ? (
                    <span className="text-xs text-ink-muted">draft, not approved yet</span>
                  ) : null}
                </span>
              </Detail>
              <Detail label="Rationale">
                {claim.rationale ? (
                  <span className="whitespace-pre-wrap">{claim.rationale}</span>
                ) : (
                  <Missing>Not written yet</Missing>
                )}
              </Detail>
              {claim.proposedBy ? (
                <Detail label="Proposed by">
                  {claim.proposedBy}
                  {claim.proposedAt ? `, ${claim.proposedAt}` : ''}
                </Detail>
              ) : null}
              {claim.approvedBy ? (
                <Detail label="Approved by">
                  {claim.approvedBy}
                  {claim.approvedAt ? `, ${claim.approvedAt}` : ''}
                </Detail>
              ) : null}
            </dl>
          </Card>

          <Card aria-labelledby="workflow-heading" id="workflow" className="scroll-mt-24">
            <CardHeader title="Next step" titleId="workflow-heading" />
            {returned ? (
              <div className="mb-4 rounded-md border border-amber-300 border-l-4 border-l-status-research bg-amber-50 px-4 py-3 text-sm text-ink">
                <p className="font-semibold text-amber-950">
                  Returned to research by {returned.by},{' '}
                  <time dateTime={returned.at}>{formatDayTime(returned.at)}</time>
                </p>
                {returned.note ? <p className="mt-1 whitespace-pre-wrap">{returned.note}</p> : null}
              </div>
            ) : null}
            <ClaimWorkflow
              version={claim.version}
              actions={access.actions}
              blocked={access.blocked}
              verdict={claim.verdict}
              rationale={claim.rationale}
              sourceCount={sourceCount}
              reply={formReply}
              owner={owner}
            />
          </Card>

          <Card aria-labelledby="sources-heading" id="sources" className="scroll-mt-24">
            <CardHeader
              title={`Sources (${sourceCount})`}
              titleId="sources-heading"
              description="Grouped by what they say about the claim."
            />
            <ClaimSources
              groups={sourceGroups}
              count={sourceCount}
              version={claim.version}
              canChange={access.canChangeSources}
              frozenReason={access.sourcesFrozen}
              reply={formReply}
              owner={owner}
              detachError={detachError ?? null}
            />
          </Card>

          <Card aria-labelledby="comments-heading" id="comments" className="scroll-mt-24">
            <CardHeader title={`Comments (${comments.length})`} titleId="comments-heading" />
            <ClaimComments
              comments={comments}
              canComment={access.canComment}
              reply={actionData ? { ...formReply!, commentId: actionData.commentId } : undefined}
              owner={owner}
            />
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <Card as="aside" aria-labelledby="assignment-heading">
            <CardHeader title="Assignment" titleId="assignment-heading" />
            <ClaimAssignment
              key={claim.version}
              version={claim.version}
              assignee={claim.assignee}
              due={claim.due}
              canAssign={access.canAssign}
              canTake={access.canTake}
              people={assignees}
              userId={userId}
              reply={formReply}
            />
          </Card>

          <Card as="aside" aria-labelledby="history-heading">
            <CardHeader
              title="History"
              titleId="history-heading"
              description="Every step, oldest first. It cannot be edited."
            />
            <ClaimHistory entries={history} label="History of this claim" />
          </Card>
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
