// Where a sign-in may send a person afterwards. The check runs on what the URL parser makes of the target
// (the path a browser would follow), not on the raw string: "/.//evil.example" normalises to "//evil.example".
const BASE = 'http://factdesk.invalid'

// Control characters are dropped or rewritten by URL parsers, and browsers read "\" as "/".
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\\]/
// An encoded "/" or "\" in the path is a separator to any proxy or framework that decodes before routing.
const ENCODED_SEPARATOR = /%(2f|5c)/i
// React Router's data requests end in ".data"; following one shows raw JSON instead of the page.
const DATA_SUFFIX = '.data'

/** Longer targets are not a page of this desk; refusing them keeps the Location header small. */
export const MAX_REDIRECT_LENGTH = 2000

/** A path on this site that the target points at, or the fallback when the target could lead anywhere else. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof target !== 'string' || target.length > MAX_REDIRECT_LENGTH) return fallback
  if (!target.startsWith('/') || UNSAFE_CHARACTER.test(target)) return fallback
  let url: URL
  try {
    url = new URL(target, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE || ENCODED_SEPARATOR.test(url.pathname)) return fallback
  let pathname = url.pathname
  if (pathname.endsWith(DATA_SUFFIX)) {
    while (pathname.endsWith(DATA_SUFFIX)) pathname = pathname.slice(0, -DATA_SUFFIX.length)
    if (pathname === '' || pathname === '/_root') pathname = '/'
    url.searchParams.delete('_routes')
  }
  const path = `${pathname}${url.search}${url.hash}`
  return isSameSitePath(path) ? path : fallback
}

/** True when a browser on any page of this site, following the path as a Location header, stays on the site. */
function isSameSitePath(path: string) {
  if (!path.startsWith('/') || path.startsWith('//') || UNSAFE_CHARACTER.test(path)) return false
  return new URL(path, BASE).origin === BASE && !new URL(path, BASE).pathname.endsWith(DATA_SUFFIX)
}
