// The workflow steps the user may take on the claim now, each with the form it needs. Which steps
// show comes from workflow.ts's allowedActions, the same rules the action enforces.
import { getFormProps, useForm, type DefaultValue, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { Form, useNavigation } from 'react-router'
import type { z } from 'zod'
import { VERDICTS } from '~/claims/verdicts'
import { ACTION_LABELS, WORKFLOW_ACTIONS, type WorkflowAction } from '~/claims/workflow'
import { approveSchema, proposeSchema, reopenSchema, returnSchema, startSchema } from '~/claims/workflow-schemas'
import type { ClaimPageData } from '~/claims/claim-page.server'
import { clearDraft, draftKey } from '~/claims/drafts'
import type { Verdict } from '~/generated/prisma/enums'
import { DraftNotice, useAcceptedSubmission, useFormDraft, type FormDraft } from './form-draft'
import { Button } from './ui/button'
import { ConformSelectField, ConformTextareaField } from './ui/conform-fields'
import { FormError } from './ui/field'

export type FormReply = { intent: string; result: SubmissionResult<string[]> | null } | undefined

/** Whose drafts the forms keep: one user's, on one claim. */
export type DraftOwner = { userId: string; claimId: string }

type Shared = { version: number; reply: FormReply; owner: DraftOwner }

/** The draft of one workflow form: kept until that form is accepted or discarded. */
function useStepDraft(owner: DraftOwner, intent: string, fields: readonly string[], reply: FormReply) {
  return useFormDraft({
    storageKey: draftKey(owner.userId, owner.claimId, intent),
    formId: `workflow-${intent}`,
    fields,
    isMine: (formData) => formData.get('intent') === intent,
    refused: reply?.intent === intent,
  })
}

/** Each step's wording: its heading, what it does, the title of a refusal and the button while it is sent. */
const STEPS: Record<WorkflowAction, { title: string; description: string; failed: string; pending: string }> = {
  start: {
    title: 'Research this claim',
    description: 'Marks the claim as in research, so the desk sees someone is working on it.',
    failed: 'Research did not start',
    pending: 'Starting…',
  },
  propose: {
    title: 'Propose a verdict',
    description: 'Sends the claim to an editor, who approves it or returns it to research.',
    failed: 'The verdict was not proposed',
    pending: 'Sending…',
  },
  approve: {
    title: 'Approve the verdict',
    description: "The verdict becomes final: it counts towards the article's credibility and can be exported.",
    failed: 'Not approved',
    pending: 'Approving…',
  },
  return: {
    title: 'Return to research',
    description: 'Sends the claim back to the fact-checker with your note; the proposed verdict stays as their draft.',
    failed: 'Not returned',
    pending: 'Returning…',
  },
  reopen: {
    title: 'Reopen this claim',
    description:
      'Withdraws the approval and puts the claim back to unreviewed. The verdict and rationale stay as a draft for the next proposal.',
    failed: 'Not reopened',
    pending: 'Reopening…',
  },
}

/** One step's Conform form, named after its intent; a `live` form checks a field as the user leaves it. */
function useStepForm<Schema extends z.ZodObject>(
  intent: WorkflowAction,
  schema: Schema,
  reply: FormReply,
  { defaultValue, live = false }: { defaultValue?: DefaultValue<z.input<Schema>>; live?: boolean } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: `workflow-${intent}`,
    lastResult: reply && reply.intent === intent ? (reply.result ?? undefined) : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: live ? 'onBlur' : undefined,
    shouldRevalidate: live ? 'onInput' : undefined,
  })
}

/** A step's heading and form: the hidden intent and version, the refusal, the fields, the draft and the button. */
function StepForm({
  intent,
  version,
  form,
  draft,
  variant = 'primary',
  className = 'space-y-3',
  children,
}: {
  intent: WorkflowAction
  version: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>
  /** The draft the form keeps, and what the notice calls it ("of the verdict"). */
  draft?: { state: FormDraft; what: string }
  variant?: 'primary' | 'secondary'
  className?: string
  children?: ReactNode
}) {
  const step = STEPS[intent]
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <div className="border-t border-paper-line pt-4 first:border-t-0 first:pt-0">
      <h3 className="text-sm font-semibold text-ink">{step.title}</h3>
      <p className="mt-0.5 text-sm text-ink-muted">{step.description}</p>
      <div className="mt-3">
        <Form method="post" {...getFormProps(form)} className={className}>
          <input type="hidden" name="intent" value={intent} />
          {/* The version this page showed: a change made by someone else since then is refused, not overwritten. */}
          <input key={version} type="hidden" name="version" defaultValue={version} />
          <FormError errors={form.errors} title={step.failed} />
          {children}
          {draft ? <DraftNotice draft={draft.state} what={draft.what} /> : null}
          <Button type="submit" variant={variant} disabled={pending}>
            {pending ? step.pending : ACTION_LABELS[intent]}
          </Button>
        </Form>
      </div>
    </div>
  )
}

function StartForm({ version, reply }: Shared) {
  const [form] = useStepForm('start', startSchema, reply)
  return <StepForm intent="start" version={version} form={form} />
}

const VERDICT_OPTIONS = VERDICTS.map((info) => ({ value: info.verdict, label: info.label }))

