// Signing in, with failed attempts counted in Postgres per account and per client address, so the lockout
// holds across several app processes. The answer and its timing do not reveal whether an email exists.
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logEvent } from '~/utils/log.server'
import { dummyPasswordHash, verifyPassword } from './password.server'
import { clientAddress } from '~/utils/client-address'
import { createSession } from './session.server'

export const WRONG_CREDENTIALS = 'That email and password do not match an active account.'

export type LoginOutcome =
  | { ok: true; setCookie: string; mustChangePassword: boolean }
  | { ok: false; status: 400 | 429; message: string }

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

/** Minutes until the lockout lifts, or 0 when login may be tried. */
async function lockoutMinutes(email: string, address: string): Promise<number> {
  const env = getEnv()
  const windowMs = env.LOGIN_LOCKOUT_MINUTES * 60_000
  const since = new Date(Date.now() - windowMs)
  // The Nth most recent failure in the window (N = threshold) decides: the lock lifts when it leaves the window.
  const [byAccount, byAddress] = await Promise.all([
    db.loginFailure.findMany({
      where: { email, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      skip: env.LOGIN_MAX_FAILURES_PER_ACCOUNT - 1,
      take: 1,
      select: { createdAt: true },
    }),
    db.loginFailure.findMany({
      where: { ipAddress: address, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      skip: env.LOGIN_MAX_FAILURES_PER_ADDRESS - 1,
      take: 1,
      select: { createdAt: true },
    }),
  ])
  const liftsAt = Math.max(...[...byAccount, ...byAddress].map((row) => row.createdAt.getTime() + windowMs), 0)
  return liftsAt > Date.now() ? Math.ceil((liftsAt - Date.now()) / 60_000) : 0
}

export async function logIn(input: { email: string; password: string }, request: Request): Promise<LoginOutcome> {
  const email = normaliseEmail(input.email)
  const address = clientAddress(request)
  const minutes = await lockoutMinutes(email, address)
  if (minutes > 0) {
    logEvent('login_locked', { email, address, minutes })
    return {
      ok: false,
      status: 429,
      message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    }
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, active: true, mustChangePassword: true, password: { select: { hash: true } } },
  })
  // Always run one argon2 verification, so an unknown email costs the same time as a wrong password.
  const passwordMatches = await verifyPassword(user?.password?.hash ?? (await dummyPasswordHash()), input.password)
  if (!user || !user.active || !user.password || !passwordMatches) {
    await db.loginFailure.create({ data: { email, ipAddress: address } })
    logEvent('login_failed', { email, address, reason: !user ? 'unknown_email' : !user.active ? 'inactive' : 'wrong_password' })
    return { ok: false, status: 400, message: WRONG_CREDENTIALS }
  }
  await db.loginFailure.deleteMany({ where: { email } })
  const setCookie = await createSession(user.id, request)
  logEvent('login', { userId: user.id, email, address })
  return { ok: true, setCookie, mustChangePassword: user.mustChangePassword }
}

/** Old failure rows are only needed for the lockout window. */
export async function forgetOldLoginFailures() {
  const windowMs = getEnv().LOGIN_LOCKOUT_MINUTES * 60_000
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - windowMs) } } })
}
