// The team's discussion of a claim, oldest first. Authors can correct their own comments; an edited
// comment says so.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from 'react-router'
import { draftKey } from '~/claims/drafts'
import { commentSchema, editCommentSchema } from '~/claims/workflow-schemas'
import { formatDayTime } from '~/utils/dates'
import type { DraftOwner, FormReply } from './claim-transition-forms'
import { DraftNotice, useFormDraft } from './form-draft'
import { Button } from './ui/button'
import { ConformTextareaField } from './ui/conform-fields'
import { FormError } from './ui/field'

export type CommentView = {
  id: string
  body: string
  author: string
  createdAt: string
  editedAt: string | null
  mine: boolean
}

type Reply = (NonNullable<FormReply> & { commentId?: string | null }) | undefined

function EditComment({ comment, reply }: { comment: CommentView; reply: Reply }) {
  const mineReply =
    reply?.intent === 'edit-comment' && reply.commentId === comment.id ? (reply.result ?? undefined) : undefined
  const navigation = useNavigation()
  const pending =
    navigation.state === 'submitting' &&
    navigation.formData?.get('intent') === 'edit-comment' &&
    navigation.formData.get('commentId') === comment.id
  const [form, fields] = useForm({
    id: `edit-comment-${comment.id}`,
    lastResult: mineReply,
    defaultValue: { body: comment.body },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editCommentSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <details className="mt-2" open={mineReply ? true : undefined}>
      <summary className="cursor-pointer text-sm font-medium text-brand">
        Edit<span className="sr-only"> your comment of {formatDayTime(comment.createdAt)}</span>
      </summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 space-y-3">
        <input type="hidden" name="intent" value="edit-comment" />
        <input type="hidden" name="commentId" value={comment.id} />
        <FormError errors={form.errors} title="Not saved" />
        <ConformTextareaField label="Your comment" field={fields.body} textareaProps={{ rows: 3 }} />
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save comment'}
        </Button>
      </Form>
    </details>
  )
}

function NewComment({ reply, owner }: { reply: Reply; owner: DraftOwner }) {
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'comment'
  // Cleared only once the comment is posted: a refusal or an expired session keeps it.
  const draft = useFormDraft({
    storageKey: draftKey(owner.userId, owner.claimId, 'comment'),
    formId: 'new-comment',
    fields: ['body'],
    isMine: (formData) => formData.get('intent') === 'comment',
    refused: reply?.intent === 'comment',
  })
  const [form, fields] = useForm({
    id: 'new-comment',
    lastResult: reply?.intent === 'comment' ? (reply.result ?? undefined) : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-paper-line pt-4">
      <input type="hidden" name="intent" value="comment" />
      <FormError errors={form.errors} title="The comment was not added" />
      <ConformTextareaField
        label="Add a comment"
        field={fields.body}
        hint="Visible to everyone on the desk. Not part of the published rationale."
        textareaProps={{ rows: 3 }}
      />
      <DraftNotice draft={draft} what="of the comment" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Adding…' : 'Add comment'}
      </Button>
    </Form>
  )
}

export function ClaimComments({
  comments,
  canComment,
  reply,
  owner,
}: {
  comments: readonly CommentView[]
  canComment: boolean
  reply: Reply
  owner: DraftOwner
}) {
  return (
    <div className="space-y-4">
      {comments.length === 0 ? (
        <p className="text-sm text-ink-muted">No comments yet.</p>
      ) : (
        <ol className="space-y-3">
          {comments.map((comment) => (
            <li
              key={comment.id}
              id={`comment-${comment.id}`}
              className="scroll-mt-24 rounded-md border border-paper-line bg-paper p-3 target:ring-2 target:ring-brand/40"
            >
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="font-semibold text-ink">{comment.author}</span>
                <time dateTime={comment.createdAt} className="text-xs text-ink-muted">
                  {formatDayTime(comment.createdAt)}
                </time>
                {comment.editedAt ? (
                  <span className="text-xs text-ink-muted italic" title={`Edited ${formatDayTime(comment.editedAt)}`}>
                    (edited <time dateTime={comment.editedAt}>{formatDayTime(comment.editedAt)}</time>)
                  </span>
                ) : null}
              </p>
              <p className="mt-1 text-sm break-words whitespace-pre-wrap text-ink">{comment.body}</p>
              {comment.mine ? (
                <EditComment key={comment.editedAt ?? 'original'} comment={comment} reply={reply} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canComment ? <NewComment reply={reply} owner={owner} /> : null}
    </div>
  )
}