function ProposeForm({
  version,
  reply,
  owner,
  verdict,
  rationale,
  sourceCount,
}: Shared & { verdict: Verdict | null; rationale: string; sourceCount: number }) {
  const draft = useStepDraft(owner, 'propose', ['verdict', 'rationale'], reply)
  const [form, fields] = useStepForm('propose', proposeSchema, reply, {
    defaultValue: { verdict: verdict ?? '', rationale },
    live: true,
  })
  const evidence =
    sourceCount === 0
      ? 'This claim has no sources yet. Attach at least one below before proposing a verdict; only “Not a factual claim” needs none.'
      : `Based on ${sourceCount} ${sourceCount === 1 ? 'source' : 'sources'}. Every verdict except “Not a factual claim” needs at least one.`
  return (
    <StepForm
      intent="propose"
      version={version}
      form={form}
      draft={{ state: draft, what: 'of the verdict' }}
      className="space-y-4"
    >
      <p
        className={
          sourceCount === 0
            ? 'rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950'
            : 'text-sm text-ink-muted'
        }
      >
        {evidence}
      </p>
      <ConformSelectField
        label="Verdict"
        field={fields.verdict}
        options={VERDICT_OPTIONS}
        placeholder={verdict ? undefined : 'Choose a verdict…'}
      />
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand">What each verdict means</summary>
        <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
          {VERDICTS.map((info) => (
            <div key={info.verdict} className="contents">
              <dt className="font-medium text-ink">{info.label}</dt>
              <dd className="text-ink-muted">{info.description}</dd>
            </div>
          ))}
        </dl>
      </details>
      <ConformTextareaField
        label="Rationale"
        field={fields.rationale}
        hint="One paragraph: what the evidence shows and why it leads to this verdict. Readers see it with the verdict."
        textareaProps={{ rows: 5 }}
      />
    </StepForm>
  )
}

function ApproveForm({ version, reply, owner }: Shared) {
  const draft = useStepDraft(owner, 'approve', ['note'], reply)
  const [form, fields] = useStepForm('approve', approveSchema, reply)
  return (
    <StepForm intent="approve" version={version} form={form} draft={{ state: draft, what: 'of the approval' }}>
      <ConformTextareaField label="Approval note (optional)" field={fields.note} textareaProps={{ rows: 2 }} />
    </StepForm>
  )
}

/** The note a return or a reopening asks for. */
const NOTES = {
  return: {
    schema: returnSchema,
    label: 'Note to the fact-checker',
    hint: 'Required: what should they check again or add?',
    what: 'of the return note',
  },
  reopen: {
    schema: reopenSchema,
    label: 'Why reopen it?',
    hint: 'Required: new evidence, a correction, a complaint…',
    what: 'of the reopening note',
  },
}

function NoteForm({ intent, version, reply, owner }: Shared & { intent: keyof typeof NOTES }) {
  const note = NOTES[intent]
  const draft = useStepDraft(owner, intent, ['note'], reply)
  const [form, fields] = useStepForm(intent, note.schema, reply, { live: true })
  return (
    <StepForm
      intent={intent}
      version={version}
      form={form}
      draft={{ state: draft, what: note.what }}
      variant="secondary"
    >
      <ConformTextareaField label={note.label} field={fields.note} hint={note.hint} textareaProps={{ rows: 3 }} />
    </StepForm>
  )
}

export type ClaimWorkflowProps = {
  /** What the claim page loaded: the claim's version, verdict and rationale, the steps open to the user. */
  page: Pick<ClaimPageData, 'sourceCount' | 'access'> & {
    claim: Pick<ClaimPageData['claim'], 'version' | 'verdict' | 'rationale'>
  }
  reply: FormReply
  owner: DraftOwner
}

export function ClaimWorkflow({ page, reply, owner }: ClaimWorkflowProps) {
  const { version, verdict, rationale } = page.claim
  const { actions, blocked } = page.access
  const sourceCount = page.sourceCount
  const shared = { version, reply, owner }
  // A step that succeeds usually takes its own form off the page before the form sees the answer.
  useAcceptedSubmission({
    isMine: (formData) => (WORKFLOW_ACTIONS as readonly unknown[]).includes(formData.get('intent')),
    refused: (formData) => reply?.intent === formData.get('intent'),
    onAccepted: (formData) => {
      try {
        clearDraft(window.localStorage, draftKey(owner.userId, owner.claimId, String(formData.get('intent'))))
      } catch {
        // No storage, so no draft.
      }
    },
  })
  return (
    <div className="space-y-4">
      {actions.includes('start') ? <StartForm {...shared} /> : null}
      {actions.includes('propose') ? (
        <ProposeForm {...shared} verdict={verdict} rationale={rationale} sourceCount={sourceCount} />
      ) : null}
      {actions.includes('approve') ? <ApproveForm {...shared} /> : null}
      {actions.includes('return') ? <NoteForm {...shared} intent="return" /> : null}
      {actions.includes('reopen') ? <NoteForm {...shared} intent="reopen" /> : null}
      {blocked.length > 0 ? (
        <ul className="space-y-1 text-sm text-ink-muted">
          {blocked.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {actions.length === 0 && blocked.length === 0 ? (
        <p className="text-sm text-ink-muted">There is no workflow step for you to take here.</p>
      ) : null}
    </div>
  )
}
