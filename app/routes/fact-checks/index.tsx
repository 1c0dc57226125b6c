// External fact-checks: an editor imports other organisations' ClaimReview JSON-LD (a file, or the
// address of a fact-check page or feed); the desk then offers them under "Checked before".
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { Button } from '~/components/ui/button'
import { Card, CardHeader, EmptyState } from '~/components/ui/card'
import { ConformField } from '~/components/ui/conform-fields'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { Pager } from '~/components/ui/pager'
import {
  IMPORT_PERMISSION,
  importClaimReviewFile,
  importClaimReviewUrl,
  listExternalFactChecks,
} from '~/fact-checks/fact-checks.server'
import { importFileSchema, importUrlSchema } from '~/fact-checks/schemas'
import { formatDay } from '~/utils/dates'
import { ARTICLE_FORM_LIMITS, readForm } from '~/utils/form.server'
import { pageUrl } from '~/utils/page-url'
import { redirectWithToast } from '~/utils/toast.server'
import type { Route } from './+types/index'

export const meta: Route.MetaFunction = () => [{ title: 'External fact-checks · Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, IMPORT_PERMISSION)
  const after = pageUrl(request).searchParams.get('after')
  return { ...(await listExternalFactChecks(after)), firstPage: after !== null }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, IMPORT_PERMISSION)
  const read = await readForm(request, ARTICLE_FORM_LIMITS)
  if (!read.ok) {
    return data({ intent: 'file', result: { status: 'error' as const, error: { '': [read.message] } } }, read.status)
  }
  const intent = read.formData.get('intent') === 'url' ? 'url' : 'file'
  const submission = parseWithZod(read.formData, { schema: intent === 'url' ? importUrlSchema : importFileSchema })
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, 400)
  const value = submission.value
  const outcome =
    value.intent === 'url'
      ? await importClaimReviewUrl(user.id, value.url)
      : await importClaimReviewFile(user.id, value.file)
  if (!outcome.ok) {
    return data({ intent, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) }, 400)
  }
  const parts = [
    outcome.created ? `${outcome.created} new` : null,
    outcome.updated ? `${outcome.updated} updated` : null,
  ].filter(Boolean)
  const count = outcome.created + outcome.updated
  return redirectWithToast('/fact-checks', {
    kind: 'success',
    message: `Imported ${count} ${count === 1 ? 'fact-check' : 'fact-checks'} (${parts.join(', ')}).`,
  })
}

// The two ways in, told apart by `intent`: each form keeps its own errors and what was typed.
const IMPORTS = {
  file: {
    schema: importFileSchema,
    encType: 'multipart/form-data',
    button: ['Import file', 'Importing…'],
    variant: 'primary',
    input: {
      type: 'file',
      label: 'ClaimReview file',
      hint: 'JSON-LD as publishers embed it or Google Fact Check Tools exports it: one review, a list, or a feed. Up to 2 MB.',
      accept: '.json,.jsonld,application/ld+json,application/json,.html,.htm',
    },
  },
  url: {
    schema: importUrlSchema,
    encType: 'application/x-www-form-urlencoded',
    button: ['Import from address', 'Fetching…'],
    variant: 'secondary',
    input: {
      type: 'url',
      label: 'Address of a fact-check or a feed',
      hint: 'Fetched as article imports are: only public addresses, or those on the import allow-list.',
      placeholder: 'https://',
    },
  },
} as const

function ImportForm({ intent, reply }: { intent: 'file' | 'url'; reply: Route.ComponentProps['actionData'] }) {
  const how = IMPORTS[intent]
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `import-${intent}`,
    lastResult: navigation.state === 'idle' && reply?.intent === intent ? reply.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: how.schema }),
    shouldValidate: 'onSubmit',
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <Form method="post" encType={how.encType} {...getFormProps(form)} className="space-y-3">
      <FormError errors={form.errors} title="Nothing was imported" />
      <ConformField field={fields[intent]} {...how.input} />
      <Button type="submit" name="intent" value={intent} variant={how.variant} disabled={busy}>
        {busy ? how.button[1] : how.button[0]}
      </Button>
    </Form>
  )
}

export default function ExternalFactChecks({ loaderData, actionData }: Route.ComponentProps) {
  const { reviews, total, next, firstPage } = loaderData
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="External fact-checks"
        description="Fact-checks other organisations published. They are offered under “Checked before” beside similar claims, with their publisher, and are never the desk’s own verdict."
      />
      <Card className="grid gap-6 sm:p-6 md:grid-cols-2">
        <ImportForm intent="file" reply={actionData} />
        <ImportForm intent="url" reply={actionData} />
      </Card>
      <Card>
        <CardHeader
          title={`Imported (${total})`}
          description="Importing a review again updates it: its web address identifies it."
        />
        {reviews.length === 0 ? (
          <EmptyState title="Nothing imported yet" description="Import a ClaimReview file or address above." />
        ) : (
          <ul className="divide-y divide-paper-line" aria-label="Imported fact-checks">
            {reviews.map((review) => (
              <li key={review.id} className="py-3">
                <p className="text-sm text-ink">{review.claimReviewed}</p>
                <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-ink-muted">
                  <span className="font-semibold text-ink">{review.rating}</span>
                  <span>{review.publisher}</span>
                  {review.claimant ? <span>Claimed by {review.claimant}</span> : null}
                  {review.datePublished ? <span>{formatDay(review.datePublished)}</span> : null}
                  <a href={review.url} rel="noreferrer noopener" target="_blank" className="break-all">
                    Read the fact-check<span className="sr-only"> by {review.publisher}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager
          label="Pages of imported fact-checks"
          first={firstPage ? '/fact-checks' : null}
          next={next ? `/fact-checks?after=${encodeURIComponent(next)}` : null}
          className="mt-4"
        />
      </Card>
    </div>
  )
}
