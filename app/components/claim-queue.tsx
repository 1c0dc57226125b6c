// One of a person's work lists on /queue: a heading with the count, the claims with their status,
// verdict, article and due date, and a link to the next page of this list only.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { DueDate, type DueView } from './claim-assignment'
import { StatusBadge } from './status-badge'
import { Card, CardHeader } from './ui/card'
import { VerdictBadge } from './verdict-badge'

export type QueueItemView = {
  id: string
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  article: { id: string; title: string }
  assignee: string | null
  proposedBy: string | null
  proposedAt: string | null
  due: DueView | null
  returned: { by: string; at: string; note: string } | null
}

export type ClaimQueueProps = {
  id: string
  title: string
  description: string
  count: number
  items: readonly QueueItemView[]
  /** Links to the first and next page of this list (the other lists keep their place). */
  firstHref: string | null
  nextHref: string | null
  empty: string
  /** What each row adds under the claim (the proposer, the return note). */
  extra?: (item: QueueItemView) => ReactNode
}

export function ClaimQueue({
  id,
  title,
  description,
  count,
  items,
  firstHref,
  nextHref,
  empty,
  extra,
}: ClaimQueueProps) {
  return (
    <Card aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-24">
      <CardHeader title={`${title} (${count})`} titleId={`${id}-heading`} description={description} />
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-paper-line px-4 py-4 text-center text-sm text-ink-muted">
          {empty}
        </p>
      ) : (
        <ul className="divide-y divide-paper-line">
          {items.map((item) => (
            <li key={item.id} className="py-3 first:pt-0 last:pb-0">
              <div className="flex flex-col gap-x-4 gap-y-1.5 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 flex-1">
                  <Link to={`/claims/${item.id}`} className="font-medium break-words">
                    {item.text}
                  </Link>
                  <p className="text-sm text-ink-muted">
                    In{' '}
                    <Link to={`/articles/${item.article.id}`} className="text-ink-muted underline">
                      {item.article.title}
                    </Link>
                  </p>
                </div>
                <div className="flex shrink-0 flex-wrap items-center gap-1.5">
                  <StatusBadge status={item.status} />
                  <VerdictBadge verdict={item.verdict} status={item.status} />
                </div>
              </div>
              <p className="mt-1 text-sm">
                <DueDate due={item.due} />
              </p>
              {extra ? extra(item) : null}
            </li>
          ))}
        </ul>
      )}
      {firstHref || nextHref ? (
        <nav
          aria-label={`Pages of ${title.toLowerCase()}`}
          className="mt-4 flex justify-between border-t border-paper-line pt-3 text-sm"
        >
          {firstHref ? <Link to={firstHref}>← First page</Link> : <span />}
          {nextHref ? <Link to={nextHref}>Next page →</Link> : null}
        </nav>
      ) : null}
    </Card>
  )
}
