// The header's bell: a link to /notifications that says how many are unread, in words for screen
// readers and as a number beside the bell. It counts up as notifications arrive on the live stream.
import { useEffect, useState } from 'react'
import { useLocation } from 'react-router'
import { useLiveEvent } from './live-events'
import { cx } from './ui/cx'

/** An unread figure and when the database counted it (ISO time, so strings compare in time order). */
export type UnreadTally = { unread: number; countedAt: string }

function newer(current: UnreadTally, next: UnreadTally) {
  return next.countedAt >= current.countedAt ? next : current
}

/**
 * The unread figure, from page loads and from live notifications, whichever was counted last: a load
 * that started before a notification arrived never takes the bell back down.
 */
export function useUnreadNotifications(loaded: UnreadTally) {
  const [tally, setTally] = useState(loaded)
  const [latest, setLatest] = useState('')
  useEffect(() => setTally((current) => newer(current, loaded)), [loaded])
  useLiveEvent('notification', (data: { unread?: number; countedAt?: string; body?: string }) => {
    if (typeof data.unread === 'number' && data.countedAt) {
      setTally((current) => newer(current, { unread: data.unread!, countedAt: data.countedAt! }))
    }
    if (data.body) setLatest(`New notification: ${data.body}`)
  })
  return { unread: tally.unread, latest }
}

export function notificationsLabel(unread: number) {
  return unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`
}

/** The count beside the bell or the phone's menu; the words are in the link's name. */
export function UnreadCount({ unread }: { unread: number }) {
  return unread > 0 ? (
    <span aria-hidden="true" className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
      {unread > 99 ? '99+' : unread}
    </span>
  ) : null
}

/** On a phone the bell's place is the menu (see PhoneNotifications); from `sm` up it sits in the header. */
export function NotificationBell({ unread: loaded, className }: { unread: UnreadTally; className?: string }) {
  const { unread, latest } = useUnreadNotifications(loaded)
  const label = notificationsLabel(unread)
  const current = useLocation().pathname === '/notifications'
  return (
    <>
      {/* A plain link: the header navigates its links on the client (useClientLinks in root.tsx). */}
      <a
        href="/notifications"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        aria-current={current ? 'page' : undefined}
        className={cx(
          className,
          'relative shrink-0 items-center gap-1 rounded-md px-2 py-1.5 text-sm text-ink-muted no-underline hover:bg-paper-sunk hover:no-underline',
          current && 'bg-brand-soft text-brand-dark',
        )}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        >
          <path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11L4 11Z" />
          <path d="M6.5 14a1.5 1.5 0 0 0 3 0" />
        </svg>
        <UnreadCount unread={unread} />
      </a>
      <span className="sr-only" aria-live="polite">
        {latest}
      </span>
    </>
  )
}
