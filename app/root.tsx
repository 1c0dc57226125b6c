import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import './app.css'
import { isApiPath } from './api/http-edge'
import { can, type Permission, ROLE_LABELS } from './auth/permissions'
import { getUnreadTally, getUser } from './auth/session.server'
import { HeaderSearch } from './components/header-search'
import { PublicNotFound } from './components/public-report'
import { LiveEventsProvider } from './components/live-events'
import {
  NotificationBell,
  notificationsLabel,
  type UnreadTally,
  UnreadCount,
  useUnreadNotifications,
} from './components/notification-bell'
import { RouteError } from './components/route-error'
import { useClientLinks } from './components/ui/client-links'
import { useFocusOnResult } from './components/ui/focus-result'
import { Toast } from './components/ui/toast'
import { isPublicPath } from './reports/paths'
import { outageResponse } from './utils/database-outage.server'
import { pageUrl } from './utils/page-url'
import { useNonce } from './utils/nonce'
import { refuseCrossSiteRequest, withSecurityHeaders } from './utils/request-guard.server'
import { readToast } from './utils/toast.server'

export const links: Route.LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }]

// Runs for every request, resource routes included, before any loader or action.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request }, next) => {
    // The API reads a bearer token, never the session cookie, and refuses every write itself (in JSON).
    if (!isApiPath(new URL(request.url).pathname)) refuseCrossSiteRequest(request)
    return withSecurityHeaders(outageResponse(request, (await next()) as Response))
  },
]

export async function loader({ request }: Route.LoaderArgs) {
  // A reader's page is the same for everyone and may be cached: no session is read and no cookie is set.
  if (isPublicPath(pageUrl(request).pathname)) return data({ user: null, toast: null })
  const [user, unreadNotifications, { toast, headers }] = await Promise.all([
    getUser(request),
    getUnreadTally(request),
    readToast(request),
  ])
  return data(
    {
      user: user && {
        name: user.name,
        email: user.email,
        roleLabel: ROLE_LABELS[user.role],
        unreadNotifications: unreadNotifications ?? { unread: 0, countedAt: '' },
        navigation: NAVIGATION.filter((item) => can(user.role, item.permission)).map(({ to, label }) => ({
          to,
          label,
        })),
      },
      toast,
    },
    { headers },
  )
}

