import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useRef } from 'react'
import { data, Form, useNavigation } from 'react-router'
import { createArticle, draftFromFile, draftFromUrl } from '~/articles/articles.server'
import { ARTICLE_FORM_LIMITS, readForm } from '~/utils/form.server'
import {
  articleIntakeSchema,
  intakeIntent,
  UPLOAD_EXTENSIONS,
  withIntakeIntent,
  type IntakeIntent,
} from '~/articles/schemas'
import { requirePermission } from '~/auth/session.server'
import { ArticleDetailsCard, ArticleFormFooter, ArticleTextCard } from '~/components/article-fields'
import { ConformField } from '~/components/ui/conform-fields'
import { Button } from '~/components/ui/button'
import { Card, CardHeader } from '~/components/ui/card'
import { cx } from '~/components/ui/cx'
import { CONTROL, FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { redirectWithToast } from '~/utils/toast.server'
import type { Route } from './+types/new'

export const meta: Route.MetaFunction = () => [{ title: 'Add an article · Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'article:create')
  return null
}

type IntakeReply = {
  result: SubmissionResult
  /** A new key remounts the form, so values read from a page or a file replace what the fields show. */
  formKey: string
  notice: string | null
}

const TYPED = 'typed'

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'article:create')
  const read = await readForm(request, ARTICLE_FORM_LIMITS)
  if (!read.ok) {
    return data<IntakeReply>(
      { result: { status: 'error', error: { '': [read.message] } }, formKey: TYPED, notice: null },
      { status: read.status },
    )
  }
  const submission = parseWithZod(withIntakeIntent(read.formData), { schema: articleIntakeSchema })
  if (submission.status !== 'success') {
    return data<IntakeReply>({ result: submission.reply(), formKey: TYPED, notice: null }, { status: 400 })
  }

  const { value } = submission
  if (value.intent === 'save') {
    const { intent: _intent, ...article } = value
    const { id } = await createArticle(user.id, article)
    return redirectWithToast(`/articles/${id}`, {
      kind: 'success',
      message: 'Article added. Next, mark the claims to check.',
    })
  }

  const outcome =
    value.intent === 'import'
      ? await draftFromUrl(value.url, submission.payload)
      : await draftFromFile(value.file, submission.payload)
  if (!outcome.ok) {
    return data<IntakeReply>(
      {
        result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }),
        formKey: TYPED,
        notice: null,
      },
      { status: 400 },
    )
  }
  const reply = submission.reply(outcome.bodyError ? { fieldErrors: { body: [outcome.bodyError] } } : {})
  return data<IntakeReply>({
    result: { ...reply, initialValue: outcome.draft },
    formKey: crypto.randomUUID(),
    notice: outcome.notice,
  })
}

export default function NewArticle({ actionData }: Route.ComponentProps) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Add an article"
        description="Import it from its web address, read it from a file, or paste the text. You can check everything before it is saved."
        breadcrumbs={[{ to: '/articles', label: 'Articles' }]}
      />
      <IntakeForm
        key={actionData?.formKey ?? 'new'}
        lastResult={actionData?.result}
        notice={actionData?.notice ?? null}
      />
    </div>
  )
}

function IntakeForm({ lastResult, notice }: { lastResult: SubmissionResult | undefined; notice: string | null }) {
  const navigation = useNavigation()
  const importButton = useRef<HTMLButtonElement>(null)
  // Fields re-check as the reporter types against the button they last pressed: after a failed
  // import only the address matters, not the title a save would need.
  const lastIntent = useRef<IntakeIntent>(lastResult?.initialValue?.intent === 'import' ? 'import' : 'save')
  const [form, fields] = useForm({
    id: 'new-article',
    lastResult,
    onValidate: ({ formData, submitter }) => {
      // Conform revalidates through a submitter of its own, so only our buttons count as a choice.
      if (submitter?.name === 'intent') lastIntent.current = intakeIntent(formData)
      else formData.set('intent', lastIntent.current)
      return parseWithZod(withIntakeIntent(formData), { schema: articleIntakeSchema })
    },
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const pending = navigation.state === 'submitting' && navigation.formData ? intakeIntent(navigation.formData) : null

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      {/* The form's default button: Enter in a text field saves, although Import comes first on the page. */}
      <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="sr-only">
        Save article
      </button>
      <FormError errors={form.errors} title="The article could not be added" />
      {notice ? (
        <div
          role="status"
          className="rounded-md border border-blue-200 border-l-4 border-l-brand bg-blue-50 px-4 py-3 text-sm text-blue-900"
        >
          {notice}
        </div>
      ) : null}

      <Card>
        <CardHeader
          title="Start from a link or a file"
          description="Optional: the form below is filled in for you to check. Or skip this and paste the text."
        />
        <div className="space-y-5">
          <ConformField
            label="Web address"
            field={fields.url}
            type="url"
            hint="Where the article was published. Import fetches the page and reads its title, byline, date and text."
          >
            {(input) => (
              <div className="flex flex-col gap-2 sm:flex-row">
                <input
                  {...input}
                  placeholder="https://"
                  className={cx(CONTROL, 'min-w-0 flex-1')}
                  onKeyDown={(event) => {
                    // Enter in the address field means "import this", not "save".
                    if (event.key === 'Enter' && importButton.current) {
                      event.preventDefault()
                      event.currentTarget.form?.requestSubmit(importButton.current)
                    }
                  }}
                />
                <Button
                  ref={importButton}
                  type="submit"
                  name="intent"
                  value="import"
                  variant="secondary"
                  disabled={pending !== null}
                >
                  {pending === 'import' ? 'Importing…' : 'Import from URL'}
                </Button>
              </div>
            )}
          </ConformField>

          <ConformField label="File" field={fields.file} type="file" hint=".txt, .md or .html, up to 2 MB.">
            {(input) => (
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                <input
                  {...input}
                  accept={[...UPLOAD_EXTENSIONS, 'text/plain', 'text/markdown', 'text/html'].join(',')}
                  className="block min-w-0 flex-1 text-sm text-ink-muted file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-paper-line file:bg-paper file:px-3 file:py-2 file:text-sm file:font-medium file:text-ink file:shadow-sm hover:file:bg-paper-sunk"
                />
                <Button type="submit" name="intent" value="upload" variant="secondary" disabled={pending !== null}>
                  {pending === 'upload' ? 'Reading…' : 'Read file'}
                </Button>
              </div>
            )}
          </ConformField>
        </div>
      </Card>

      <ArticleDetailsCard fields={fields} />
      <ArticleTextCard
        body={fields.body}
        hint="Plain text, exactly as published. Claims quote this text, so it cannot change once claims are marked in it."
      />
      <ArticleFormFooter
        cancelTo="/articles"
        intent="save"
        saveLabel="Save article"
        saving={pending === 'save'}
        disabled={pending !== null}
      />
    </Form>
  )
}
