// The claim page's forms as one table: for each intent, who may send it, the schema its form is
// read with, the domain write it makes, what the person is told after it, and the fields it shows
// (so a refusal about one of them appears beside it). runClaimAction dispatches a request through
// it, for the claim page and any other page that shows the same forms.
import { type Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import type { z } from 'zod'
import { can, type Permission, rolesThatCan } from '~/auth/permissions'
import { forbidden, requirePermission } from '~/auth/session.server'
import { attachSourceSchema, detachSourceSchema } from '~/sources/schemas'
import { attachSource, detachSource } from '~/sources/sources.server'
import { readFormData } from '~/utils/form.server'
import { invariantResponse } from '~/utils/invariant'
import { redirectWithToast } from '~/utils/toast.server'
import { typedValues, type ClaimActionData } from './claim-actions'
import { changesSince, namesOf } from './claim-history.server'
import { addComment, editComment } from './comments.server'
import { assignClaim, assignmentRefusal, endOfDay, transitionClaim } from './transitions.server'
import { TRANSITIONS, type TransitionInput, type WorkflowAction } from './workflow'
import { assignSchema, commentSchema, editCommentSchema, TRANSITION_SCHEMAS } from './workflow-schemas'
import type { ClaimActor, ClaimWriteFailure } from './writes'

/** A write that went through: the toast, and the part of the page to land on. */
type Done = { ok: true; message: string; anchor?: string }

type ClaimIntentSpec<Schema extends z.ZodType> = {
  permission: Permission
  schema: Schema
  /** The fields the intent's form shows. */
  fields: readonly string[]
  /** A refusal settled before the rest of the form is checked. */
  refuseEarly?(user: ClaimActor, claimId: string, formData: FormData): Promise<ClaimWriteFailure | null>
  write(user: ClaimActor, claimId: string, value: z.output<Schema>): Promise<Done | ClaimWriteFailure>
}

// Erases each entry's schema type once its write has been checked against it.
const intent = <Schema extends z.ZodType>(spec: ClaimIntentSpec<Schema>): ClaimIntentSpec<z.ZodType> => spec

/** A workflow step: its permission is the one TRANSITIONS gives it. */
function transition(action: WorkflowAction, fields: readonly string[], message: string) {
  return intent({
    permission: TRANSITIONS[action].permission,
    schema: TRANSITION_SCHEMAS[action],
    fields,
    async write(user, claimId, value) {
      const { version, verdict, rationale, note } = value as TransitionInput & { version: number }
      const outcome = await transitionClaim(user, claimId, action, {
        version,
        verdict,
        // An emptied rationale is a missing one, not "keep the draft".
        rationale: action === 'propose' ? (rationale ?? '') : undefined,
        note,
      })
      return outcome.ok ? { ok: true, message } : outcome
    },
  })
}

const UNCHANGED = 'Nothing had changed, so nothing was saved.'

export const CLAIM_INTENTS = {
  start: transition('start', [], 'Research started.'),
  propose: transition('propose', ['verdict', 'rationale'], 'Verdict proposed. It now waits for an editor’s review.'),
  approve: transition('approve', ['note'], 'Verdict approved.'),
  return: transition('return', ['note'], 'Claim returned to research with your note.'),
  reopen: transition('reopen', ['note'], 'Claim reopened. It is unreviewed again.'),
  assign: intent({
    permission: 'claim:assign',
    schema: assignSchema,
    fields: ['assigneeId', 'dueAt'],
    // Who may assign whom is settled before the rest of the form is checked.
    refuseEarly(user, claimId, formData) {
      const wanted = formData.get('assigneeId')
      return assignmentRefusal(user, claimId, typeof wanted === 'string' && wanted.trim() ? wanted.trim() : null)
    },
    async write(user, claimId, { version, assigneeId, dueAt, setDue }) {
      const outcome = await assignClaim(user, claimId, {
        version,
        assigneeId: assigneeId || null,
        dueAt: setDue ? (dueAt ? endOfDay(dueAt) : null) : undefined,
      })
      if (!outcome.ok) return outcome
      const message = !outcome.changed
        ? UNCHANGED
        : outcome.assignee?.id === user.id
          ? 'The claim is assigned to you.'
          : outcome.assignee
            ? `Assigned to ${outcome.assignee.name}.`
            : 'The claim is unassigned.'
      return { ok: true, message }
    },
  }),
  'attach-source': intent({
    permission: 'source:attach',
    schema: attachSourceSchema,
    fields: ['url', 'title', 'publisher', 'kind', 'publishedAt', 'archivedUrl', 'stance', 'excerpt', 'note'],
    async write(user, claimId, value) {
      const outcome = await attachSource(user, claimId, value)
      if (!outcome.ok) return outcome
      const message = outcome.source.reused
        ? `Source attached. “${outcome.source.title}” was already in the library and is reused.`
        : 'Source attached.'
      return { ok: true, message }
    },
  }),
  'detach-source': intent({
    permission: 'source:attach',
    schema: detachSourceSchema,
    fields: [],
    async write(user, claimId, value) {
      const outcome = await detachSource(user, claimId, value)
      return outcome.ok ? { ok: true, message: `Detached “${outcome.source.title}”.` } : outcome
    },
  }),
  comment: intent({
    permission: 'comment:create',
    schema: commentSchema,
    fields: ['body'],
    async write(user, claimId, { body }) {
      const outcome = await addComment(user, claimId, body)
      return outcome.ok ? { ok: true, message: 'Comment added.', anchor: `comment-${outcome.comment.id}` } : outcome
    },
  }),
  'edit-comment': intent({
    permission: 'comment:create',
    schema: editCommentSchema,
    fields: ['body'],
    async write(user, claimId, { commentId, body }) {
      const outcome = await editComment(user, claimId, commentId, body)
      if (!outcome.ok) return outcome
      return {
        ok: true,
        message: outcome.changed ? 'Comment saved.' : UNCHANGED,
        anchor: `comment-${outcome.comment.id}`,
      }
    },
  }),
} as const satisfies Record<string, ClaimIntentSpec<z.ZodType>>

export type ClaimIntent = keyof typeof CLAIM_INTENTS

function isClaimIntent(value: unknown): value is ClaimIntent {
  return typeof value === 'string' && Object.hasOwn(CLAIM_INTENTS, value)
}

function reply(intent: string, status: number, parts: Partial<ClaimActionData>) {
  return data<ClaimActionData>(
    { intent, result: null, message: null, conflict: null, typed: [], commentId: null, ...parts },
    { status },
  )
}

function commentIdIn(payload: Record<string, unknown>) {
  return typeof payload.commentId === 'string' ? payload.commentId : null
}

/** A refusal from the domain, next to the field it concerns, with what changed if the page was stale. */
async function refused(
  intent: ClaimIntent,
  claimId: string,
  submission: Submission<unknown, string[]>,
  failure: ClaimWriteFailure,
  version: number | undefined,
) {
  invariantResponse(failure.status !== 404, failure.message, { status: 404 })
  const onField = failure.field && CLAIM_INTENTS[intent].fields.includes(failure.field)
  const conflict = failure.status === 409 && version !== undefined ? await changesSince(claimId, version) : null
  const payload = (submission.payload ?? {}) as Record<string, unknown>
  return reply(intent, failure.status, {
    result: submission.reply(
      onField ? { fieldErrors: { [failure.field!]: [failure.message] } } : { formErrors: [failure.message] },
    ),
    message: failure.message,
    conflict,
    typed: conflict ? typedValues(payload, await namesOf([payload.assigneeId])) : [],
    commentId: commentIdIn(payload),
  })
}

function invalid(intent: ClaimIntent, submission: Submission<unknown, string[]>) {
  return reply(intent, 400, {
    result: submission.reply(),
    message: 'Check the form and try again.',
    commentId: commentIdIn(submission.payload as Record<string, unknown>),
  })
}

/**
 * Runs the form a person sent about a claim: checks their permission, reads the form, makes the
 * write and redirects with a toast to `redirectTo` (the claim page unless told), or answers with
 * the refusal, field errors and, for a stale page, what changed since.
 */
export async function runClaimAction(request: Request, claimId: string, { redirectTo = `/claims/${claimId}` } = {}) {
  const user = await requirePermission(request, 'claim:view')
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (!isClaimIntent(intent))
    return reply(String(intent ?? ''), 400, { message: 'That action is not known. Reload the page and try again.' })
  const spec: ClaimIntentSpec<z.ZodType> = CLAIM_INTENTS[intent]
  if (!can(user.role, spec.permission)) forbidden(`Only ${rolesThatCan(spec.permission)} can do this.`)

  const submission = parseWithZod(formData, { schema: spec.schema })
  const early = await spec.refuseEarly?.(user, claimId, formData)
  if (early) return refused(intent, claimId, submission, early, undefined)
  if (submission.status !== 'success') return invalid(intent, submission)
  const outcome = await spec.write(user, claimId, submission.value)
  if (!outcome.ok) {
    const { version } = submission.value as { version?: number }
    return refused(intent, claimId, submission, outcome, version)
  }
  const to = outcome.anchor ? `${redirectTo}#${outcome.anchor}` : redirectTo
  return redirectWithToast(to, { kind: 'success', message: outcome.message })
}