const NAVIGATION: Array<{ to: string; label: string; permission: Permission }> = [
  { to: '/articles', label: 'Articles', permission: 'article:view' },
  { to: '/queue', label: 'Queue', permission: 'claim:view' },
  { to: '/dashboard', label: 'Dashboard', permission: 'dashboard:view' },
  { to: '/sources', label: 'Sources', permission: 'source:view' },
  { to: '/export', label: 'Export', permission: 'export:run' },
  { to: '/fact-checks', label: 'Fact-checks', permission: 'source:rate' },
  { to: '/admin/users', label: 'Admin', permission: 'user:manage' },
  { to: '/admin/sign-ins', label: 'Sign-ins', permission: 'user:manage' },
  { to: '/admin/webhooks', label: 'Webhooks', permission: 'settings:edit' },
]

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Shell({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root')
  const user = rootData?.user ?? null
  const { pathname } = useLocation()
  const header = useClientLinks<HTMLElement>()
  useFocusOnResult()
  // Marks the page as interactive once React has taken it over (error pages too), for tools and tests that
  // must not type into a field React is about to hydrate. Effects run children first, so every route's
  // listeners are attached by then.
  useEffect(() => {
    document.documentElement.dataset.hydrated = ''
  }, [])
  return (
    <LiveEventsProvider enabled={Boolean(user)}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-paper focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header ref={header} className="border-b border-paper-line bg-paper">
        <div className="mx-auto flex max-w-7xl items-center gap-x-4 gap-y-2 px-4 py-3 sm:gap-x-6">
          <a
            href="/"
            className="flex shrink-0 items-center gap-2 text-lg font-semibold text-ink no-underline hover:no-underline"
          >
            <span
              aria-hidden
              className="inline-flex size-7 items-center justify-center rounded bg-brand text-sm font-bold text-white"
            >
              F
            </span>
            {/* On a phone the search box needs the room; the name stays for screen readers. */}
            <span className={user ? 'sr-only sm:not-sr-only' : undefined}>Factdesk</span>
          </a>
          {user ? (
            <nav aria-label="Main" className="-mx-1 hidden min-w-0 flex-1 basis-0 gap-1 sm:flex sm:flex-wrap">
              {user.navigation.map((item) => (
                <a
                  key={item.to}
                  href={item.to}
                  className="nav-link"
                  aria-current={isCurrent(pathname, item.to) ? 'page' : undefined}
                >
                  {item.label}
                </a>
              ))}
            </nav>
          ) : null}
          {user ? <HeaderSearch className="flex-1 sm:w-40 sm:flex-none lg:w-52 xl:w-64" /> : null}
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
            {user ? (
              <>
                <NotificationBell
                  unread={user.unreadNotifications}
                  className="hidden items-center gap-1 sm:inline-flex"
                />
                <a
                  href="/account"
                  className="min-w-0 truncate text-ink no-underline hover:underline"
                  aria-label={`Your account: ${user.name}, ${user.roleLabel}`}
                >
                  <span className="hidden font-medium sm:inline">{user.name}</span>{' '}
                  <span
                    data-testid="current-role"
                    className="whitespace-nowrap rounded-full border border-paper-line bg-paper-sunk px-2 py-0.5 text-xs text-ink-muted"
                  >
                    {user.roleLabel}
                  </span>
                </a>
                {/* A plain form: signing out loads the login page afresh, keeping nothing of the session in the page. */}
                <form method="post" action="/logout" className="hidden sm:block">
                  <button
                    type="submit"
                    className="rounded px-2 py-1 text-sm text-ink-muted hover:bg-paper-sunk hover:text-ink"
                  >
                    Sign out
                  </button>
                </form>
                <PhoneMenu navigation={user.navigation} unread={user.unreadNotifications} />
              </>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
        <Toast toast={rootData?.toast} />
      </main>
    </LiveEventsProvider>
  )
}

/**
 * The navigation on a phone: a disclosure (<details>), so it opens without JavaScript and by keyboard.
 * With JavaScript it closes after a navigation and on Escape.
 */
function PhoneMenu({
  navigation,
  unread: loaded,
}: {
  navigation: Array<{ to: string; label: string }>
  unread: UnreadTally
}) {
  const { unread } = useUnreadNotifications(loaded)
  const menu = useRef<HTMLDetailsElement>(null)
  const location = useLocation()
  useEffect(() => {
    if (menu.current) menu.current.open = false
  }, [location.pathname, location.search])
  function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !menu.current?.open) return
    menu.current.open = false
    menu.current.querySelector('summary')?.focus()
  }
  return (
    // Escape closing an open disclosure is the keyboard behaviour people expect of a menu.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <details ref={menu} onKeyDown={closeOnEscape} className="relative sm:hidden">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-paper-line px-2.5 py-1.5 text-sm font-medium text-ink hover:bg-paper-sunk [&::-webkit-details-marker]:hidden">
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
        >
          <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
        </svg>
        Menu
        <UnreadCount unread={unread} />
        {unread > 0 ? <span className="sr-only">, {unread} unread notifications</span> : null}
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-56 rounded-md border border-paper-line bg-paper p-1.5 shadow-lg">
        <nav aria-label="Main">
          <ul>
            {navigation.map((item) => (
              <li key={item.to}>
                <a
                  href={item.to}
                  className="menu-link"
                  aria-current={isCurrent(location.pathname, item.to) ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-1.5 border-t border-paper-line pt-1.5">
          <a
            href="/notifications"
            aria-label={notificationsLabel(unread)}
            aria-current={isCurrent(location.pathname, '/notifications') ? 'page' : undefined}
            className="menu-link flex items-center justify-between font-normal"
          >
            Notifications <UnreadCount unread={unread} />
          </a>
          <a
            href="/account"
            className="menu-link font-normal"
            aria-current={isCurrent(location.pathname, '/account') ? 'page' : undefined}
          >
            Your account
          </a>
          <form method="post" action="/logout">
            <button
              type="submit"
              className="block w-full rounded px-3 py-2 text-left text-sm text-ink hover:bg-paper-sunk"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </details>
  )
}

/**
 * Whether a navigation entry is the page's section, as a <NavLink> would say: its own address or one under it.
 * The header's links are plain <a>s navigated on the client by one listener (useClientLinks): every
 * signed-in page draws a dozen of them, and a router link costs the server several hooks each.
 */
function isCurrent(pathname: string, to: string) {
  return pathname === to || pathname.startsWith(`${to}/`)
}

export default function App() {
  // Readers' pages draw their own masthead: the desk's navigation and search are not theirs.
  if (isPublicPath(useLocation().pathname)) return <Outlet />
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isPublicPath(useLocation().pathname)) return <PublicNotFound error={error} />
  return (
    <Shell>
      <RouteError error={error} />
    </Shell>
  )
}
