import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { data, Form, Link, useNavigation } from 'react-router'
import { forbidden, requirePermission, requireUser } from '~/auth/session.server'
import {
  claimForEditing,
  deleteClaim,
  updateClaim,
  type ClaimConflict,
  type ClaimValues,
} from '~/claims/claim-edits.server'
import { draftKey } from '~/claims/drafts'
import type { FieldSide } from '~/claims/merge'
import { deleteClaimSchema, editClaimSchema } from '~/claims/schemas'
import { parseTags } from '~/claims/tags'
import { ClaimDetailsFields } from '~/components/claim-fields'
import { DraftNotice, useFormDraft } from '~/components/form-draft'
import { STATUS_STYLES, StatusBadge } from '~/components/status-badge'
import { Button, ButtonLink } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { cx } from '~/components/ui/cx'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { VerdictBadge } from '~/components/verdict-badge'
import { redirectWithToast } from '~/utils/toast.server'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/edit'
import { readFormData } from '~/utils/form.server'
import { invariantResponse } from '~/utils/invariant'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error }) => (error ? [] : [{ title: 'Edit claim · Factdesk' }])

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:edit')
  const editing = await claimForEditing(params.claimId, user)
  invariantResponse(editing, 'There is no such claim. It may have been deleted.', { status: 404 })
  const { claim, access } = editing
  // A claim frozen by its status still shows, to say why; one the user may never edit is refused.
  if (!access.edit.ok && !access.frozen) forbidden(access.edit.reason)
  return {
    claim,
    editable: access.edit.ok,
    frozenReason: access.edit.ok ? null : access.edit.reason,
    canDelete: access.delete.ok,
    userId: user.id,
  }
}

type ActionData = {
  result: SubmissionResult<string[]> | null
  conflict: ClaimConflict | null
  deleteMessage: string | null
}

export async function action({ request, params }: Route.ActionArgs) {
  // Who may do what is settled before the form is read, so a refusal is a 403 whatever was posted.
  const user = await requireUser(request)
  const editing = await claimForEditing(params.claimId, user)
  invariantResponse(editing, 'This claim does not exist or has been deleted.', { status: 404 })
  const { access } = editing
  const formData = await readFormData(request)
  if (formData.get('intent') === 'delete') {
    await requirePermission(request, 'claim:delete')
    if (!access.delete.ok) {
      return data<ActionData>({ result: null, conflict: null, deleteMessage: access.delete.reason }, { status: 403 })
    }
    const submission = parseWithZod(formData, { schema: deleteClaimSchema })
    if (submission.status !== 'success') {
      return data<ActionData>(
        { result: null, conflict: null, deleteMessage: 'Reload the page and try again.' },
        { status: 400 },
      )
    }
    const outcome = await deleteClaim(user, params.claimId, submission.value.version)
    if (!outcome.ok) {
      invariantResponse(outcome.status !== 404, outcome.message, { status: 404 })
      return data<ActionData>(
        { result: null, conflict: outcome.current ?? null, deleteMessage: outcome.message },
        { status: outcome.status },
      )
    }
    return redirectWithToast(`/articles/${outcome.claim.articleId}`, {
      kind: 'success',
      message: 'Claim deleted. Its history is kept.',
    })
  }

  await requirePermission(request, 'claim:edit')
  const submission = parseWithZod(formData, { schema: editClaimSchema })
  if (!access.edit.ok) {
    return data<ActionData>(
      { result: submission.reply({ formErrors: [access.edit.reason] }), conflict: null, deleteMessage: null },
      { status: 403 },
    )
  }
  if (submission.status !== 'success') {
    return data<ActionData>({ result: submission.reply(), conflict: null, deleteMessage: null }, { status: 400 })
  }
  const outcome = await updateClaim(user, params.claimId, submission.value)
  if (!outcome.ok) {
    invariantResponse(outcome.status !== 404, outcome.message, { status: 404 })
    return data<ActionData>(
      {
        result: submission.reply({ formErrors: [outcome.message] }),
        conflict: outcome.current ?? null,
        deleteMessage: null,
      },
      { status: outcome.status },
    )
  }
  return redirectWithToast(`/articles/${outcome.claim.articleId}#claim-${outcome.claim.id}`, {
    kind: 'success',
    message: outcome.changed ? 'Claim saved.' : 'Nothing had changed, so nothing was saved.',
  })
}

const FIELD_LABELS: Record<keyof ClaimValues, string> = {
  text: 'Claim',
  claimant: 'Claimant',
  claimDate: 'Date of the claim',
  tags: 'Tags',
}

