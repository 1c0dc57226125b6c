// The evidence on a claim, grouped by what it says about the claim (supports, refutes, context),
// with the form to cite another page and a Detach button while the evidence may still change.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useRef } from 'react'
import { Form, useNavigation } from 'react-router'
import type { Reliability, SourceKind, Stance } from '~/generated/prisma/enums'
import { STANCE_LABELS } from '~/claims/verdicts'
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '~/sources/labels'
import type { ClaimPageData } from '~/claims/claim-page.server'
import { draftKey } from '~/claims/drafts'
import { attachSourceSchema } from '~/sources/schemas'
import { hostOf } from '~/utils/host-of'
import type { DraftOwner, FormReply } from './claim-transition-forms'
import { DraftNotice, useFormDraft } from './form-draft'
import { SourceReliabilityBadge } from './source-reliability-badge'
import { Button } from './ui/button'
import { ConformField, ConformSelectField, ConformTextareaField } from './ui/conform-fields'
import { FormError } from './ui/field'

export type ClaimSourceView = {
  id: string
  url: string
  title: string
  publisher: string
  kind: SourceKind
  kindLabel: string
  publishedAt: string | null
  archivedUrl: string | null
  reliability: Reliability
  stance: Stance
  excerpt: string
  note: string
  addedBy: string
}

export type SourceGroupView = { stance: Stance; label: string; sources: ClaimSourceView[] }

const STANCE_STYLES: Record<Stance, string> = {
  SUPPORTS: 'border-l-green-600',
  REFUTES: 'border-l-red-600',
  CONTEXT: 'border-l-gray-400',
}

function SourceItem({ source, canDetach, version }: { source: ClaimSourceView; canDetach: boolean; version: number }) {
  const navigation = useNavigation()
  const detaching =
    navigation.state === 'submitting' &&
    navigation.formData?.get('intent') === 'detach-source' &&
    navigation.formData.get('sourceId') === source.id
  const meta = [source.publisher, source.kindLabel, source.publishedAt ? `published ${source.publishedAt}` : null]
    .filter(Boolean)
    .join(' · ')
  return (
    <li className={`rounded-md border border-paper-line border-l-4 ${STANCE_STYLES[source.stance]} bg-paper p-3`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <a href={source.url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium break-words">
            {source.title}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
          <p className="text-xs break-all text-ink-muted">{hostOf(source.url)}</p>
        </div>
        <SourceReliabilityBadge reliability={source.reliability} />
      </div>
      {meta ? <p className="mt-1 text-sm text-ink-muted">{meta}</p> : null}
      {source.excerpt ? (
        <blockquote className="mt-2 border-l-2 border-paper-line pl-3 font-serif text-sm whitespace-pre-wrap text-ink italic">
          “{source.excerpt}”
        </blockquote>
      ) : null}
      {source.note ? (
        <p className="mt-2 text-sm whitespace-pre-wrap text-ink">
          <span className="font-medium">Note: </span>
          {source.note}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-ink-muted">
        <span>
          Added by {source.addedBy}
          {source.archivedUrl ? (
            <>
              {' · '}
              <a href={source.archivedUrl} target="_blank" rel="noopener noreferrer nofollow">
                Archived copy<span className="sr-only"> of {source.title} (opens in a new tab)</span>
              </a>
            </>
          ) : null}
        </span>
        {canDetach ? (
          <Form method="post">
            <input type="hidden" name="intent" value="detach-source" />
            <input type="hidden" name="sourceId" value={source.id} />
            <input key={version} type="hidden" name="version" defaultValue={version} />
            <Button type="submit" size="sm" variant="ghost" disabled={detaching} aria-label={`Detach ${source.title}`}>
              {detaching ? 'Detaching…' : 'Detach'}
            </Button>
          </Form>
        ) : null}
      </div>
    </li>
  )
}

const KIND_OPTIONS = SOURCE_KINDS.map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind] }))
const STANCE_OPTIONS = (Object.keys(STANCE_LABELS) as Stance[]).map((stance) => ({
  value: stance,
  label: STANCE_LABELS[stance],
}))

const SOURCE_FIELDS = [
  'url',
  'title',
  'publisher',
  'kind',
  'publishedAt',
  'stance',
  'archivedUrl',
  'excerpt',
  'note',
] as const

