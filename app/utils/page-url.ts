// The address of the page a request is for, as the person sees it in the address bar. In client-side
// navigation React Router fetches `/dashboard.data?_routes=…` (and posts to `/?index`), and loaders and
// actions see that address: anything that compares or redirects to "this page" must start from here.

// Query parameters React Router (and Remix before it) adds to data requests; never the page's own.
const ROUTER_PARAMS = ['_routes', '_data']

/** The page's own URL: `.data` suffix, `_routes`/`_data` and the empty `index` marker removed. */
export function pageUrl(request: Request | URL | string): URL {
  const url = new URL(request instanceof Request ? request.url : request, 'http://factdesk.invalid')
  // With trailing-slash-aware data requests `/` is fetched as `/_.data` and `/a/` as `/a/_.data`.
  if (url.pathname.endsWith('/_.data')) url.pathname = url.pathname.slice(0, -'_.data'.length)
  else if (url.pathname.endsWith('.data')) url.pathname = url.pathname.slice(0, -'.data'.length) || '/'
  if (url.pathname === '/_root') url.pathname = '/'
  for (const name of ROUTER_PARAMS) url.searchParams.delete(name)
  // `?index` tells an action apart from its parent layout's; a real `index=3` filter is kept.
  if (url.searchParams.getAll('index').every((value) => value === '')) url.searchParams.delete('index')
  return url
}

/** The page's own path and query (`/admin/users?q=ann`), for redirects back to it and `redirectTo`. */
export function pagePath(request: Request | URL | string): string {
  const url = pageUrl(request)
  return `${url.pathname}${url.search}`
}
