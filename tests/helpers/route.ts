// Calls a route module's loader or action with a real Request, as React Router would, and reports what the
// user would get: status, data, headers and where a redirect points. Thrown responses are caught and reported too.
import { RouterContextProvider } from 'react-router'

type RouteFunction = (args: {
  request: Request
  params: Record<string, string | undefined>
  context: RouterContextProvider
}) => unknown

export type RouteResult<T = any> = {
  status: number
  data: T
  headers: Headers
  location: string | null
  thrown: boolean
}

export type CallOptions = {
  url?: string
  params?: Record<string, string>
  cookie?: string
  /** A user from tests/helpers/users.ts, whose cookie is sent. */
  user?: { cookie: string }
  form?: Record<string, string | string[] | File> | FormData
  /** A raw body, sent as it is (with its Content-Type in `headers`), instead of `form`. */
  body?: BodyInit
  headers?: Record<string, string>
  method?: string
}

export const BASE_URL = 'http://localhost:3000'

function isDataWithInit(
  value: unknown,
): value is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'DataWithResponseInit'
}

async function normalise(value: unknown, thrown: boolean): Promise<RouteResult> {
  if (value instanceof Response) {
    const type = value.headers.get('Content-Type') ?? ''
    const body = type.includes('json') ? await value.json() : await value.text()
    return { status: value.status, data: body, headers: value.headers, location: value.headers.get('Location'), thrown }
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers)
    return { status: value.init?.status ?? 200, data: value.data, headers, location: headers.get('Location'), thrown }
  }
  if (thrown) throw value
  return { status: 200, data: value, headers: new Headers(), location: null, thrown }
}

export function buildRequest(options: CallOptions & { method: string }) {
  const headers = new Headers(options.headers)
  const cookie = options.cookie ?? options.user?.cookie
  if (cookie) headers.set('Cookie', cookie)
  let body: BodyInit | undefined = options.body
  if (options.form) {
    if (options.form instanceof FormData) body = options.form
    else {
      body = new FormData()
      for (const [key, value] of Object.entries(options.form)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
      }
    }
  }
  const url = new URL(options.url ?? '/', BASE_URL)
  if (options.method !== 'GET' && options.method !== 'HEAD' && !headers.has('Origin')) headers.set('Origin', BASE_URL)
  return new Request(url, {
    method: options.method,
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit)
}

async function call(fn: RouteFunction | undefined, options: CallOptions, method: string) {
  if (!fn) throw new Error('This route module has no such function')
  const request = buildRequest({ ...options, method })
  try {
    return await normalise(
      await fn({ request, params: options.params ?? {}, context: new RouterContextProvider() }),
      false,
    )
  } catch (error) {
    return normalise(error, true)
  }
}

export function callLoader<T = any>(fn: unknown, options: CallOptions = {}): Promise<RouteResult<T>> {
  return call(fn as RouteFunction, options, 'GET')
}

export function callAction<T = any>(fn: unknown, options: CallOptions = {}): Promise<RouteResult<T>> {
  return call(fn as RouteFunction, options, options.method ?? 'POST')
}

/** Where `loader` at `url` sends a signed-out visitor: the redirect's address, or the status if it did not redirect. */
export async function signedOutRedirect(fn: unknown, url: string) {
  const result = await callLoader(fn, { url })
  return result.status === 302 ? result.location : `status ${result.status}`
}
