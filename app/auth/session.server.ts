// Server-side sessions: a random 256-bit token in a signed cookie; the database keeps only its SHA-256,
// so a copy of the sessions table cannot be used to sign in. Logout and deactivation end a session at once.
import crypto from 'node:crypto'
import { createCookie, data, redirect, type Cookie } from 'react-router'
import type { UnreadTally } from '~/components/notification-bell'
import type { Role } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { clientAddress } from '~/utils/client-address'
import { getEnv } from '~/utils/env.server'
import { pageUrl } from '~/utils/page-url'
import { type Permission, can, rolesThatCan } from './permissions'

export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  mustChangePassword: boolean
  sessionId: string
}

// Updating lastSeenAt on every request would write on every page view; once a minute is enough for the idle timeout.
const TOUCH_INTERVAL_MS = 60_000

export function isHttps() {
  return new URL(getEnv().APP_ORIGIN).protocol === 'https:'
}

/** What signs the app's cookies (this one and the device cookie). */
export function cookieSecrets() {
  return [getEnv().SESSION_SECRET ?? 'factdesk-development-secret-not-for-production']
}

/**
 * One of the app's signed, httpOnly cookies. The __Host- prefix pins it to this exact host over HTTPS;
 * browsers refuse it on plain HTTP. Made again when the scheme or the secrets change (tests switch them).
 */
export function appCookie(name: string, options: { maxAge?: number } = {}) {
  let cookie: Cookie | undefined
  let madeFor = ''
  return () => {
    const https = isHttps()
    const key = `${https}:${cookieSecrets().join()}`
    if (!cookie || madeFor !== key) {
      madeFor = key
      cookie = createCookie(https ? `__Host-${name}` : name, {
        httpOnly: true,
        sameSite: 'lax',
        secure: https,
        path: '/',
        secrets: cookieSecrets(),
        ...options,
      })
    }
    return cookie
  }
}

const sessionCookie = appCookie('factdesk_session')

export function hashSessionToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex')
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null
}

/** Starts a new session (a new id at every login) and returns the Set-Cookie header for it. */
export async function createSession(userId: string, request: Request) {
  const env = getEnv()
  const token = crypto.randomBytes(32).toString('base64url')
  const now = Date.now()
  await db.session.create({
    data: {
      id: hashSessionToken(token),
      userId,
      expiresAt: new Date(now + env.SESSION_MAX_MINUTES * 60_000),
      lastSeenAt: new Date(now),
      ipAddress: clientAddress(request),
      userAgent: request.headers.get('User-Agent')?.slice(0, 300) ?? null,
    },
  })
  return sessionCookie().serialize(token, { maxAge: env.SESSION_MAX_MINUTES * 60 })
}

export async function destroySession(request: Request) {
  const token = await readToken(request)
  if (token) await db.session.deleteMany({ where: { id: hashSessionToken(token) } })
  return sessionCookie().serialize('', { maxAge: 0 })
}

type Lookup = { user: SessionUser; unread: UnreadTally } | null

const cache = new WeakMap<Request, Promise<Lookup>>()

function lookUp(request: Request): Promise<Lookup> {
  let pending = cache.get(request)
  if (!pending) {
    pending = lookUpSession(request)
    cache.set(request, pending)
  }
  return pending
}

/** The signed-in, active user of this request, or null. Looked up once per request. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await lookUp(request))?.user ?? null
}

/**
 * The signed-in user's unread notifications with the moment the database counted them, read by the same
 * statement as the session. The live stream's figures carry theirs too, so the page keeps whichever is
 * newer, however the loads and the events interleave.
 */
export async function getUnreadTally(request: Request): Promise<UnreadTally | null> {
  return (await lookUp(request))?.unread ?? null
}

type SessionRow = {
  expiresAt: Date
  lastSeenAt: Date
  userId: string
  email: string
  name: string
  role: Role
  active: boolean
  mustChangePassword: boolean
  unread: number
  countedAt: string
}

async function lookUpSession(request: Request): Promise<Lookup> {
  const token = await readToken(request)
  if (!token) return null
  const id = hashSessionToken(token)
  // Every signed-in page reads the session and shows the unread count in its header: one statement, not two.
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", s."lastSeenAt", u.id AS "userId", u.email, u.name, u.role::text AS role, u.active,
           u."mustChangePassword",
           (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS unread,
           to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "countedAt"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${id}`
  if (!session) return null
  const now = Date.now()
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * 60_000
  if (!session.active || session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleLimit <= now) {
    await db.session.deleteMany({ where: { id } })
    return null
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } })
  }
  const { userId, email, name, role, mustChangePassword, unread, countedAt } = session
  return {
    user: { id: userId, email, name, role, mustChangePassword, sessionId: id },
    unread: { unread, countedAt },
  }
}

/** Only same-site paths are followed after login; anything else goes home. A data-request address becomes its page's. */
export { safeRedirectPath } from './redirect'

const PASSWORD_CHANGE_PATH = '/account'

/** The login page's `reason` when a session ran out, so the page can say why the user is there. */
export const SESSION_EXPIRED_REASON = 'expired'

/**
 * Where a person should come back to after signing in, for a route that a page only fetches (a fetcher
 * posting to a resource route): the page they were on, as its Referer names it, not the resource itself.
 */
export function fetchingPage(request: Request): string {
  const referer = request.headers.get('Referer')
  if (!referer) return '/'
  try {
    const url = new URL(referer)
    return `${url.pathname}${url.search}`
  } catch {
    return '/'
  }
}

export type RequireUserOptions = {
  /** The path the login page sends the person back to; by default the page this request is for. */
  returnTo?: string
}

/** The signed-in user, or a redirect to the login page that comes back here (or to `returnTo`) afterwards. */
export async function requireUser(request: Request, options: RequireUserOptions = {}): Promise<SessionUser> {
  const user = await getUser(request)
  const page = pageUrl(request)
  if (!user) {
    const params = new URLSearchParams({ redirectTo: options.returnTo ?? `${page.pathname}${page.search}` })
    // A session cookie that no longer opens a session: it timed out or was ended elsewhere. Say so, and drop it.
    if (await readToken(request)) {
      params.set('reason', SESSION_EXPIRED_REASON)
      throw redirect(`/login?${params}`, {
        headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0 }) },
      })
    }
    throw redirect(`/login?${params}`)
  }
  // A user with a one-time password sets their own before anything else.
  if (user.mustChangePassword && page.pathname !== PASSWORD_CHANGE_PATH && page.pathname !== '/logout') {
    throw redirect(PASSWORD_CHANGE_PATH)
  }
  return user
}

export function forbidden(message: string): never {
  throw data({ message }, { status: 403 })
}

/** The signed-in user, provided their role holds the permission (in any form); otherwise the 403 page. */
export async function requirePermission(
  request: Request,
  permission: Permission,
  options: RequireUserOptions = {},
): Promise<SessionUser> {
  const user = await requireUser(request, options)
  if (!can(user.role, permission)) {
    forbidden(`Only ${rolesThatCan(permission)} can do this.`)
  }
  return user
}

/**
 * For what a page loads by itself in the background: the signed-in user holding the permission, or null
 * when the session has ended. The route then answers 401 quietly instead of taking the person away from
 * what they are typing; the next thing they send goes to the login page and back, with their draft.
 */
export async function backgroundUser(request: Request, permission: Permission): Promise<SessionUser | null> {
  const user = await getUser(request)
  if (!user || user.mustChangePassword) return null
  if (!can(user.role, permission)) forbidden(`Only ${rolesThatCan(permission)} can do this.`)
  return user
}
