import { type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ShouldRevalidateFunctionArgs } from 'react-router'
import { can, type Permission, rolesThatCan } from '~/auth/permissions'
import { forbidden, requirePermission } from '~/auth/session.server'
import { changesSince, claimPage, namesOf, type ClaimChanges } from '~/claims/claim-page.server'
import { addComment, editComment } from '~/claims/comments.server'
import { assignClaim, assignmentRefusal, endOfDay, transitionClaim } from '~/claims/transitions.server'
import { verdictLabel } from '~/claims/verdicts'
import { TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from '~/claims/workflow'
import type { ClaimWriteFailure } from '~/claims/writes'
import { assignSchema, commentSchema, editCommentSchema, TRANSITION_SCHEMAS } from '~/claims/workflow-schemas'
import type { TypedValue } from '~/components/claim-conflict'
import { claimHref } from '~/components/claim-href'
import { ClaimPanel } from '~/components/claim-panel'
import { PageHeader } from '~/components/ui/page-header'
import type { Verdict } from '~/generated/prisma/enums'
import { attachSourceSchema, detachSourceSchema } from '~/sources/schemas'
import { attachSource, detachSource } from '~/sources/sources.server'
import { SOURCE_KIND_LABELS } from '~/sources/labels'
import { STANCE_LABELS } from '~/claims/verdicts'
import { redirectWithToast } from '~/utils/toast.server'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/index'
import { readFormData } from '~/utils/form.server'
import { db } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'
import { pageUrl } from '~/utils/page-url'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error, loaderData }) =>
  error ? [] : [{ title: loaderData ? `${loaderData.claim.text.slice(0, 60)} · Claim · Factdesk` : 'Claim · Factdesk' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:view')
  const page = await claimPage(params.claimId, user)
  invariantResponse(page, 'There is no such claim. It may have been deleted.', { status: 404 })
  return { ...page, role: user.role }
}

// The claim's own address (linked from the queue, the dashboard, exports) opens it in its article's
// workspace. Only reading is sent on: posts still reach this route's action.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, params }, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next()
    await requirePermission(request, 'claim:view')
    const claim = await db.claim.findUnique({
      where: { id: params.claimId },
      select: { articleId: true, deletedAt: true },
    })
    if (!claim || claim.deletedAt) return next()
    throw redirect(claimHref(claim.articleId, params.claimId) + pageUrl(request).search)
  },
]

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

/**
 * Shown only when a form posted to this address directly is refused (every GET opens the workspace):
 * the same panel as in the workspace, with the way back to the article.
 */
export default function ClaimAddress({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div>
      <PageHeader
        breadcrumbs={[
          { to: '/articles', label: 'Articles' },
          { to: `/articles/${loaderData.claim.article.id}`, label: loaderData.claim.article.title },
        ]}
        title={loaderData.claim.article.title}
      />
      <div className="mx-auto max-w-2xl rounded-lg border border-paper-line bg-paper">
        <ClaimPanel page={loaderData} actionData={actionData} />
      </div>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
