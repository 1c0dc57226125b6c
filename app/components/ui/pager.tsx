// The foot of a paged list: back to its first page on the left, on to the next on the right.
// Lists page by keyset, so there is no "page 3 of 9", only where to go from here.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ButtonLink } from './button'
import { cx } from './cx'

export type PagerProps = {
  /** Names the navigation landmark: "Pages of users". */
  label: string
  /** Where the first page is, when this is not it. */
  first: string | null
  /** Where the next page is, when there is one. */
  next: string | null
  firstLabel?: string
  nextLabel?: string
  /** `buttons` for a page that is the list; `links` (the default) for a list inside a card or a page. */
  look?: 'links' | 'buttons'
  /** For a list further down a page, so that turning its page keeps the reader where they are. */
  preventScrollReset?: boolean
  className?: string
}

export function Pager({
  label,
  first,
  next,
  firstLabel = 'First page',
  nextLabel = 'Next page',
  look = 'links',
  preventScrollReset,
  className,
}: PagerProps) {
  return (
    <nav aria-label={label} className={cx('flex flex-wrap items-center justify-between gap-2 text-sm', className)}>
      {first ? (
        <PagerLink to={first} look={look} preventScrollReset={preventScrollReset}>
          <Arrow look={look}>←</Arrow> {firstLabel}
        </PagerLink>
      ) : (
        <span />
      )}
      {next ? (
        <PagerLink to={next} look={look} preventScrollReset={preventScrollReset}>
          {nextLabel} <Arrow look={look}>→</Arrow>
        </PagerLink>
      ) : null}
    </nav>
  )
}

function PagerLink({
  look,
  ...props
}: {
  to: string
  look: 'links' | 'buttons'
  preventScrollReset?: boolean
  children: ReactNode
}) {
  return look === 'buttons' ? <ButtonLink variant="secondary" {...props} /> : <Link {...props} />
}

/** A button says where it goes in words, so its arrow is decoration; a text link keeps the arrow in its name. */
function Arrow({ look, children }: { look: 'links' | 'buttons'; children: string }) {
  return look === 'buttons' ? <span aria-hidden="true">{children}</span> : children
}

/** `path` with the params that have a value as its query: `/sources?q=bbc&after=…`, or `/sources` alone. */
export function pageHref(path: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
  const query = search.toString()
  return query ? `${path}?${query}` : path
}
