// User management for admins. The last active admin can be neither demoted nor deactivated: the check and
// the change happen under a row lock, so two admins acting at once cannot both remove the last one.
import crypto from 'node:crypto'
import { hashPassword } from '~/auth/password.server'
import { Prisma } from '~/generated/prisma/client'
import type { Role } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'

export const USERS_PAGE_SIZE = 50

export type UserChange = { ok: true; message: string } | { ok: false; status: 400 | 404 | 409; message: string }

export async function listUsers({ q, after }: { q?: string; after?: string }) {
  const search = q?.trim()
  const rows = await db.user.findMany({
    where: {
      ...(search
        ? {
            OR: [
              { email: { contains: search, mode: 'insensitive' } },
              { name: { contains: search, mode: 'insensitive' } },
            ],
          }
        : {}),
      ...(after ? { email: { gt: after } } : {}),
    },
    orderBy: { email: 'asc' },
    take: USERS_PAGE_SIZE + 1,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      mustChangePassword: true,
      createdAt: true,
      sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: 'desc' }, take: 1 },
    },
  })
  const page = rows.slice(0, USERS_PAGE_SIZE)
  return {
    users: page.map(({ sessions, ...user }) => ({ ...user, lastSeenAt: sessions[0]?.lastSeenAt ?? null })),
    nextAfter: rows.length > USERS_PAGE_SIZE ? page[page.length - 1]!.email : null,
  }
}

// Readable without ambiguous characters (0/O, 1/l/I), 20 characters: about 110 bits.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export function oneTimePassword(length = 20) {
  const bytes = crypto.randomBytes(length)
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length]
  return out.replace(/(.{5})(?!$)/g, '$1-')
}

export async function createUser(admin: { id: string }, input: { name: string; email: string; role: Role }) {
  const email = input.email.trim().toLowerCase()
  const password = oneTimePassword()
  try {
    const user = await db.user.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        mustChangePassword: true,
        password: { create: { hash: await hashPassword(password) } },
      },
      select: { id: true, email: true, name: true, role: true },
    })
    logEvent('user_created', { adminId: admin.id, userId: user.id, email, role: user.role })
    return { ok: true as const, user, password }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false as const, field: 'email' as const, message: 'A user with this email already exists.' }
    }
    throw error
  }
}

/** An active admin, locked so that two changes cannot both remove the last one. */
export type AdminRow = { id: string }

type LockedUser = { id: string; email: string; role: Role; active: boolean }

/** Runs an admin's change to one user with the active admins locked; a user who no longer exists is a 404. */
async function changeUser(
  userId: string,
  work: (tx: Prisma.TransactionClient, user: LockedUser, activeAdmins: string[]) => Promise<UserChange>,
): Promise<UserChange> {
  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<AdminRow[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active FOR UPDATE`
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, role: true, active: true },
    })
    if (!user) return { ok: false, status: 404, message: 'That user no longer exists.' }
    return work(
      tx,
      user,
      admins.map((row) => row.id),
    )
  })
}

export async function changeRole(admin: { id: string }, userId: string, role: Role): Promise<UserChange> {
  return changeUser(userId, async (tx, user, activeAdmins) => {
    if (user.role === role)
      return { ok: true, message: `${user.email} is already ${role.toLowerCase().replace('_', '-')}.` }
    if (user.role === 'ADMIN' && user.active && activeAdmins.length <= 1) {
      return { ok: false, status: 409, message: 'This is the last active admin. Make someone else an admin first.' }
    }
    await tx.user.update({ where: { id: userId }, data: { role } })
    logEvent('role_changed', { adminId: admin.id, userId, email: user.email, from: user.role, to: role })
    return { ok: true, message: `Role changed for ${user.email}. It applies on their next page.` }
  })
}

export async function setActive(admin: { id: string }, userId: string, active: boolean): Promise<UserChange> {
  return changeUser(userId, async (tx, user, activeAdmins) => {
    if (!active && user.id === admin.id) {
      return { ok: false, status: 409, message: 'You cannot deactivate yourself. Ask another admin.' }
    }
    if (!active && user.role === 'ADMIN' && user.active && activeAdmins.length <= 1) {
      return { ok: false, status: 409, message: 'This is the last active admin and cannot be deactivated.' }
    }
    if (user.active === active)
      return { ok: true, message: `${user.email} is already ${active ? 'active' : 'deactivated'}.` }
    await tx.user.update({ where: { id: userId }, data: { active } })
    if (!active) await tx.session.deleteMany({ where: { userId } })
    logEvent(active ? 'user_reactivated' : 'user_deactivated', { adminId: admin.id, userId, email: user.email })
    return {
      ok: true,
      message: active ? `${user.email} can sign in again.` : `${user.email} is deactivated and signed out everywhere.`,
    }
  })
}
