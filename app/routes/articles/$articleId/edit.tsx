import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import { articleVersion, draftOf, getArticleForEdit, updateArticle } from '~/articles/articles.server'
import { claimsNoun } from '~/articles/format'
import { ARTICLE_FORM_LIMITS, readForm } from '~/utils/form.server'
import { articleEditSchema } from '~/articles/schemas'
import { canEditArticle } from '~/auth/permissions'
import { forbidden, requirePermission } from '~/auth/session.server'
import { ArticleDetailsCard, ArticleFormFooter, ArticleTextCard } from '~/components/article-fields'
import { FormError } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { redirectWithToast } from '~/utils/toast.server'
import { RouteError } from '~/components/route-error'
import type { Route } from './+types/edit'
import { invariantResponse } from '~/utils/invariant'

// On an error the ErrorBoundary names the page.
export const meta: Route.MetaFunction = ({ error, data }) =>
  error ? [] : [{ title: data ? `Edit “${data.article.title}” · Factdesk` : 'Edit article · Factdesk' }]

/** The article, once the user may edit it at all: 404 when it does not exist, 403 when it is not theirs. */
async function editableArticle(request: Request, articleId: string | undefined) {
  const user = await requirePermission(request, 'article:edit')
  const article = articleId ? await getArticleForEdit(articleId) : null
  invariantResponse(article, 'There is no such article. It may have been removed.', { status: 404 })
  const decision = canEditArticle(user, {
    createdById: article.createdById,
    hasClaims: false,
    changesBody: false,
  })
  if (!decision.ok) forbidden(decision.reason)
  return { user, article }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { article } = await editableArticle(request, params.articleId)
  return {
    article: { id: article.id, ...draftOf(article) },
    version: articleVersion(article),
    claimCount: article.claimCount,
    bodyLocked: article.bodyLocked,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, article } = await editableArticle(request, params.articleId)
  const read = await readForm(request, ARTICLE_FORM_LIMITS)
  if (!read.ok) {
    return data<{ result: SubmissionResult }>(
      { result: { status: 'error', error: { '': [read.message] } } },
      { status: read.status },
    )
  }
  const submission = parseWithZod(read.formData, { schema: articleEditSchema({ bodyLocked: article.bodyLocked }) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  const outcome = await updateArticle(user, article.id, submission.value)
  if (!outcome.ok) {
    invariantResponse(outcome.status !== 404, outcome.message, { status: 404 })
    if (outcome.status === 403) forbidden(outcome.message)
    const errors = outcome.field
      ? { fieldErrors: { [outcome.field]: [outcome.message] } }
      : { formErrors: [outcome.message] }
    return data({ result: submission.reply(errors) }, { status: outcome.status })
  }
  return redirectWithToast(`/articles/${article.id}`, { kind: 'success', message: 'Article saved.' })
}

export default function EditArticle({ loaderData, actionData }: Route.ComponentProps) {
  const { article, version, claimCount, bodyLocked } = loaderData
  const navigation = useNavigation()
  const schema = articleEditSchema({ bodyLocked })
  const [form, fields] = useForm({
    id: `edit-article-${article.id}`,
    lastResult: actionData?.result,
    defaultValue: { ...article, seenUpdatedAt: version },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const saving = navigation.state === 'submitting'
  const lockNote = `The body is locked because claims quote it; ${claimCount} ${claimsNoun(claimCount)} ${claimCount === 1 ? 'points' : 'point'} into this text. You can still change the title, outlet, author, web address and date.`

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Edit article"
        breadcrumbs={[
          { to: '/articles', label: 'Articles' },
          { to: `/articles/${article.id}`, label: article.title },
        ]}
      />
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <input {...getInputProps(fields.seenUpdatedAt, { type: 'hidden' })} />
        <FormError errors={form.errors} title="The article could not be saved" />

        <ArticleDetailsCard fields={fields} withUrl />
        <ArticleTextCard
          body={fields.body}
          hint={
            bodyLocked
              ? lockNote
              : 'Plain text, exactly as published. It can change until the first claim is marked in it.'
          }
          lockedText={bodyLocked ? article.body : undefined}
        />
        <ArticleFormFooter
          cancelTo={`/articles/${article.id}`}
          saveLabel="Save changes"
          saving={saving}
          disabled={saving}
        />
      </Form>
    </div>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />
}
