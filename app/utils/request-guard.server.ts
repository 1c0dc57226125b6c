// Request-wide rules that every route shares, resource routes included: refuse cross-site form posts
// (CSRF) before any action runs, and put the security headers on every response.
import { getEnv } from './env.server'
import { applySecurityHeaders } from './security-headers.server'
import { invariantResponse } from './invariant'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type RequestLike = { method: string; url: string; headers: { get(name: string): string | null } }

/** Null when the request may change state, otherwise the reason it may not. */
export function crossSiteReason(request: RequestLike): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null
  const own = new URL(request.url).origin
  const origin = request.headers.get('Origin')
  if (origin)
    return origin === own
      ? null
      : (behindUntrustedProxy(origin, own) ?? `a form from ${origin} may not change anything here`)
  // Browsers send Origin on every cross-site POST; without it, fall back on Fetch Metadata and the Referer.
  const site = request.headers.get('Sec-Fetch-Site')
  if (site && site !== 'same-origin' && site !== 'none') return 'a form from another site may not change anything here'
  const referer = request.headers.get('Referer')
  if (referer) {
    let from: string
    try {
      from = new URL(referer).origin
    } catch {
      return 'the request came from an unknown page'
    }
    if (from !== own) return behindUntrustedProxy(from, own) ?? 'a form from another site may not change anything here'
  }
  return null
}

// A form from the public origin that reaches the server under another origin means a proxy (typically
// terminating HTTPS) stands in front and Express was not told to believe its X-Forwarded-* headers.
function behindUntrustedProxy(origin: string, own: string): string | null {
  const app = new URL(getEnv().APP_ORIGIN).origin
  if (origin !== app) return null
  return (
    `this form comes from ${app} but reached the server as ${own}. ` +
    'If Factdesk runs behind a proxy or load balancer (for HTTPS), set TRUST_PROXY (for example TRUST_PROXY=1) so it believes the proxy about the original address'
  )
}

export function refuseCrossSiteRequest(request: Request) {
  const reason = crossSiteReason(request)
  invariantResponse(!reason, () => `Refused: ${reason}.`, { status: 403 })
}

export function withSecurityHeaders(response: Response) {
  applySecurityHeaders(response.headers, {
    https: new URL(getEnv().APP_ORIGIN).protocol === 'https:',
    notModified: response.status === 304,
  })
  return response
}
