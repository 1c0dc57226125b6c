import { isRouteErrorResponse } from 'react-router'

/** Titles for the other refusals a route can end in; each page's message says what to do. */
const TITLES: Record<number, string> = {
  400: 'The request could not be read',
  405: 'Not possible at this address',
  413: 'Too much to send at once',
  429: 'Too many attempts',
}

/**
 * The error page a route shows when its loader or action fails: the status, a title, the message the route
 * gave (a 404 or 403 says what was missing or refused) and a way back. The root and the routes share it.
 */
export function RouteError({ error }: { error: unknown }) {
  let title = 'Something went wrong'
  let message = 'The page could not be shown. Try again in a moment; if it keeps happening, tell an admin.'
  let status = 500
  let stack: string | undefined
  if (isRouteErrorResponse(error)) {
    status = error.status
    const detail =
      typeof error.data === 'object' && error.data && 'message' in error.data ? String(error.data.message) : undefined
    if (error.status === 404) {
      title = 'Page not found'
      message = detail ?? 'There is no page at this address. It may have been moved or deleted.'
    } else if (error.status === 403) {
      title = 'Not allowed'
      message = detail ?? 'Your role does not allow this. Ask an editor or an admin if you need it.'
    } else if (error.status === 503) {
      title = 'The database is not answering'
      message = detail ?? 'Nothing was lost. Try again in a moment; the page will work as soon as the database is back.'
    } else if (error.status in TITLES) {
      title = TITLES[error.status]!
      message = detail ?? message
    } else if (detail) {
      message = detail
    }
  } else if (import.meta.env.DEV && error instanceof Error) {
    stack = error.stack
  }
  return (
    <>
      {/* The failed route's meta gives no title (the root has none), so the error page names itself. */}
      <title>{`${title} · Factdesk`}</title>
      <section className="mx-auto max-w-xl rounded-lg border border-paper-line bg-paper p-8 text-center shadow-sm">
        <p className="text-sm font-semibold text-ink-muted">Error {status}</p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        <p className="mt-3 text-ink-muted">{message}</p>
        <p className="mt-6">
          <a href="/">Back to the desk</a>
        </p>
        {stack ? <pre className="mt-6 overflow-x-auto text-left text-xs">{stack}</pre> : null}
      </section>
    </>
  )
}
