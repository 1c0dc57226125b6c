import type { ReactNode } from 'react'
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router'
import type { Route } from './+types/root'
import './app.css'
import { useNonce } from './utils/nonce'

export const links: Route.LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }]

export async function loader(_: Route.LoaderArgs) {
  return data({ user: null as null | { name: string; roleLabel: string } })
}

const NAVIGATION = [
  { to: '/articles', label: 'Articles' },
  { to: '/queue', label: 'Queue' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/sources', label: 'Sources' },
  { to: '/export', label: 'Export' },
  { to: '/admin/users', label: 'Admin' },
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
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-paper focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-paper-line bg-paper">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <a href="/" className="flex items-center gap-2 text-lg font-semibold text-ink no-underline hover:no-underline">
            <span aria-hidden className="inline-flex size-7 items-center justify-center rounded bg-brand text-sm font-bold text-white">
              F
            </span>
            Factdesk
          </a>
          <nav aria-label="Main" className="order-3 -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
            {NAVIGATION.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                className={({ isActive }) =>
                  `whitespace-nowrap rounded px-3 py-1.5 text-sm font-medium no-underline hover:bg-paper-sunk hover:no-underline ${
                    isActive ? 'bg-brand-soft text-brand-dark' : 'text-ink-muted'
                  }`
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            {user ? (
              <span>
                <span className="font-medium">{user.name}</span>{' '}
                <span className="rounded-full bg-paper-sunk px-2 py-0.5 text-xs text-ink-muted">{user.roleLabel}</span>
              </span>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  )
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = 'Something went wrong'
  let message = 'The page could not be shown. Try again in a moment; if it keeps happening, tell an admin.'
  let status = 500
  let stack: string | undefined
  if (isRouteErrorResponse(error)) {
    status = error.status
    const detail = typeof error.data === 'object' && error.data && 'message' in error.data ? String(error.data.message) : undefined
    if (error.status === 404) {
      title = 'Page not found'
      message = detail ?? 'There is no page at this address. It may have been moved or deleted.'
    } else if (error.status === 403) {
      title = 'Not allowed'
      message = detail ?? 'Your role does not allow this. Ask an editor or an admin if you need it.'
    } else if (error.status === 503) {
      title = 'The database is not answering'
      message = detail ?? 'Nothing was lost. Try again in a moment; the page will work as soon as the database is back.'
    } else if (detail) {
      message = detail
    }
  } else if (import.meta.env.DEV && error instanceof Error) {
    stack = error.stack
  }
  return (
    <Shell>
      <section className="mx-auto max-w-xl rounded-lg border border-paper-line bg-paper p-8 text-center shadow-sm">
        <p className="text-sm font-semibold text-ink-muted">Error {status}</p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        <p className="mt-3 text-ink-muted">{message}</p>
        <p className="mt-6">
          <a href="/">Back to the desk</a>
        </p>
        {stack ? <pre className="mt-6 overflow-x-auto text-left text-xs">{stack}</pre> : null}
      </section>
    </Shell>
  )
}
