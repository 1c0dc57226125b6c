// Public pages are the same for every reader, so browsers and shared caches may keep them: each answer
// carries a weak ETag of what the page shows (weak, because every render writes a new script nonce), and
// a request that names it gets 304 with no body.
import crypto from 'node:crypto'

/** Readers see a change within a minute; a cache may serve the old page for five more while it checks. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300'

// A new build can change how the same data is drawn, so a cached page from the last one is not reused.
const BUILD_MARK = process.env.FACTDESK_BUILD_ID ?? String(Date.now())

export function weakEtag(content: string): string {
  const hash = crypto.createHash('sha256').update(BUILD_MARK).update('\0').update(content).digest('base64url')
  return `W/"${hash.slice(0, 27)}"`
}

/** The headers of a public answer whose content is `content` (the page's data, serialised). */
export function publicCacheHeaders(content: string): Record<string, string> {
  return { ETag: weakEtag(content), 'Cache-Control': PUBLIC_CACHE_CONTROL }
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored on both sides; `*` matches. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

/**
 * The 304 for a GET or HEAD that already holds this page, or the response itself. The 304 names only
 * the validator and caching headers: headers it carried would replace the cached page's, and the page's
 * Content-Security-Policy names the nonce its own scripts were written with.
 */
export function notModifiedIfFresh(request: Request, response: Response): Response {
  const method = request.method.toUpperCase()
  const etag = response.headers.get('ETag')
  if ((method !== 'GET' && method !== 'HEAD') || response.status !== 200 || !etag) return response
  if (!etagMatches(request.headers.get('If-None-Match'), etag)) return response
  void response.body?.cancel()
  const headers = new Headers({ ETag: etag })
  for (const name of ['Cache-Control', 'Vary', 'Last-Modified']) {
    const value = response.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(null, { status: 304, headers })
}
