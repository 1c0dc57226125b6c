import { Form, Link } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import {
  claimListHref,
  describeClaimList,
  hasListFilters,
  STATUS_FILTERS,
  type StatusFilter,
} from '~/claims/claim-list-query'
import { claimListPage } from '~/claims/queue.server'
import { VERDICTS } from '~/claims/verdicts'
import { STATUS_LABELS } from '~/claims/workflow'
import { ClaimQueue } from '~/components/claim-queue'
import { ApplyFilter } from '~/components/dashboard-filters'
import { Card } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { pageUrl } from '~/utils/page-url'
import type { Route } from './+types/index'

export const meta: Route.MetaFunction = () => [{ title: 'Claims · Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:view')
  return claimListPage(pageUrl(request).searchParams, user)
}

const STATUS_OPTIONS = STATUS_FILTERS.map((status: StatusFilter) => ({
  value: status,
  label: status === 'open' ? 'Open (not approved)' : STATUS_LABELS[status],
}))
const VERDICT_OPTIONS = VERDICTS.map((info) => ({ value: info.verdict, label: info.label }))
const INPUTS = [
  { name: 'q', label: 'Words', type: 'search', placeholder: 'In the claim or claimant', autoComplete: 'off' },
  { name: 'tag', label: 'Tag', type: 'search', placeholder: 'Any tag', autoComplete: 'off' },
  { name: 'from', label: 'Added from', type: 'date' },
  { name: 'to', label: 'to', type: 'date' },
] as const

export default function Claims({ loaderData }: Route.ComponentProps) {
  const { query, errors, list, article, person } = loaderData
  const filtered = hasListFilters(query)
  const summary = describeClaimList(query, { articleTitle: article?.title, personName: person?.name })
  const assignees = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Nobody' },
    ...(person && query.assignee !== 'me' ? [{ value: person.id, label: person.name }] : []),
  ]
  const selects = [
    { name: 'status', label: 'Status', placeholder: 'Any status', options: STATUS_OPTIONS },
    { name: 'verdict', label: 'Verdict', placeholder: 'Any verdict', options: VERDICT_OPTIONS },
    { name: 'assignee', label: 'Assigned to', placeholder: 'Anyone or nobody', options: assignees },
  ] as const
  const error = (name: keyof typeof errors) => (errors[name] ? [errors[name]] : undefined)
  return (
    <div className="space-y-6">
      <PageHeader
        title="Claims"
        description="Every claim on the desk, newest first. Narrow the list below; its address keeps the filters, so it can be shared."
      />
      <Card as="section" aria-labelledby="claim-filter-title" className="p-3 sm:p-4">
        <h2 id="claim-filter-title" className="sr-only">
          Filter the claims
        </h2>
        {/* Keyed on the query, so the fields follow the address after a link or the back button. */}
        <Form
          key={JSON.stringify(query)}
          method="get"
          action="/claims"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
        >
          {selects.map((select) => (
            <SelectField
              key={select.name}
              {...select}
              errors={error(select.name)}
              selectProps={{ defaultValue: query[select.name] ?? '' }}
            />
          ))}
          {INPUTS.map(({ name, label, ...input }) => (
            <Field
              key={name}
              label={label}
              name={name}
              errors={error(name)}
              inputProps={{ ...input, defaultValue: query[name] ?? '' }}
            />
          ))}
          {query.article ? <input type="hidden" name="article" value={query.article} /> : null}
          {query.due ? <input type="hidden" name="due" value={query.due} /> : null}
          <ApplyFilter clear={filtered ? { to: '/claims', label: 'Clear filters' } : null} />
        </Form>
        <p className="mt-3 text-sm text-ink-muted" role="status">
          <span className="font-medium text-ink">{summary}.</span>
          {errors.article ? ` ${errors.article}` : null}
          {errors.due ? ` ${errors.due}` : null}
        </p>
      </Card>
      <ClaimQueue
        id="claims"
        title={filtered ? 'Matching claims' : 'All claims'}
        description="Newest first. Open a claim to work on it."
        count={list.count}
        countCapped={list.countCapped}
        items={list.items}
        firstHref={query.after ? claimListHref({ ...query, after: null }) : null}
        nextHref={list.nextAfter ? claimListHref({ ...query, after: list.nextAfter }) : null}
        empty={filtered ? 'No claims match these filters.' : 'There are no claims yet.'}
        emptyHint={
          filtered ? (
            <>
              Try another status or a wider date range, or <Link to="/claims">list every claim</Link>.
            </>
          ) : (
            'Claims appear here once someone marks them in an article.'
          )
        }
        showAssignee
      />
    </div>
  )
}
