// Narrows the dashboard to claims added between two days and/or carrying a tag. A GET form, so the
// filtered dashboard has an address that can be shared and it works without JavaScript.
import { Form, Link } from 'react-router'
import { hasFilters, type DashboardQuery, type DashboardQueryErrors } from '~/credibility/dashboard-query'
import { addedBetween } from '~/claims/claim-list-query'
import { Button } from './ui/button'
import { Card } from './ui/card'
import { cx } from './ui/cx'
import { Field } from './ui/field'

export function describeFilter(query: DashboardQuery): string | null {
  if (!hasFilters(query)) return null
  const parts: string[] = []
  if (query.tag) parts.push(`tagged “${query.tag}”`)
  const added = addedBetween(query)
  if (added) parts.push(added)
  return `Counting only claims ${parts.join(' and ')}.`
}

/** A filter form's submit button, and a link back to the unfiltered page while a filter is on. */
export function ApplyFilter({ clear, className }: { clear: { to: string; label: string } | null; className?: string }) {
  return (
    <div className={cx('flex items-center gap-3 sm:col-span-2', className)}>
      <Button type="submit" variant="primary">
        Apply
      </Button>
      {clear ? (
        <Link to={clear.to} className="text-sm">
          {clear.label}
        </Link>
      ) : null}
    </div>
  )
}

export function DashboardFilters({
  query,
  errors,
  tags,
}: {
  query: DashboardQuery
  errors: DashboardQueryErrors
  tags: string[]
}) {
  const summary = describeFilter(query)
  return (
    <Card as="section" aria-labelledby="dashboard-filter-title" className="p-3 sm:p-4">
      <h2 id="dashboard-filter-title" className="sr-only">
        Filter the dashboard
      </h2>
      <Form
        method="get"
        action="/dashboard"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,14rem))_auto] lg:items-end"
      >
        <Field
          label="Claims added from"
          name="from"
          errors={errors.from ? [errors.from] : undefined}
          inputProps={{ type: 'date', defaultValue: query.from ?? '' }}
        />
        <Field
          label="to"
          name="to"
          errors={errors.to ? [errors.to] : undefined}
          inputProps={{ type: 'date', defaultValue: query.to ?? '' }}
        />
        <Field
          label="Tag"
          name="tag"
          errors={errors.tag ? [errors.tag] : undefined}
          inputProps={{
            type: 'search',
            defaultValue: query.tag ?? '',
            list: 'dashboard-tags',
            placeholder: 'Any tag',
            autoComplete: 'off',
          }}
        />
        <datalist id="dashboard-tags">
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        {/* The table's order survives a new filter. */}
        {query.sort !== 'score' || query.dir !== 'desc' ? (
          <>
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.dir} />
          </>
        ) : null}
        <ApplyFilter clear={summary ? { to: '/dashboard', label: 'Clear filter' } : null} className="lg:col-span-1" />
      </Form>
      <p className="mt-3 text-sm text-ink-muted" role="status">
        {summary ? (
          <>
            <span className="font-medium text-ink">{summary}</span> Every figure below, scores included, covers those
            claims only.
          </>
        ) : (
          'Showing the whole desk. Dates are when a claim was added to Factdesk (UTC).'
        )}
      </p>
    </Card>
  )
}