function AttachSourceForm({ version, reply, owner }: { version: number; reply: FormReply; owner: DraftOwner }) {
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'attach-source'
  const lastResult = reply?.intent === 'attach-source' ? (reply.result ?? undefined) : undefined
  const disclosure = useRef<HTMLDetailsElement>(null)
  const draft = useFormDraft({
    storageKey: draftKey(owner.userId, owner.claimId, 'attach-source'),
    formId: 'attach-source',
    fields: SOURCE_FIELDS,
    isMine: (formData) => formData.get('intent') === 'attach-source',
    refused: reply?.intent === 'attach-source',
    // The attached source shows in its group; the form folds away until the next one.
    onSent: () => {
      if (disclosure.current) disclosure.current.open = false
    },
  })
  const [form, fields] = useForm({
    id: 'attach-source',
    lastResult,
    defaultValue: { kind: 'OTHER' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: attachSourceSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    // Open by default when there is nothing yet, or when the last attempt needs the user's attention.
    <details
      ref={disclosure}
      className="group rounded-md border border-paper-line bg-paper-sunk"
      open={lastResult || draft.restored ? true : undefined}
    >
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-brand">Attach a source</summary>
      <Form method="post" {...getFormProps(form)} className="space-y-4 border-t border-paper-line bg-paper p-3 sm:p-4">
        <input type="hidden" name="intent" value="attach-source" />
        <input key={version} type="hidden" name="version" defaultValue={version} />
        <FormError errors={form.errors} title="The source was not attached" />
        <ConformField
          label="Address (URL)"
          field={fields.url}
          hint="Tracking parameters and #fragments are removed; a page already in the library is reused."
          type="url"
          autoComplete="off"
          placeholder="https://"
        />
        <ConformField label="Title" field={fields.title} />
        <div className="grid gap-4 sm:grid-cols-2">
          <ConformField label="Publisher" field={fields.publisher} />
          <ConformSelectField label="Kind" field={fields.kind} options={KIND_OPTIONS} />
          <ConformField label="Publication date" field={fields.publishedAt} type="date" />
          <ConformSelectField
            label="Stance"
            field={fields.stance}
            hint="What this source says about the claim."
            options={STANCE_OPTIONS}
            placeholder="Choose…"
          />
        </div>
        <ConformField
          label="Archived copy (URL)"
          field={fields.archivedUrl}
          hint="Optional: a snapshot (e.g. on web.archive.org) in case the page changes or disappears."
          type="url"
          autoComplete="off"
        />
        <ConformTextareaField
          label="Excerpt"
          field={fields.excerpt}
          hint="Optional: the passage that matters, quoted exactly."
          textareaProps={{ rows: 3 }}
        />
        <ConformTextareaField
          label="Note"
          field={fields.note}
          hint="Optional: how this source bears on the claim."
          textareaProps={{ rows: 2 }}
        />
        <DraftNotice draft={draft} what="of the source" />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Attaching…' : 'Attach source'}
        </Button>
      </Form>
    </details>
  )
}

export type ClaimSourcesProps = {
  /** What the claim page loaded: the sources by stance, the claim's version, whether they may change. */
  page: Pick<ClaimPageData, 'sourceGroups' | 'sourceCount' | 'access'> & {
    claim: Pick<ClaimPageData['claim'], 'version'>
  }
  reply: FormReply
  owner: DraftOwner
  /** A message about detaching (the forms without fields of their own). */
  detachError: string | null
}

export function ClaimSources({ page, reply, owner, detachError }: ClaimSourcesProps) {
  const { sourceGroups: groups, sourceCount: count, access } = page
  const { version } = page.claim
  const canChange = access.canChangeSources
  const frozenReason = access.sourcesFrozen
  return (
    <div className="space-y-4">
      <FormError errors={detachError ?? undefined} title="The source was not detached" />
      {count === 0 ? (
        <p className="text-sm text-ink-muted">
          No sources yet. A verdict needs at least one, unless the statement is not a factual claim.
        </p>
      ) : (
        groups
          .filter((group) => group.sources.length > 0)
          .map((group) => (
            <section key={group.stance} aria-labelledby={`stance-${group.stance}`}>
              <h3 id={`stance-${group.stance}`} className="mb-2 text-sm font-semibold text-ink">
                {group.label} <span className="font-normal text-ink-muted">({group.sources.length})</span>
              </h3>
              <ul className="space-y-2">
                {group.sources.map((source) => (
                  <SourceItem key={source.id} source={source} canDetach={canChange} version={version} />
                ))}
              </ul>
            </section>
          ))
      )}
      {canChange ? <AttachSourceForm version={version} reply={reply} owner={owner} /> : null}
      {!canChange && frozenReason ? <p className="text-sm text-ink-muted">{frozenReason}</p> : null}
    </div>
  )
}
