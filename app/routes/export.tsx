import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef, type FormEvent } from 'react'
import { data, Form, useLocation, useNavigation, useRevalidator, useSubmit } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { VERDICTS } from '~/claims/verdicts'
import { ExportDownload, ExportDownloadBar, type ExportSelection } from '~/components/export-download'
import { ExportHistory } from '~/components/export-history'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { ConformField, type ConformFieldMeta } from '~/components/ui/conform-fields'
import { CONTROL, ErrorList, Field } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { articleChoices, countClaimsForExport, listExports } from '~/exports/exports.server'
import { describeFilters, EXPORT_CHOICE_INFO, filterFields, toExportFilters } from '~/exports/filters'
import { exportQuerySchema, withExportDefaults } from '~/exports/schemas'
import { parseQuery } from '~/utils/form.server'
import type { Route } from './+types/export'
import { pageUrl } from '~/utils/page-url'

export const meta: Route.MetaFunction = () => [{ title: 'Export · Factdesk' }]

const HISTORY_PARAM = 'exportsBefore'

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'export:run')
  const url = pageUrl(request)
  const submission = parseQuery(withExportDefaults(url.searchParams), exportQuerySchema)
  const value = submission.status === 'success' ? submission.value : null
  const [articles, history] = await Promise.all([
    articleChoices({ search: value?.articleSearch, selectedId: value?.article }),
    listExports({ before: url.searchParams.get(HISTORY_PARAM) }),
  ])
  const historyPage = { ...history, isFirstPage: !url.searchParams.get(HISTORY_PARAM) }
  // What the form shows: the choice as read, so a shared link opens with its filters ticked.
  const params = url.searchParams
  const values = {
    scope: value?.scope ?? params.get('scope') ?? 'approved',
    format: value?.format ?? params.get('format') ?? 'csv',
    article: params.get('article') ?? '',
    articleSearch: params.get('articleSearch') ?? '',
    verdict: params.getAll('verdict'),
    claimant: params.get('claimant') ?? '',
    tag: params.get('tag') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  }

  if (!value || (value.article && !articles.selected)) {
    const result = value
      ? submission.reply({ fieldErrors: { article: ['There is no article with this id. Choose one from the list.'] } })
      : submission.reply()
    return data({ result, values, selection: null, articles, history: historyPage }, { status: 400 })
  }

  const info = EXPORT_CHOICE_INFO[value.format]
  const filters = toExportFilters(value)
  const count = await countClaimsForExport(filters, info.format)
  const selection: ExportSelection = {
    count,
    description: describeFilters({ ...filters, articleTitle: articles.selected?.title }, info.format),
    formatLabel: info.label,
    action: info.path,
    fields: [...filterFields(filters), ...(info.bom ? ([['bom', 'on']] as const) : [])],
  }
  // A reply without errors, so errors shown for an earlier choice clear once it is corrected.
  return { result: submission.reply(), values, selection, articles, history: historyPage }
}

const VERDICT_OPTIONS = VERDICTS.map((info) => ({ value: info.verdict, label: info.label }))

const SCOPE_CHOICES = {
  approved: { label: 'Approved claims', hint: 'Findings an editor has signed off. The usual choice.' },
  any: { label: 'Any status', hint: 'Also claims still unreviewed, in research or waiting for review.' },
}

/** A choice made with radio buttons, each a card that says what choosing it means. */
function ChoiceFieldset({
  legend,
  field,
  choices,
}: {
  legend: string
  field: ConformFieldMeta
  /** Each choice's label and what it means, in the order they are offered. */
  choices: Readonly<Record<string, { label: string; hint: string }>>
}) {
  const radios = getCollectionProps(field, { type: 'radio', options: Object.keys(choices) })
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {radios.map(({ key, ...radio }) => (
          <label
            key={key}
            className="flex cursor-pointer items-start gap-2.5 rounded-md border border-paper-line p-3 has-checked:border-brand has-checked:bg-brand-soft"
          >
            <input {...radio} className="mt-0.5 size-4 shrink-0 accent-brand" />
            <span className="text-sm">
              <span className="block font-medium text-ink">{choices[radio.value]?.label}</span>
              <span className="block text-ink-muted">{choices[radio.value]?.hint}</span>
            </span>
          </label>
        ))}
      </div>
      <ErrorList errors={field.errors} />
    </fieldset>
  )
}

function hrefWith(search: string, changes: Record<string, string | null>) {
  const params = new URLSearchParams(search)
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key)
    else params.set(key, value)
  }
  const query = params.toString()
  return query ? `/export?${query}` : '/export'
}

