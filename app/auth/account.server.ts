// What a signed-in person does with their own account: change their password, end their other sessions.
import { clientAddress } from '~/utils/client-address'
import { db } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'
import { checkNewPassword } from './password-policy.server'
import { hashPassword, verifyPassword } from './password.server'
import type { SessionUser } from './session.server'
import { describeWait } from './throttle'
import { attemptFailed, attemptSucceeded, startAttempt, type Counter } from './throttle.server'

export type PasswordChange =
  | { ok: true; endedSessions: number }
  | { ok: false; status: 400; field: 'currentPassword' | 'newPassword'; message: string }
  | { ok: false; status: 429; field: 'currentPassword'; message: string; retryAfterSeconds: number }

export async function changePassword(
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  request: Request,
): Promise<PasswordChange> {
  // Whoever holds this session may be guessing the password to take the account over: slow them, per session.
  const counter: Counter = { scope: 'SESSION', key: user.sessionId }
  const started = await startAttempt([counter], { email: user.email, ipAddress: clientAddress(request) })
  if (!started.ok) {
    logEvent('password_check_locked', {
      userId: user.id,
      email: user.email,
      retryAfterSeconds: started.retryAfterSeconds,
    })
    return {
      ok: false,
      status: 429,
      field: 'currentPassword',
      message: `Too many wrong passwords. Try again in ${describeWait(started.retryAfterSeconds)}.`,
      retryAfterSeconds: started.retryAfterSeconds,
    }
  }
  const stored = await db.password.findUnique({ where: { userId: user.id }, select: { hash: true } })
  if (!stored || !(await verifyPassword(stored.hash, input.currentPassword))) {
    await attemptFailed(started.attempt, () => user.email)
    logEvent('password_check_failed', { userId: user.id, email: user.email })
    return { ok: false, status: 400, field: 'currentPassword', message: 'That is not your current password.' }
  }
  await attemptSucceeded(started.attempt, [counter])
  const verdict = checkNewPassword(input.newPassword, { email: user.email, name: user.name })
  if (!verdict.ok) return { ok: false, status: 400, field: 'newPassword', message: verdict.message }
  if (input.newPassword === input.currentPassword) {
    return {
      ok: false,
      status: 400,
      field: 'newPassword',
      message: 'Choose a password different from your current one.',
    }
  }
  const hash = await hashPassword(input.newPassword)
  const [, , ended] = await db.$transaction([
    db.password.update({ where: { userId: user.id }, data: { hash } }),
    db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } }),
    // Whoever knew the old password may hold a session: end all but this one.
    db.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } }),
  ])
  logEvent('password_changed', { userId: user.id, email: user.email, endedSessions: ended.count })
  return { ok: true, endedSessions: ended.count }
}

export async function signOutOtherSessions(user: SessionUser) {
  const { count } = await db.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } })
  logEvent('signed_out_elsewhere', { userId: user.id, email: user.email, endedSessions: count })
  return count
}

export function listSessions(user: SessionUser) {
  return db.session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
    take: 50,
  })
}
