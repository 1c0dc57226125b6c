// Request-wide rules that every route shares, resource routes included: refuse cross-site form posts
// (CSRF) before any action runs, and put the security headers on every response.
import { data } from 'react-router'
import { getEnv } from './env.server'
import { applySecurityHeaders } from './security-headers.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type RequestLike = { method: string; url: string; headers: { get(name: string): string | null } }

/** Null when the request may change state, otherwise the reason it may not. */
export function crossSiteReason(request: RequestLike): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null
  const allowed = new Set([new URL(request.url).origin, new URL(getEnv().APP_ORIGIN).origin])
  const origin = request.headers.get('Origin')
  if (origin) return allowed.has(origin) ? null : `a form from ${origin} may not change anything here`
  // Browsers send Origin on every cross-site POST; without it, fall back on Fetch Metadata and the Referer.
  const site = request.headers.get('Sec-Fetch-Site')
  if (site && site !== 'same-origin' && site !== 'none') return 'a form from another site may not change anything here'
  const referer = request.headers.get('Referer')
  if (referer) {
    try {
      if (!allowed.has(new URL(referer).origin)) return 'a form from another site may not change anything here'
    } catch {
      return 'the request came from an unknown page'
    }
  }
  return null
}

export function refuseCrossSiteRequest(request: Request) {
  const reason = crossSiteReason(request)
  if (reason) throw data({ message: `Refused: ${reason}.` }, { status: 403 })
}

export function withSecurityHeaders(response: Response) {
  applySecurityHeaders(response.headers, { https: new URL(getEnv().APP_ORIGIN).protocol === 'https:' })
  return response
}