function shown(field: keyof ClaimValues, values: ClaimValues): string {
  return field === 'tags' ? values.tags.join(', ') : values[field]
}

const SIDE_NOTES: Record<FieldSide, string | null> = {
  none: null,
  mine: 'Changed by you: saving writes yours',
  theirs: 'Changed by them: saving keeps theirs',
  both: 'Changed by them and by you: saving puts yours in place of theirs',
}

/** Who changed each field: from the server's three-way comparison, or, without it, whether the form differs. */
function sideOf(
  field: keyof ClaimValues,
  conflict: ClaimConflict,
  typed: Record<string, unknown> | undefined,
): FieldSide | 'differs' {
  if (conflict.sides) return conflict.sides[field]
  const theirs = shown(field, conflict.values)
  const yours = typeof typed?.[field] === 'string' ? (typed[field] as string).trim() : ''
  const normalisedYours = field === 'tags' ? parseTags(yours).join(', ') : yours
  const differs = field === 'text' ? normalisedYours !== '' && normalisedYours !== theirs : normalisedYours !== theirs
  return differs ? 'differs' : 'none'
}

/** The version saved now, beside the form that still holds what the user typed, and what saving again will do. */
function SavedVersion({ conflict, typed }: { conflict: ClaimConflict; typed: Record<string, unknown> | undefined }) {
  return (
    <Card as="aside" aria-labelledby="saved-version-heading" className="border-amber-300 bg-amber-50/60">
      <CardHeader
        as="h2"
        titleId="saved-version-heading"
        title="Their version, saved now"
        description={
          conflict.sides
            ? 'Saving again writes only the fields you changed and keeps their other changes. Where you both changed a field, yours replaces theirs.'
            : 'Compare with yours in the form. Fields that differ are marked. Save again to replace theirs with yours.'
        }
      />
      <dl className="space-y-3 text-sm">
        {(Object.keys(FIELD_LABELS) as Array<keyof ClaimValues>).map((field) => {
          const theirs = shown(field, conflict.values)
          const side = sideOf(field, conflict, typed)
          const note = side === 'differs' ? 'differs from yours' : SIDE_NOTES[side]
          return (
            <div
              key={field}
              className={
                side === 'both' || side === 'differs'
                  ? 'rounded border-l-4 border-amber-600 bg-paper py-1 pl-3'
                  : side === 'none'
                    ? 'pl-4'
                    : 'rounded border-l-4 border-sky-600 bg-paper py-1 pl-3'
              }
            >
              <dt className="font-medium text-ink-muted">
                {FIELD_LABELS[field]}
                {note ? (
                  <span
                    className={
                      side === 'both' || side === 'differs'
                        ? 'ml-2 text-xs font-semibold text-amber-900'
                        : 'ml-2 text-xs font-semibold text-sky-900'
                    }
                  >
                    {note}
                  </span>
                ) : null}
              </dt>
              <dd className="mt-0.5 text-ink">{theirs || <span className="text-ink-muted italic">empty</span>}</dd>
            </div>
          )
        })}
      </dl>
    </Card>
  )
}

const EDIT_FIELDS = ['text', 'claimant', 'claimDate', 'tags'] as const
const BASE_FIELDS = ['version', 'base.text', 'base.claimant', 'base.claimDate', 'base.tags'] as const

