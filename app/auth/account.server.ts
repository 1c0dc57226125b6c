// What a signed-in person does with their own account: change their password, end their other sessions.
import { db } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'
import { checkNewPassword } from './password-policy.server'
import { hashPassword, verifyPassword } from './password.server'
import type { SessionUser } from './session.server'

export type PasswordChange =
  | { ok: true; endedSessions: number }
  | { ok: false; field: 'currentPassword' | 'newPassword'; message: string }

export async function changePassword(user: SessionUser, input: { currentPassword: string; newPassword: string }): Promise<PasswordChange> {
  const stored = await db.password.findUnique({ where: { userId: user.id }, select: { hash: true } })
  if (!stored || !(await verifyPassword(stored.hash, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', message: 'That is not your current password.' }
  }
  const verdict = checkNewPassword(input.newPassword, { email: user.email, name: user.name })
  if (!verdict.ok) return { ok: false, field: 'newPassword', message: verdict.message }
  if (input.newPassword === input.currentPassword) {
    return { ok: false, field: 'newPassword', message: 'Choose a password different from your current one.' }
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
