import type { ReactNode } from 'react'
import { queueFor, type QueueList, type QueueName } from '~/claims/queue.server'
import { requirePermission } from '~/auth/session.server'
import { ClaimQueue, type ClaimQueueProps, type QueueItemView } from '~/components/claim-queue'
import { PageHeader } from '~/components/ui/page-header'
import type { Route } from './+types/queue'
import { pageUrl } from '~/utils/page-url'

export const meta: Route.MetaFunction = () => [{ title: 'Queue · Factdesk' }]

const LISTS: readonly QueueName[] = ['mine', 'returned', 'review', 'grabs']

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:view')
  const params = pageUrl(request).searchParams
  const after = Object.fromEntries(LISTS.map((name) => [name, params.get(name)?.slice(0, 200) ?? null])) as Record<
    QueueName,
    string | null
  >
  const queue = await queueFor(user, after)
  return {
    mine: shown('mine', queue.mine),
    returned: shown('returned', queue.returned),
    review: queue.review && shown('review', queue.review),
    grabs: queue.grabs && shown('grabs', queue.grabs),
    after,
    userId: user.id,
  }
}

/**
 * A list with only what this page shows of each claim: the proposer on reviews, the return note on
 * returns, and nobody's name (every list here is one person's), since each row is sent as HTML and as data.
 */
function shown(name: QueueName, list: QueueList) {
  const items = list.items.map(
    ({ id, text, status, verdict, version, article, due, proposedBy, proposedAt, returned }) => ({
      id,
      text,
      status,
      verdict,
      version,
      article,
      due,
      ...(name === 'review' ? { proposedBy, proposedAt } : {}),
      ...(name === 'returned' ? { returned } : {}),
    }),
  )
  return { ...list, items }
}

/** This page with one list moved to `cursor` (null: its first page) and the others where they are. */
function hrefWith(after: Record<QueueName, string | null>, list: QueueName, cursor: string | null) {
  const params = new URLSearchParams()
  for (const name of LISTS) {
    const value = name === list ? cursor : after[name]
    if (value) params.set(name, value)
  }
  const query = params.toString()
  return `/queue${query ? `?${query}` : ''}#${list}`
}

type ListCopy = Pick<ClaimQueueProps, 'title' | 'description' | 'empty' | 'emptyHint' | 'extra'>

const COPY: Record<QueueName, ListCopy> = {
  mine: {
    title: 'Assigned to me',
    description: 'Open claims you hold: overdue first, then by due date, then those without one.',
    empty: 'Nothing is assigned to you.',
  },
  returned: {
    title: 'Returned to me',
    description: 'Claims an editor sent back to research that you hold or proposed.',
    empty: 'Nothing has been returned to you.',
    extra: (item: QueueItemView) =>
      item.returned ? (
        <div className="mt-2 rounded border-l-4 border-status-research bg-amber-50 px-3 py-1.5 text-sm text-ink">
          <p className="text-xs text-ink-muted">
            Returned by {item.returned.by}, {item.returned.at}
          </p>
          {item.returned.note ? <p className="whitespace-pre-wrap">{item.returned.note}</p> : null}
        </div>
      ) : null,
  },
  review: {
    title: 'Waiting for my review',
    description:
      'Proposed verdicts to approve or return, longest waiting first. Your own proposals go to another editor.',
    empty: 'No verdict is waiting for your review.',
    extra: (item: QueueItemView) =>
      item.proposedBy ? (
        <p className="mt-1 text-sm text-ink-muted">
          Proposed by {item.proposedBy}
          {item.proposedAt ? `, ${item.proposedAt}` : ''}
        </p>
      ) : null,
  },
  grabs: {
    title: 'Up for grabs',
    description: 'Open claims nobody holds yet, the longest waiting first. Take one to make it yours.',
    empty: 'Every open claim has someone on it.',
    emptyHint: 'New claims land here until someone takes them.',
  },
}

export default function Queue({ loaderData }: Route.ComponentProps) {
  const { after, userId } = loaderData
  const list = (name: QueueName, items: ReturnType<typeof shown> | null): ReactNode =>
    items ? (
      <ClaimQueue
        key={name}
        id={name}
        {...COPY[name]}
        count={items.count}
        countCapped={items.countCapped}
        items={items.items}
        firstHref={after[name] ? hrefWith(after, name, null) : null}
        nextHref={items.nextAfter ? hrefWith(after, name, items.nextAfter) : null}
        takeAs={name === 'grabs' ? userId : undefined}
      />
    ) : null
  // A person's own work on the left; what they could pick up (reviews, unheld claims) on the right.
  const own = [list('mine', loaderData.mine), list('returned', loaderData.returned)]
  const open = [list('review', loaderData.review), list('grabs', loaderData.grabs)].filter(Boolean)
  const columns = open.length > 0 ? [own, open] : own.map((section) => [section])
  return (
    <div>
      <PageHeader
        title="Queue"
        description={
          open.length > 0
            ? `Your work: claims assigned to you and claims sent back to you, beside ${loaderData.review ? 'verdicts waiting for your review and ' : ''}open claims nobody holds yet.`
            : 'Your work: claims assigned to you and claims an editor sent back to you.'
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {columns.map((sections, index) => (
          <div key={index} className="min-w-0 space-y-6">
            {sections}
          </div>
        ))}
      </div>
    </div>
  )
}
