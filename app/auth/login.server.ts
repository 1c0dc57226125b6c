// Signing in. Wrong passwords slow further attempts rather than refuse them (app/auth/throttle.ts): per account
// and per client address for browsers the account does not know, per device for those it does, so an attacker's
// guesses never stop the owner signing in where they signed in before. The answer and its timing do not reveal
// whether an email exists.
import { db } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'
import { dummyPasswordHash, verifyPassword } from './password.server'
import { clientAddress } from '~/utils/client-address'
import { knownDeviceFor, rememberDevice } from './devices.server'
import { createSession } from './session.server'
import { describeWait } from './throttle'
import { attemptFailed, attemptSucceeded, startAttempt, type Counter } from './throttle.server'

export const WRONG_CREDENTIALS = 'That email and password do not match an active account.'

export type LoginOutcome =
  | { ok: true; setCookies: string[]; mustChangePassword: boolean }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 429; message: string; retryAfterSeconds: number }

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

export async function logIn(input: { email: string; password: string }, request: Request): Promise<LoginOutcome> {
  const email = normaliseEmail(input.email)
  const address = clientAddress(request)
  const deviceId = await knownDeviceFor(request, email)
  const counters: Counter[] = deviceId
    ? [{ scope: 'DEVICE', key: deviceId }]
    : [
        { scope: 'ACCOUNT', key: email },
        { scope: 'ADDRESS', key: address },
      ]
  const started = await startAttempt(counters, { email, ipAddress: address })
  if (!started.ok) {
    logEvent('login_locked', {
      email,
      address,
      knownDevice: Boolean(deviceId),
      retryAfterSeconds: started.retryAfterSeconds,
    })
    return {
      ok: false,
      status: 429,
      message: `Too many failed sign-in attempts. Try again in ${describeWait(started.retryAfterSeconds)}.`,
      retryAfterSeconds: started.retryAfterSeconds,
    }
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, active: true, mustChangePassword: true, password: { select: { hash: true } } },
  })
  // Always run one argon2 verification, so an unknown email costs the same time as a wrong password.
  const passwordMatches = await verifyPassword(user?.password?.hash ?? (await dummyPasswordHash()), input.password)
  if (!user || !user.active || !user.password || !passwordMatches) {
    await attemptFailed(started.attempt, (counter) => (counter.scope === 'ADDRESS' ? null : email))
    logEvent('login_failed', {
      email,
      address,
      reason: !user ? 'unknown_email' : !user.active ? 'inactive' : 'wrong_password',
    })
    return { ok: false, status: 400, message: WRONG_CREDENTIALS }
  }
  // The owner's own slips from here are forgiven; failures from elsewhere keep counting against strangers.
  await attemptSucceeded(started.attempt, deviceId ? counters : [{ scope: 'ACCOUNT', key: email, ipAddress: address }])
  const setCookies = [await createSession(user.id, request), await rememberDevice(request, user.id, deviceId)]
  logEvent('login', { userId: user.id, email, address, knownDevice: Boolean(deviceId) })
  return { ok: true, setCookies, mustChangePassword: user.mustChangePassword }
}