export default function EditClaim({ loaderData, actionData }: Route.ComponentProps) {
  const { claim, editable, frozenReason, canDelete, userId } = loaderData
  const navigation = useNavigation()
  const articlePath = `/articles/${claim.article.id}`
  const conflict = actionData?.conflict ?? null
  const version = conflict?.version ?? claim.version
  // What the user started from, sent with the form so a save writes only the fields they changed.
  const [base] = useState(() => claim.values)
  const draft = useFormDraft({
    storageKey: draftKey(userId, claim.id, 'edit'),
    formId: `edit-claim-${claim.id}`,
    fields: EDIT_FIELDS,
    carry: BASE_FIELDS,
    isMine: (formData) => formData.get('intent') === 'save',
    refused: Boolean(actionData?.result),
  })
  const [form, fields] = useForm({
    id: `edit-claim-${claim.id}`,
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    defaultValue: {
      text: claim.values.text,
      claimant: claim.values.claimant,
      claimDate: claim.values.claimDate,
      tags: claim.values.tags.join(', '),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editClaimSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const submitting = navigation.state === 'submitting'
  const deleting = submitting && navigation.formData?.get('intent') === 'delete'

  return (
    <div className={conflict ? 'mx-auto max-w-6xl' : 'mx-auto max-w-3xl'}>
      <PageHeader
        breadcrumbs={[
          { to: '/articles', label: 'Articles' },
          { to: articlePath, label: claim.article.title },
        ]}
        title="Edit claim"
        actions={
          <div className="flex flex-wrap items-center gap-1.5">
            <StatusBadge status={claim.status} />
            <VerdictBadge verdict={claim.verdict} status={claim.status} />
          </div>
        }
      />

      <figure className="mb-6 rounded-md border border-paper-line border-l-4 border-l-brand bg-paper px-4 py-3">
        <blockquote className="font-serif text-lg leading-relaxed text-ink">“{claim.quote}”</blockquote>
        <figcaption className="mt-2 text-sm text-ink-muted">
          The quote and its place in the article are fixed: highlights, sources and the verdict all refer to exactly
          these words. To quote something else, <Link to={`${articlePath}/claims/new`}>add a new claim</Link>.
        </figcaption>
      </figure>

      {!editable ? (
        <Card>
          <div className={cx('rounded-md border border-l-4 px-4 py-3 text-sm', STATUS_STYLES[claim.status].badge)}>
            <p className="font-semibold">This claim cannot be edited now</p>
            <p className="mt-1">{frozenReason}</p>
          </div>
          <p className="mt-4">
            <Link to={`${articlePath}#claim-${claim.id}`}>Back to the article</Link>
          </p>
        </Card>
      ) : (
        <div className={conflict ? 'grid items-start gap-6 lg:grid-cols-2' : undefined}>
          <Card aria-labelledby="your-version-heading" className="sm:p-6">
            {conflict ? (
              <h2 id="your-version-heading" className="mb-4 text-base font-semibold">
                Your version
              </h2>
            ) : null}
            <Form method="post" {...getFormProps(form)} className="space-y-5">
              <FormError errors={form.errors} title={conflict ? 'Not saved' : undefined} />
              <input type="hidden" name="intent" value="save" />
              {/* After a conflict this is the version just saved, so saving again is a deliberate choice. */}
              <input key={version} type="hidden" name="version" defaultValue={version} />
              <input type="hidden" name="base.text" defaultValue={base.text} />
              <input type="hidden" name="base.claimant" defaultValue={base.claimant} />
              <input type="hidden" name="base.claimDate" defaultValue={base.claimDate} />
              <input type="hidden" name="base.tags" defaultValue={base.tags.join(', ')} />
              <ClaimDetailsFields fields={fields} textFallback="the quote" />
              <DraftNotice draft={draft} what="of your edit" />
              <div className="flex flex-wrap items-center gap-3 border-t border-paper-line pt-5">
                <Button type="submit" variant="primary" disabled={submitting}>
                  {submitting && !deleting ? 'Saving…' : conflict ? 'Save mine over theirs' : 'Save claim'}
                </Button>
                {conflict ? (
                  <Link to={`/claims/${claim.id}/edit`} reloadDocument onClick={draft.discard} className="text-sm">
                    Discard mine and start from theirs
                  </Link>
                ) : (
                  <ButtonLink to={`${articlePath}#claim-${claim.id}`} variant="ghost">
                    Cancel
                  </ButtonLink>
                )}
              </div>
            </Form>
          </Card>
          {conflict ? <SavedVersion conflict={conflict} typed={actionData?.result?.initialValue ?? undefined} /> : null}
        </div>
      )}

      {canDelete ? (
        <section aria-labelledby="delete-heading" className="mt-8 rounded-lg border border-red-200 bg-paper p-4 sm:p-5">
          <h2 id="delete-heading" className="text-base font-semibold text-ink">
            Delete this claim
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            Only unreviewed claims can be deleted. It leaves the article for everyone; its history is kept.
          </p>
          <FormError errors={actionData?.deleteMessage ?? undefined} title="Not deleted" className="mt-3" />
          {/* A disclosure instead of a confirm() dialog: the second step works without JavaScript. */}
          <details className="mt-3" open={actionData?.deleteMessage ? true : undefined}>
            <summary className="cursor-pointer text-sm font-medium text-red-800">Delete…</summary>
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="delete" />
              <input key={version} type="hidden" name="version" defaultValue={version} />
              <Button type="submit" variant="danger" size="sm" disabled={submitting}>
                {deleting ? 'Deleting…' : 'Yes, delete the claim'}
              </Button>
            </Form>
          </details>
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
