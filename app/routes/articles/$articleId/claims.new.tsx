import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { createClaim, newClaimContext } from '~/claims/claims.server'
import { newClaimSchema } from '~/claims/schemas'
import { ClaimDetailsFields } from '~/components/claim-fields'
import { claimHref } from '~/components/claim-href'
import { Button, ButtonLink } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { ConformTextareaField } from '~/components/ui/conform-fields'
import { ErrorList, FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { redirectWithToast } from '~/utils/toast.server'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/claims.new'
import { parseForm } from '~/utils/form.server'
import { pageUrl } from '~/utils/page-url'
import { invariantResponse } from '~/utils/invariant'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error }) => (error ? [] : [{ title: 'Add a claim · Factdesk' }])

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, 'claim:create')
  const search = pageUrl(request).searchParams
  const context = await newClaimContext(params.articleId, { start: search.get('start'), end: search.get('end') })
  invariantResponse(context, 'There is no article at this address. It may have been removed.', { status: 404 })
  return context
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, 'claim:create')
  const submission = await parseForm(request, newClaimSchema)
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), occurrences: null }, { status: 400 })
  }
  const outcome = await createClaim(user, params.articleId, submission.value)
  if (!outcome.ok) {
    invariantResponse(outcome.status !== 404, outcome.message, { status: 404 })
    const errors = outcome.field
      ? { fieldErrors: { [outcome.field]: [outcome.message] } }
      : { formErrors: [outcome.message] }
    const occurrences = outcome.occurrences ? { quote: submission.value.quote.trim(), list: outcome.occurrences } : null
    return data({ result: submission.reply(errors), occurrences }, { status: outcome.status })
  }
  // The new claim opens in the panel, so what the desk has checked before is in view at once.
  return redirectWithToast(`${claimHref(params.articleId, outcome.claim.id)}#quote-${outcome.claim.id}`, {
    kind: 'success',
    message: 'Claim added.',
  })
}

export default function NewClaim({ loaderData, actionData }: Route.ComponentProps) {
  const { article, selection, selectionProblem } = loaderData
  const navigation = useNavigation()
  const articlePath = `/articles/${article.id}`
  const [form, fields] = useForm({
    id: selection ? `new-claim-${selection.startOffset}-${selection.endOffset}` : 'new-claim-typed',
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newClaimSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const occurrences = actionData?.occurrences
  const submitting = navigation.state === 'submitting'

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        breadcrumbs={[
          { to: '/articles', label: 'Articles' },
          { to: articlePath, label: article.title },
        ]}
        title="Add a claim"
        description="Mark a statement in the article as a claim to check."
      />
      <Card className="sm:p-6">
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <FormError errors={form.errors} />
          {selectionProblem ? <FormError errors={selectionProblem} title="The selection could not be used" /> : null}

          {selection ? (
            <div className="space-y-1.5">
              <input type="hidden" name="quote" value={selection.quote} />
              <input type="hidden" name="startOffset" value={selection.startOffset} />
              <input type="hidden" name="endOffset" value={selection.endOffset} />
              <p className="text-sm font-medium text-ink" id="quote-label">
                Quote, from your selection
              </p>
              <blockquote
                aria-labelledby="quote-label"
                className="rounded-md border border-paper-line border-l-4 border-l-brand bg-paper-sunk px-4 py-3 font-serif leading-relaxed text-ink-muted"
              >
                {selection.before}
                <mark className="rounded-sm bg-brand-soft px-0.5 text-ink">{selection.quote}</mark>
                {selection.after}
              </blockquote>
              <ErrorList id="quote-error" errors={fields.quote.errors} />
              <p className="text-sm text-ink-muted">
                The quote is fixed to this place in the article. <Link to={articlePath}>Select again</Link> or{' '}
                <Link to={`${articlePath}/claims/new`}>type the quote instead</Link>.
              </p>
            </div>
          ) : (
            <ConformTextareaField
              label="Quote"
              field={fields.quote}
              hint="Copy the words as they appear in the article. Straight or curly quotes, any kind of dash and extra spaces all match."
              textareaProps={{ rows: 3, className: 'font-serif', autoFocus: !actionData }}
            />
          )}

          {occurrences && occurrences.list.length > 1 ? (
            <fieldset
              className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4"
              aria-describedby="occurrence-error"
            >
              <legend className="px-1 text-sm font-semibold text-ink">Which occurrence?</legend>
              <ErrorList id="occurrence-error" errors={fields.occurrence.errors} className="text-amber-900" />
              {occurrences.list.map((occurrence) => (
                // The label's text is the occurrence's context, rendered inside it.
                // eslint-disable-next-line jsx-a11y/label-has-associated-control
                <label
                  key={occurrence.startOffset}
                  className="flex cursor-pointer items-start gap-2.5 rounded p-2 hover:bg-amber-100/60"
                >
                  <input
                    type="radio"
                    name="occurrence"
                    value={occurrence.startOffset}
                    required
                    className="mt-1 size-4 shrink-0 accent-brand"
                  />
                  <span className="text-sm">
                    <span className="font-medium text-ink">In paragraph {occurrence.paragraph}: </span>
                    <span className="font-serif text-ink-muted">
                      {occurrence.before}
                      <mark className="rounded-sm bg-amber-200 px-0.5 text-ink">{occurrence.text}</mark>
                      {occurrence.after}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}

          <ClaimDetailsFields fields={fields} />

          <div className="flex flex-wrap items-center gap-3 border-t border-paper-line pt-5">
            <Button type="submit" variant="primary" disabled={submitting}>
              {submitting ? 'Adding…' : 'Add claim'}
            </Button>
            <ButtonLink to={articlePath} variant="ghost">
              Cancel
            </ButtonLink>
          </div>
        </Form>
      </Card>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
