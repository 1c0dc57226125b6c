import { data, Form, Link } from 'react-router'
import { requireUser, safeRedirectPath } from '~/auth/session.server'
import { claimHref } from '~/components/claim-href'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { PageHeader } from '~/components/ui/page-header'
import { pageHref, Pager } from '~/components/ui/pager'
import { listNotifications, markAllRead, markRead, unreadCount } from '~/notifications/notifications.server'
import { notificationActionSchema, notificationListSchema } from '~/notifications/schemas'
import { formatDayTime } from '~/utils/dates'
import { parseForm, parseQuery } from '~/utils/form.server'
import { pagePath, pageUrl } from '~/utils/page-url'
import { redirectWithToast } from '~/utils/toast.server'
import type { Route } from './+types/notifications'

export const meta: Route.MetaFunction = () => [{ title: 'Notifications · Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const query = parseQuery(pageUrl(request), notificationListSchema)
  const after = query.status === 'success' ? query.value.after : undefined
  const [{ notifications, nextAfter }, unread] = await Promise.all([
    listNotifications(user.id, after),
    unreadCount(user.id),
  ])
  return { notifications, nextAfter, unread, paged: Boolean(after) }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  const submission = await parseForm(request, notificationActionSchema)
  if (submission.status !== 'success') {
    return data({ message: 'That action is not known. Reload the page and try again.' }, { status: 400 })
  }
  const back = safeRedirectPath(pagePath(request), '/notifications')
  if (submission.value.intent === 'read-all') {
    const count = await markAllRead(user.id)
    return redirectWithToast(back, {
      kind: 'success',
      message: count ? `Marked ${count} notification${count === 1 ? '' : 's'} read.` : 'Everything was already read.',
    })
  }
  await markRead(user.id, submission.value.notificationId)
  return redirectWithToast(back, { kind: 'success', message: 'Marked read.' })
}

export default function Notifications({ loaderData, actionData }: Route.ComponentProps) {
  const { notifications, nextAfter, unread, paged } = loaderData
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title="Notifications"
        description={unread ? `${unread} unread` : 'All read'}
        actions={
          <Form method="post">
            <Button type="submit" variant="secondary" name="intent" value="read-all" disabled={unread === 0}>
              Mark all read
            </Button>
          </Form>
        }
      />
      {actionData?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.message}
        </p>
      ) : null}
      {notifications.length === 0 ? (
        <EmptyState
          title="No notifications"
          description="You hear here when a claim is assigned or returned to you, when your verdict is approved or reopened, and when someone comments on a claim you work on."
        />
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y divide-paper-line">
            {notifications.map((notification) => {
              const unreadRow = !notification.readAt
              return (
                <li
                  key={notification.id}
                  className={`flex flex-wrap items-start gap-3 px-4 py-3 ${unreadRow ? 'bg-brand-soft/40' : ''}`}
                >
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="text-sm">
                      {unreadRow ? (
                        <Badge tone="info" className="mr-2">
                          Unread
                        </Badge>
                      ) : null}
                      <Link
                        to={claimHref(notification.articleId, notification.claimId)}
                        className={unreadRow ? 'font-medium text-ink' : 'text-ink-muted'}
                      >
                        {notification.body}
                      </Link>
                    </p>
                    <p className="text-xs text-ink-muted">{formatDayTime(notification.createdAt)}</p>
                  </div>
                  {unreadRow ? (
                    <Form method="post">
                      <input type="hidden" name="notificationId" value={notification.id} />
                      <Button
                        type="submit"
                        variant="ghost"
                        size="sm"
                        name="intent"
                        value="read"
                        aria-label={`Mark read: ${notification.body}`}
                      >
                        Mark read
                      </Button>
                    </Form>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </Card>
      )}
      <Pager
        label="Pages of notifications"
        first={paged ? '/notifications' : null}
        next={nextAfter ? pageHref('/notifications', { after: nextAfter }) : null}
        look="buttons"
      />
    </div>
  )
}
