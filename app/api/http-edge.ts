// What the HTTP server answers for /api/* before the app sees the request, in the API's JSON: a method
// other than GET or HEAD, or an address the desk cannot read. Plain (no app imports): scripts load it.

export const API_PREFIX = '/api/'

/** /api itself, and every address under it. */
export function isApiPath(pathname: string) {
  return pathname === '/api' || pathname.startsWith(API_PREFIX)
}

export type EdgeRefusal = { status: number; headers: Record<string, string>; body: string }

function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}): EdgeRefusal {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
    body: JSON.stringify({ error: { code, message } }),
  }
}

/** The refusal for an API request that must not reach the app, or null. `readable` is the server's address check. */
export function apiEdgeRefusal(request: { method: string; path: string; readable: boolean }): EdgeRefusal | null {
  if (!isApiPath(request.path)) return null
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refusal(
      405,
      'method_not_allowed',
      `The API is read-only: ${request.method.slice(0, 20)} is not allowed, use GET.`,
      { Allow: 'GET, HEAD' },
    )
  }
  if (!request.readable) {
    return refusal(400, 'invalid_query', 'This address has a NUL byte or a broken %-escape in it.')
  }
  return null
}
