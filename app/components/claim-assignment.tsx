// Who works on the claim and by when. Editors assign anyone who researches claims and set a due
// date; a fact-checker can take an unassigned claim. Overdue is said in words, not only in colour.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from 'react-router'
import type { ClaimPageData } from '~/claims/claim-page.server'
import { assignSchema } from '~/claims/workflow-schemas'
import type { FormReply } from './claim-transition-forms'
import { Button } from './ui/button'
import { cx } from './ui/cx'
import { ConformField, ConformSelectField } from './ui/conform-fields'
import { FormError } from './ui/field'

export type DueView = { date: string; label: string; words: string; overdue: boolean }

export function DueDate({ due, className }: { due: DueView | null; className?: string }) {
  if (!due) return <span className={cx('text-ink-muted', className)}>No due date</span>
  return (
    <span className={className}>
      <time dateTime={due.date}>{due.label}</time>{' '}
      <span className={due.overdue ? 'font-semibold text-red-800' : 'text-ink-muted'}>
        {due.overdue ? (
          <>
            <span aria-hidden="true">⚠ </span>
            {due.words}
          </>
        ) : (
          `(${due.words.charAt(0).toLowerCase()}${due.words.slice(1)})`
        )}
      </span>
    </span>
  )
}

export type ClaimAssignmentProps = {
  /** What the claim page loaded: the claim's assignee and due date, who may assign, and whom. */
  page: Pick<ClaimPageData, 'access' | 'assignees' | 'userId'> & {
    claim: Pick<ClaimPageData['claim'], 'version' | 'assignee' | 'due'>
  }
  reply: FormReply
}

export function ClaimAssignment({ page, reply }: ClaimAssignmentProps) {
  const { version, assignee, due } = page.claim
  const { canAssign, canTake } = page.access
  const { assignees: people, userId } = page
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'assign'
  const lastResult = reply?.intent === 'assign' ? (reply.result ?? undefined) : undefined
  const [form, fields] = useForm({
    id: 'assign',
    lastResult,
    defaultValue: { assigneeId: assignee?.id ?? '', dueAt: due?.date ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignSchema }),
    shouldValidate: 'onBlur',
  })
  const options = [
    { value: '', label: 'Nobody' },
    ...people.map((person) => ({
      value: person.id,
      label: person.id === userId ? `${person.name} (you)` : person.name,
    })),
  ]
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-ink-muted">Assignee</dt>
        <dd className="font-medium text-ink">
          {assignee ? (assignee.id === userId ? `${assignee.name} (you)` : assignee.name) : 'Nobody yet'}
        </dd>
        <dt className="text-ink-muted">Due</dt>
        <dd>
          <DueDate due={due} />
        </dd>
      </dl>
      {canAssign ? (
        <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-paper-line pt-4">
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="setDue" value="on" />
          <input key={version} type="hidden" name="version" defaultValue={version} />
          <FormError errors={form.errors} title="The assignment was not changed" />
          <ConformSelectField label="Assign to" field={fields.assigneeId} options={options} />
          <ConformField label="Due date" field={fields.dueAt} hint="Optional." type="date" />
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            {pending ? 'Saving…' : 'Save assignment'}
          </Button>
        </Form>
      ) : null}
      {canTake ? (
        <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-paper-line pt-4">
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="assigneeId" value={userId} />
          <input key={version} type="hidden" name="version" defaultValue={version} />
          <FormError errors={form.errors} title="You did not get the claim" />
          <Button type="submit" variant="primary" size="sm" disabled={pending}>
            {pending ? 'Taking…' : 'Take this claim'}
          </Button>
        </Form>
      ) : null}
    </div>
  )
}
