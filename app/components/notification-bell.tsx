// The header's bell: a link to /notifications that says how many are unread, in words for screen
// readers and as a number beside the bell. It counts up as notifications arrive on the live stream.
import { useEffect, useState } from 'react'
import { NavLink } from 'react-router'
import { useLiveEvent } from './live-events'
import { cx } from './ui/cx'

export function NotificationBell({ unread: loaded }: { unread: number }) {
  const [unread, setUnread] = useState(loaded)
  const [announcement, setAnnouncement] = useState('')
  // A page load (after marking read, say) brings the server's figure.
  useEffect(() => setUnread(loaded), [loaded])
  useLiveEvent('notification', (data: { unread?: number; body?: string }) => {
    setUnread((count) => (typeof data.unread === 'number' ? data.unread : count + 1))
    if (data.body) setAnnouncement(`New notification: ${data.body}`)
  })
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`
  return (
    <>
      <NavLink
        to="/notifications"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        className={({ isActive }) =>
          cx(
            'relative inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1.5 text-sm text-ink-muted no-underline hover:bg-paper-sunk hover:no-underline',
            isActive && 'bg-brand-soft text-brand-dark',
          )
        }
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
        {unread > 0 ? (
          <span aria-hidden="true" className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </NavLink>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </>
  )
}
