import { type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { data, Link, type ShouldRevalidateFunctionArgs } from 'react-router'
import { can, type Permission, rolesThatCan } from '~/auth/permissions'
import { forbidden, requirePermission } from '~/auth/session.server'
import { changesSince, claimPage, namesOf, type ClaimChanges } from '~/claims/claim-page.server'
import { addComment, editComment } from '~/claims/comments.server'
import { assignClaim, assignmentRefusal, endOfDay, transitionClaim } from '~/claims/transitions.server'
import { verdictLabel } from '~/claims/verdicts'
import { TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from '~/claims/workflow'
import type { ClaimWriteFailure } from '~/claims/writes'
import { assignSchema, commentSchema, editCommentSchema, TRANSITION_SCHEMAS } from '~/claims/workflow-schemas'
import { ClaimAssignment } from '~/components/claim-assignment'
import { ClaimComments } from '~/components/claim-comments'
import { ClaimConflict, type TypedValue } from '~/components/claim-conflict'
import { ClaimHistory } from '~/components/claim-history'
import { formatDayTime } from '~/utils/dates'
import { ClaimSources } from '~/components/claim-sources'
import { ClaimWorkflow } from '~/components/claim-transition-forms'
import { StatusBadge } from '~/components/status-badge'
import { Badge } from '~/components/ui/badge'
import { Card, CardHeader } from '~/components/ui/card'
import { PageHeader } from '~/components/ui/page-header'
import { VerdictBadge } from '~/components/verdict-badge'
import type { Verdict } from '~/generated/prisma/enums'
import { attachSourceSchema, detachSourceSchema } from '~/sources/schemas'
import { attachSource, detachSource } from '~/sources/sources.server'
import { SOURCE_KIND_LABELS } from '~/sources/labels'
import { STANCE_LABELS } from '~/claims/verdicts'
import { redirectWithToast } from '~/utils/toast.server'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/index'
import { readFormData } from '~/utils/form.server'
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

type ClaimIntent = WorkflowAction | 'assign' | 'attach-source' | 'detach-source' | 'comment' | 'edit-comment'

const INTENT_PERMISSIONS: Record<ClaimIntent, Permission> = {
  start: TRANSITIONS.start.permission,
  propose: TRANSITIONS.propose.permission,
  approve: TRANSITIONS.approve.permission,
  return: TRANSITIONS.return.permission,
  reopen: TRANSITIONS.reopen.permission,
  assign: 'claim:assign',
  'attach-source': 'source:attach',
  'detach-source': 'source:attach',
  comment: 'comment:create',
  'edit-comment': 'comment:create',
}

const DONE: Record<WorkflowAction, string> = {
  start: 'Research started.',
  propose: 'Verdict proposed. It now waits for an editor’s review.',
  approve: 'Verdict approved.',
  return: 'Claim returned to research with your note.',
  reopen: 'Claim reopened. It is unreviewed again.',
}

/** The fields each form shows, so a refusal about one of them appears beside it. */
const FORM_FIELDS: Partial<Record<ClaimIntent, readonly string[]>> = {
  propose: ['verdict', 'rationale'],
  approve: ['note'],
  return: ['note'],
  reopen: ['note'],
  assign: ['assigneeId', 'dueAt'],
  'attach-source': ['url', 'title', 'publisher', 'kind', 'publishedAt', 'archivedUrl', 'stance', 'excerpt', 'note'],
  comment: ['body'],
  'edit-comment': ['body'],
}

const TYPED_LABELS: Record<string, string> = {
  verdict: 'Verdict',
  rationale: 'Rationale',
  note: 'Note',
  assigneeId: 'Assignee',
  dueAt: 'Due date',
  url: 'Address',
  title: 'Title',
  publisher: 'Publisher',
  kind: 'Kind',
  publishedAt: 'Publication date',
  archivedUrl: 'Archived copy',
  stance: 'Stance',
  excerpt: 'Excerpt',
  body: 'Comment',
}

export type ClaimActionData = {
  intent: string
  result: SubmissionResult<string[]> | null
  message: string | null
  conflict: ClaimChanges | null
  typed: TypedValue[]
  commentId: string | null
}

function typedValues(payload: Record<string, unknown>, people: ReadonlyMap<string, string> = new Map()): TypedValue[] {
  return Object.entries(TYPED_LABELS).flatMap(([field, label]) => {
    const raw = payload[field]
    if (typeof raw !== 'string' || raw.trim() === '') return []
    let value = raw.trim()
    if (field === 'verdict') value = safe(() => verdictLabel(raw as Verdict), raw)
    if (field === 'stance') value = STANCE_LABELS[raw as keyof typeof STANCE_LABELS] ?? raw
    if (field === 'kind') value = SOURCE_KIND_LABELS[raw as keyof typeof SOURCE_KIND_LABELS] ?? raw
    if (field === 'assigneeId') value = people.get(raw) ?? raw
    return [{ label, value }]
  })
}

function safe<T>(work: () => T, fallback: T): T {
  try {
    return work()
  } catch {
    return fallback
  }
}

function isIntent(value: unknown): value is ClaimIntent {
  return typeof value === 'string' && Object.hasOwn(INTENT_PERMISSIONS, value)
}

function reply(intent: string, status: number, parts: Partial<ClaimActionData>) {
  return data<ClaimActionData>(
    { intent, result: null, message: null, conflict: null, typed: [], commentId: null, ...parts },
    { status },
  )
}

/** A refusal from the domain, next to the field it concerns, with what changed if the page was stale. */
async function refused(
  intent: ClaimIntent,
  claimId: string,
  submission: Submission<unknown, string[]> | null,
  failure: ClaimWriteFailure,
  version: number | undefined,
) {
  invariantResponse(failure.status !== 404, failure.message, { status: 404 })
  const onField = failure.field && FORM_FIELDS[intent]?.includes(failure.field)
  const conflict = failure.status === 409 && version !== undefined ? await changesSince(claimId, version) : null
  const payload = (submission?.payload ?? {}) as Record<string, unknown>
  return reply(intent, failure.status, {
    result:
      submission?.reply(
        onField ? { fieldErrors: { [failure.field!]: [failure.message] } } : { formErrors: [failure.message] },
      ) ?? null,
    message: failure.message,
    conflict,
    typed: conflict ? typedValues(payload, await namesOf([payload.assigneeId])) : [],
    commentId: typeof payload.commentId === 'string' ? payload.commentId : null,
  })
}

function invalid(intent: ClaimIntent, submission: Submission<unknown, string[]>) {
  const payload = submission.payload as Record<string, unknown>
  return reply(intent, 400, {
    result: submission.reply(),
    message: 'Check the form and try again.',
    commentId: typeof payload.commentId === 'string' ? payload.commentId : null,
  })
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, 'claim:view')
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (!isIntent(intent))
    return reply(String(intent ?? ''), 400, { message: 'That action is not known. Reload the page and try again.' })
  const permission = INTENT_PERMISSIONS[intent]
  if (!can(user.role, permission)) forbidden(`Only ${rolesThatCan(permission)} can do this.`)
  const claimId = params.claimId
  const here = `/claims/${claimId}`

  if ((WORKFLOW_ACTIONS as readonly string[]).includes(intent)) {
    const action = intent as WorkflowAction
    const submission = parseWithZod(formData, { schema: TRANSITION_SCHEMAS[action] })
    if (submission.status !== 'success') return invalid(intent, submission)
    const value = submission.value as { version: number; verdict?: Verdict; rationale?: string; note?: string }
    const outcome = await transitionClaim(user, claimId, action, {
      version: value.version,
      verdict: value.verdict,
      // An emptied rationale is a missing one, not "keep the draft".
      rationale: action === 'propose' ? (value.rationale ?? '') : undefined,
      note: value.note,
    })
    if (!outcome.ok) return refused(intent, claimId, submission, outcome, value.version)
    return redirectWithToast(here, { kind: 'success', message: DONE[action] })
  }

  if (intent === 'assign') {
    const submission = parseWithZod(formData, { schema: assignSchema })
    const wanted = formData.get('assigneeId')
    // Who may assign whom is settled before the rest of the form is checked.
    const refusal = await assignmentRefusal(
      user,
      claimId,
      typeof wanted === 'string' && wanted.trim() ? wanted.trim() : null,
    )
    if (refusal) return refused(intent, claimId, submission, refusal, undefined)
    if (submission.status !== 'success') return invalid(intent, submission)
    const { version, assigneeId, dueAt, setDue } = submission.value
    const outcome = await assignClaim(user, claimId, {
      version,
      assigneeId: assigneeId || null,
      dueAt: setDue ? (dueAt ? endOfDay(dueAt) : null) : undefined,
    })
    if (!outcome.ok) return refused(intent, claimId, submission, outcome, version)
    const message = !outcome.changed
      ? 'Nothing had changed, so nothing was saved.'
      : outcome.assignee?.id === user.id
        ? 'The claim is assigned to you.'
        : outcome.assignee
          ? `Assigned to ${outcome.assignee.name}.`
          : 'The claim is unassigned.'
    return redirectWithToast(here, { kind: 'success', message })
  }

  if (intent === 'attach-source') {
    const submission = parseWithZod(formData, { schema: attachSourceSchema })
    if (submission.status !== 'success') return invalid(intent, submission)
    const outcome = await attachSource(user, claimId, submission.value)
    if (!outcome.ok) return refused(intent, claimId, submission, outcome, submission.value.version)
    return redirectWithToast(here, {
      kind: 'success',
      message: outcome.source.reused
        ? `Source attached. “${outcome.source.title}” was already in the library and is reused.`
        : 'Source attached.',
    })
  }

  if (intent === 'detach-source') {
    const submission = parseWithZod(formData, { schema: detachSourceSchema })
    if (submission.status !== 'success') return invalid(intent, submission)
    const outcome = await detachSource(user, claimId, submission.value.sourceId, submission.value.version)
    if (!outcome.ok) return refused(intent, claimId, submission, outcome, submission.value.version)
    return redirectWithToast(here, { kind: 'success', message: `Detached “${outcome.source.title}”.` })
  }

  if (intent === 'comment') {
    const submission = parseWithZod(formData, { schema: commentSchema })
    if (submission.status !== 'success') return invalid(intent, submission)
    const outcome = await addComment(user, claimId, submission.value.body)
    if (!outcome.ok) return refused(intent, claimId, submission, outcome, undefined)
    return redirectWithToast(`${here}#comment-${outcome.comment.id}`, { kind: 'success', message: 'Comment added.' })
  }

  const submission = parseWithZod(formData, { schema: editCommentSchema })
  if (submission.status !== 'success') return invalid(intent, submission)
  const outcome = await editComment(user, claimId, submission.value.commentId, submission.value.body)
  if (!outcome.ok) return refused(intent, claimId, submission, outcome, undefined)
  return redirectWithToast(`${here}#comment-${outcome.comment.id}`, {
    kind: 'success',
    message: outcome.changed ? 'Comment saved.' : 'Nothing had changed, so nothing was saved.',
  })
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
