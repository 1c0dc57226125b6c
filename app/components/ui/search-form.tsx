import { Form, Link } from 'react-router'
import { Button } from './button'
import { cx } from './cx'
import { CONTROL } from './field'

export type SearchFormProps = {
  /** The search box's id, for its label and for a link that jumps to it. */
  id: string
  /** What the search looks at: "Search by title or outlet". */
  label: string
  /** The words searched for now, kept in the box; a "Clear search" link shows while there are any. */
  q: string
  /** The list without a search. */
  clearTo: string
  maxLength: number
  className?: string
}

/** A list's search box: a GET form, so a search is a link that can be shared and works without JavaScript. */
export function SearchForm({ id, label, q, clearTo, maxLength, className }: SearchFormProps) {
  return (
    <Form method="get" role="search" className={cx('mb-4 max-w-xl space-y-1.5', className)}>
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="block text-sm font-medium text-ink">
          {label}
        </label>
        {q ? (
          <Link to={clearTo} className="text-sm">
            Clear search
          </Link>
        ) : null}
      </div>
      <div className="flex gap-2">
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={q}
          maxLength={maxLength}
          className={cx(CONTROL, 'min-w-0 flex-1')}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </div>
    </Form>
  )
}
