import { queueFor, type QueueName } from '~/claims/queue.server'
import { requirePermission } from '~/auth/session.server'
import { ClaimQueue } from '~/components/claim-queue'
import { PageHeader } from '~/components/ui/page-header'
import type { Route } from './+types/queue'
import { pageUrl } from '~/utils/page-url'

export const meta: Route.MetaFunction = () => [{ title: 'Queue · Factdesk' }]

const LISTS: readonly QueueName[] = ['mine', 'review', 'returned']

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'claim:view')
  const params = pageUrl(request).searchParams
  const after = Object.fromEntries(LISTS.map((name) => [name, params.get(name)?.slice(0, 200) ?? null])) as Record<
    QueueName,
    string | null
  >
  const queue = await queueFor(user, after)
  return { ...queue, after }
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

export default function Queue({ loaderData }: Route.ComponentProps) {
  const { mine, review, returned, after } = loaderData
  const pages = (list: QueueName, nextAfter: string | null) => ({
    firstHref: after[list] ? hrefWith(after, list, null) : null,
    nextHref: nextAfter ? hrefWith(after, list, nextAfter) : null,
  })
  const assigned = (
    <ClaimQueue
      id="mine"
      title="Assigned to me"
      description="Open claims you hold: overdue first, then by due date, then those without one."
      count={mine.count}
      items={mine.items}
      {...pages('mine', mine.nextAfter)}
      empty="Nothing is assigned to you."
    />
  )
  const sentBack = (
    <ClaimQueue
      id="returned"
      title="Returned to me"
      description="Claims an editor sent back to research that you hold or proposed."
      count={returned.count}
      items={returned.items}
      {...pages('returned', returned.nextAfter)}
      empty="Nothing has been returned to you."
      extra={(item) =>
        item.returned ? (
          <div className="mt-2 rounded border-l-4 border-status-research bg-amber-50 px-3 py-1.5 text-sm text-ink">
            <p className="text-xs text-ink-muted">
              Returned by {item.returned.by}, {item.returned.at}
            </p>
            {item.returned.note ? <p className="whitespace-pre-wrap">{item.returned.note}</p> : null}
          </div>
        ) : null
      }
    />
  )
  return (
    <div>
      <PageHeader
        title="Queue"
        description={
          review
            ? 'Your work: claims assigned to you, claims sent back to you, and verdicts waiting for your review.'
            : 'Your work: claims assigned to you and claims an editor sent back to you.'
        }
      />
      {/* Editors get a third list, so theirs sits beside the two that every checker has. */}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {review ? (
          <>
            <div className="min-w-0 space-y-6">
              {assigned}
              {sentBack}
            </div>
            <div className="min-w-0">
              <ClaimQueue
                id="review"
                title="Waiting for my review"
                description="Proposed verdicts to approve or return, longest waiting first. Your own proposals go to another editor."
                count={review.count}
                items={review.items}
                {...pages('review', review.nextAfter)}
                empty="No verdict is waiting for your review."
                extra={(item) =>
                  item.proposedBy ? (
                    <p className="mt-1 text-sm text-ink-muted">
                      Proposed by {item.proposedBy}
                      {item.proposedAt ? `, ${item.proposedAt}` : ''}
                    </p>
                  ) : null
                }
              />
            </div>
          </>
        ) : (
          <>
            <div className="min-w-0">{assigned}</div>
            <div className="min-w-0">{sentBack}</div>
          </>
        )}
      </div>
    </div>
  )
}
