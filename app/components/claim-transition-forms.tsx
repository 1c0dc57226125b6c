// The workflow steps the user may take on the claim now, each with the form it needs. Which steps
// show comes from workflow.ts's allowedActions, the same rules the action enforces.
import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { Form, useNavigation } from 'react-router'
import { VERDICTS } from '~/claims/verdicts'
import { ACTION_LABELS, WORKFLOW_ACTIONS } from '~/claims/workflow'
import { approveSchema, proposeSchema, reopenSchema, returnSchema, startSchema } from '~/claims/workflow-schemas'
import type { ClaimPageData } from '~/claims/claim-page.server'
import { clearDraft, draftKey } from '~/claims/drafts'
import type { Verdict } from '~/generated/prisma/enums'
import { DraftNotice, useAcceptedSubmission, useFormDraft } from './form-draft'
import { Button } from './ui/button'
import { FormError, SelectField, TextareaField } from './ui/field'

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

function replyFor(reply: FormReply, intent: string) {
  return reply && reply.intent === intent ? (reply.result ?? undefined) : undefined
}

function usePending(intent: string) {
  const navigation = useNavigation()
  return navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
}

function Hidden({ intent, version }: { intent: string; version: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {/* The version this page showed: a change made by someone else since then is refused, not overwritten. */}
      <input key={version} type="hidden" name="version" defaultValue={version} />
    </>
  )
}

function Step({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <div className="border-t border-paper-line pt-4 first:border-t-0 first:pt-0">
      <h3 className="text-sm font-semibold text-ink">{title}</h3>
      {description ? <p className="mt-0.5 text-sm text-ink-muted">{description}</p> : null}
      <div className="mt-3">{children}</div>
    </div>
  )
}

function StartForm({ version, reply }: Shared) {
  const pending = usePending('start')
  const [form] = useForm({
    id: 'workflow-start',
    lastResult: replyFor(reply, 'start'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: startSchema }),
  })
  return (
    <Step
      title="Research this claim"
      description="Marks the claim as in research, so the desk sees someone is working on it."
    >
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Hidden intent="start" version={version} />
        <FormError errors={form.errors} title="Research did not start" />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Starting…' : ACTION_LABELS.start}
        </Button>
      </Form>
    </Step>
  )
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
  const pending = usePending('propose')
  const draft = useStepDraft(owner, 'propose', ['verdict', 'rationale'], reply)
  const [form, fields] = useForm({
    id: 'workflow-propose',
    lastResult: replyFor(reply, 'propose'),
    defaultValue: { verdict: verdict ?? '', rationale },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposeSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const evidence =
    sourceCount === 0
      ? 'This claim has no sources yet. Attach at least one below before proposing a verdict; only “Not a factual claim” needs none.'
      : `Based on ${sourceCount} ${sourceCount === 1 ? 'source' : 'sources'}. Every verdict except “Not a factual claim” needs at least one.`
  return (
    <Step
      title="Propose a verdict"
      description="Sends the claim to an editor, who approves it or returns it to research."
    >
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <Hidden intent="propose" version={version} />
        <FormError errors={form.errors} title="The verdict was not proposed" />
        <p
          className={
            sourceCount === 0
              ? 'rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950'
              : 'text-sm text-ink-muted'
          }
        >
          {evidence}
        </p>
        <SelectField
          label="Verdict"
          name={fields.verdict.name}
          errors={fields.verdict.errors}
          options={VERDICT_OPTIONS}
          placeholder={verdict ? undefined : 'Choose a verdict…'}
          selectProps={getSelectProps(fields.verdict)}
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
        <TextareaField
          label="Rationale"
          name={fields.rationale.name}
          errors={fields.rationale.errors}
          hint="One paragraph: what the evidence shows and why it leads to this verdict. Readers see it with the verdict."
          textareaProps={{ ...getTextareaProps(fields.rationale), rows: 5 }}
        />
        <DraftNotice draft={draft} what="of the verdict" />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Sending…' : ACTION_LABELS.propose}
        </Button>
      </Form>
    </Step>
  )
}

function ApproveForm({ version, reply, owner }: Shared) {
  const pending = usePending('approve')
  const draft = useStepDraft(owner, 'approve', ['note'], reply)
  const [form, fields] = useForm({
    id: 'workflow-approve',
    lastResult: replyFor(reply, 'approve'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: approveSchema }),
  })
  return (
    <Step
      title="Approve the verdict"
      description="The verdict becomes final: it counts towards the article's credibility and can be exported."
    >
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Hidden intent="approve" version={version} />
        <FormError errors={form.errors} title="Not approved" />
        <TextareaField
          label="Approval note (optional)"
          name={fields.note.name}
          errors={fields.note.errors}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
        />
        <DraftNotice draft={draft} what="of the approval" />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Approving…' : ACTION_LABELS.approve}
        </Button>
      </Form>
    </Step>
  )
}

function NoteForm({
  intent,
  version,
  reply,
  owner,
  title,
  description,
  label,
  hint,
  failed,
  pendingLabel,
}: Shared & {
  intent: 'return' | 'reopen'
  title: string
  description: string
  label: string
  hint: string
  failed: string
  pendingLabel: string
}) {
  const pending = usePending(intent)
  const draft = useStepDraft(owner, intent, ['note'], reply)
  const [form, fields] = useForm({
    id: `workflow-${intent}`,
    lastResult: replyFor(reply, intent),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: intent === 'return' ? returnSchema : reopenSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Step title={title} description={description}>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Hidden intent={intent} version={version} />
        <FormError errors={form.errors} title={failed} />
        <TextareaField
          label={label}
          name={fields.note.name}
          errors={fields.note.errors}
          hint={hint}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 3 }}
        />
        <DraftNotice draft={draft} what={intent === 'return' ? 'of the return note' : 'of the reopening note'} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? pendingLabel : ACTION_LABELS[intent]}
        </Button>
      </Form>
    </Step>
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
      {actions.includes('return') ? (
        <NoteForm
          {...shared}
          intent="return"
          title="Return to research"
          description="Sends the claim back to the fact-checker with your note; the proposed verdict stays as their draft."
          label="Note to the fact-checker"
          hint="Required: what should they check again or add?"
          failed="Not returned"
          pendingLabel="Returning…"
        />
      ) : null}
      {actions.includes('reopen') ? (
        <NoteForm
          {...shared}
          intent="reopen"
          title="Reopen this claim"
          description="Withdraws the approval and puts the claim back to unreviewed. The verdict and rationale stay as a draft for the next proposal."
          label="Why reopen it?"
          hint="Required: new evidence, a correction, a complaint…"
          failed="Not reopened"
          pendingLabel="Reopening…"
        />
      ) : null}
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