export default function ExportPage({ loaderData }: Route.ComponentProps) {
  const { result, values, selection, articles, history } = loaderData
  const navigation = useNavigation()
  const submit = useSubmit()
  const revalidator = useRevalidator()
  const counting = navigation.state === 'loading' && navigation.location.pathname === '/export'
  const { search } = useLocation()

  const [form, fields] = useForm({
    id: 'export-filters',
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: exportQuerySchema }),
    shouldValidate: 'onBlur',
    defaultValue: values,
  })

  // With JavaScript the count follows the form as it changes; without, the Count button does it.
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  function recount(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget
    const target = event.target as HTMLInputElement
    window.clearTimeout(timer.current)
    const typing = target.type === 'text' || target.type === 'search'
    timer.current = window.setTimeout(
      () => {
        const params = new URLSearchParams()
        for (const [name, value] of new FormData(formElement)) {
          if (typeof value === 'string' && value.trim() !== '') params.append(name, value)
        }
        submit(params, { method: 'get', action: '/export', replace: true, preventScrollReset: true })
      },
      typing ? 450 : 0,
    )
  }

  // The new export is recorded before the file starts streaming: refresh the history to show it.
  function downloaded() {
    window.setTimeout(() => revalidator.revalidate(), 1500)
  }
  // The download panel beside the form on a wide screen, and the bar below it on a narrow one.
  const download = { selection, counting, onDownload: downloaded }

  const verdictBoxes = getCollectionProps(fields.verdict, {
    type: 'checkbox',
    options: VERDICT_OPTIONS.map((o) => o.value),
  })

  return (
    <div className="space-y-8">
      <PageHeader
        title="Export claims"
        description="Download the desk’s findings as a spreadsheet, as JSON, or as schema.org ClaimReview for search engines. Choose what to include; the count shows what the file will hold before you download it."
      />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          <Card>
            <Form
              method="get"
              action="/export"
              {...getFormProps(form)}
              onChange={recount}
              preventScrollReset
              replace
              className="space-y-6"
              aria-label="What to export"
            >
              <ChoiceFieldset legend="Claims" field={fields.scope} choices={SCOPE_CHOICES} />

              <div className="grid gap-4 sm:grid-cols-2">
                <div className="space-y-2 sm:col-span-2">
                  <Field
                    label="Article"
                    name={fields.article.name}
                    errors={fields.article.errors}
                    hint={
                      articles.more
                        ? 'Showing the 200 most recent articles that match. Search by title, or paste an article’s id.'
                        : undefined
                    }
                  >
                    {(control) => (
                      <select {...getSelectProps(fields.article)} {...control} className={CONTROL}>
                        <option value="">All articles</option>
                        {articles.articles.map((article) => (
                          <option key={article.id} value={article.id}>
                            {article.title}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <div className="flex gap-2">
                    <label htmlFor="export-article-search" className="sr-only">
                      Find an article by title or id
                    </label>
                    <input
                      {...getInputProps(fields.articleSearch, { type: 'search' })}
                      id="export-article-search"
                      placeholder="Search articles"
                      className={`${CONTROL} min-w-0 flex-1`}
                    />
                    <Button type="submit" variant="secondary">
                      Find
                    </Button>
                  </div>
                  <ErrorList errors={fields.articleSearch.errors} />
                </div>

                <fieldset className="space-y-2 sm:col-span-2" aria-describedby="export-verdict-hint">
                  <legend className="text-sm font-medium text-ink">Verdicts</legend>
                  <p id="export-verdict-hint" className="text-sm text-ink-muted">
                    Tick none to include every verdict.
                  </p>
                  <div className="grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-4">
                    {verdictBoxes.map((box) => (
                      <label key={box.key} className="flex cursor-pointer items-center gap-2 text-sm text-ink">
                        <input {...box} className="size-4 shrink-0 accent-brand" />
                        {VERDICT_OPTIONS.find((option) => option.value === box.value)?.label}
                      </label>
                    ))}
                  </div>
                  <ErrorList errors={fields.verdict.errors} />
                </fieldset>

                <ConformField label="Claimant contains" field={fields.claimant} placeholder="e.g. Zelensky" />
                <ConformField label="Tag" field={fields.tag} placeholder="e.g. prisoners" />

                <fieldset className="space-y-2 sm:col-span-2">
                  <legend className="text-sm font-medium text-ink">Approved between</legend>
                  <p className="text-sm text-ink-muted">
                    Dates in UTC, both included. Claims that are not approved have no approval date.
                  </p>
                  <div className="grid grid-cols-2 gap-4">
                    <ConformField label="From" field={fields.from} type="date" />
                    <ConformField label="To" field={fields.to} type="date" />
                  </div>
                </fieldset>
              </div>

              <ChoiceFieldset legend="Format" field={fields.format} choices={EXPORT_CHOICE_INFO} />

              <div className="flex flex-wrap items-center gap-3 border-t border-paper-line pt-4">
                <Button type="submit" variant="secondary">
                  Count claims
                </Button>
                <p className="text-sm text-ink-muted">Nothing is downloaded until you press Download.</p>
              </div>
            </Form>
          </Card>
          <ExportDownloadBar {...download} className="mt-4 lg:hidden" />
        </div>

        <ExportDownload {...download} className="hidden lg:sticky lg:top-4 lg:block" />
      </div>

      <section aria-labelledby="export-history-heading" className="space-y-3">
        <h2 id="export-history-heading" className="text-lg font-semibold text-ink">
          Past exports
        </h2>
        <ExportHistory
          items={history.items}
          newerHref={history.isFirstPage ? null : hrefWith(search, { [HISTORY_PARAM]: null })}
          olderHref={history.nextBefore ? hrefWith(search, { [HISTORY_PARAM]: history.nextBefore }) : null}
        />
      </section>
    </div>
  )
}
