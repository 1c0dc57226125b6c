// Headers every response carries; the document's Content-Security-Policy also names its script nonce.

export function contentSecurityPolicy(nonce: string, options: { development: boolean }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Inline style attributes come from React and the chart library; no inline <style> blocks are written by us.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? ' ws: wss:' : ''}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
}

export function applySecurityHeaders(headers: Headers, options: { https: boolean; notModified?: boolean }) {
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
  headers.set('X-Frame-Options', 'DENY')
  headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  // A 304 has no body; a policy on it would replace the cached page's own (and its script nonce).
  if (!headers.has('Content-Security-Policy') && !options.notModified) {
    // Non-HTML responses (JSON, CSV, health checks) still refuse to be framed or run anything.
    headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
  }
  if (options.https) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
}
