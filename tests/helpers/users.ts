// Test users and their sessions, created the same way the app creates them.
import crypto from 'node:crypto'
import { hashPassword } from '~/auth/password.server'
import { createSession } from '~/auth/session.server'
import type { Role } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'

export type TestUser = { id: string; email: string; name: string; role: Role; password: string; cookie: string }

const ROLE_NAMES: Record<Role, string> = {
  REPORTER: 'Reporter',
  FACT_CHECKER: 'Checker',
  EDITOR: 'Editor',
  ADMIN: 'Admin',
}

// Hashing costs ~50 ms; tests share one hash per password.
const hashes = new Map<string, Promise<string>>()

export async function createUser(
  role: Role,
  overrides: { email?: string; name?: string; password?: string; active?: boolean; mustChangePassword?: boolean } = {},
): Promise<TestUser> {
  const suffix = crypto.randomBytes(4).toString('hex')
  const password = overrides.password ?? 'correct horse battery staple'
  if (!hashes.has(password)) hashes.set(password, hashPassword(password))
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${suffix}@factdesk.test`,
      name: overrides.name ?? `${ROLE_NAMES[role]} ${suffix}`,
      role,
      active: overrides.active ?? true,
      mustChangePassword: overrides.mustChangePassword ?? false,
      password: { create: { hash: await hashes.get(password)! } },
    },
    select: { id: true, email: true, name: true, role: true },
  })
  const cookie = await signIn(user.id)
  return { ...user, password, cookie }
}

/** A fresh session for the user, as the Cookie header a browser would send. */
export async function signIn(userId: string) {
  const setCookie = await createSession(userId, new Request('http://localhost/login'))
  return setCookie.split(';')[0]!
}

export async function createUsers() {
  const [reporter, checker, editor, admin] = await Promise.all([
    createUser('REPORTER'),
    createUser('FACT_CHECKER'),
    createUser('EDITOR'),
    createUser('ADMIN'),
  ])
  return { reporter: reporter!, checker: checker!, editor: editor!, admin: admin! }
}
