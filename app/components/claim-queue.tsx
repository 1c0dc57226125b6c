// One list of claims: a person's work lists on /queue and the desk's filtered list on /claims. A
// heading with the count, the claims with their status, verdict, article and due date, and links to
// the first and next page of this list only. Its rows use the short classes of app.css (`.queue-items`)
// and plain links navigated on the client, as a page shows up to four lists of them.
import type { ReactNode } from 'react'
import { Form, Link } from 'react-router'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { formatCount } from '~/credibility/format'
import { DueDate, type DueView } from './claim-assignment'
import { StatusBadge } from './status-badge'
import { Button } from './ui/button'
import { Card, CardHeader, EmptyState } from './ui/card'
import { useClientLinks } from './ui/client-links'
import { VerdictBadge } from './verdict-badge'

export type QueueItemView = {
  id: string
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  version: number
  article: { id: string; title: string }
  /** Only where the list says who holds each claim (`showAssignee`). */
  assignee?: string | null
  /** Only where the list shows them (`extra`): who proposed the verdict and when, the return note. */
  proposedBy?: string | null
  proposedAt?: string | null
  due: DueView | null
  returned?: { by: string; at: string; note: string } | null
}

export type ClaimQueueProps = {
  id: string
  title: string
  description: ReactNode
  count: number
  /** There are more than `count`: the count stopped at its bound. */
  countCapped?: boolean
  items: readonly QueueItemView[]
  /** Links to the first and next page of this list (the other lists keep their place). */
  firstHref: string | null
  nextHref: string | null
  empty: string
  /** What to do about an empty list, under `empty`. */
  emptyHint?: ReactNode
  /** What each row adds under the claim (the proposer, the return note). */
  extra?: (item: QueueItemView) => ReactNode
  /** Says who holds each claim, for lists that are not one person's. */
  showAssignee?: boolean
  /** Offers each claim to this user with a "Take" button: the claim page's own assignment form. */
  takeAs?: string
}

/** Assigns the claim to `userId`, sending the version the list was drawn at, as the claim page does. */
function TakeForm({ item, userId }: { item: QueueItemView; userId: string }) {
  return (
    <Form method="post" action={`/claims/${item.id}`}>
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="assigneeId" value={userId} />
      <input type="hidden" name="version" value={item.version} />
      <Button type="submit" variant="secondary" size="sm">
        Take<span className="sr-only">{` “${item.text}”`}</span>
      </Button>
    </Form>
  )
}

export function ClaimQueue({
  id,
  title,
  description,
  count,
  countCapped,
  items,
  firstHref,
  nextHref,
  empty,
  emptyHint,
  extra,
  showAssignee,
  takeAs,
}: ClaimQueueProps) {
  const links = useClientLinks<HTMLUListElement>()
  return (
    <Card aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-24">
      <CardHeader
        title={`${title} (${formatCount(count)}${countCapped ? '+' : ''})`}
        titleId={`${id}-heading`}
        description={description}
      />
      {items.length === 0 ? (
        <EmptyState title={empty} description={emptyHint} className="py-6" />
      ) : (
        <ul ref={links} className="queue-items">
          {items.map((item) => (
            <li key={item.id}>
              <div className="queue-claim">
                <a href={`/claims/${item.id}`}>{item.text}</a>
                <p className="queue-sub">
                  In <a href={`/articles/${item.article.id}`}>{item.article.title}</a>
                </p>
                <p className="queue-due">
                  <DueDate due={item.due} />
                  {showAssignee ? (
                    <span className="text-ink-muted">{` · ${item.assignee ?? 'Nobody holds it'}`}</span>
                  ) : null}
                </p>
                {extra ? extra(item) : null}
              </div>
              <div className="queue-side">
                <span>
                  <StatusBadge status={item.status} />
                  <VerdictBadge verdict={item.verdict} status={item.status} />
                </span>
                {takeAs ? <TakeForm item={item} userId={takeAs} /> : null}
              </div>
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
