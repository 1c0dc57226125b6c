// What admins see of runs of wrong passwords, and clearing one: its failures are forgotten, so whoever it
// slowed can sign in at once.
import type { ThrottleScope } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'
import type { SessionUser } from './session.server'
import { FAILURE_MEMORY_MS } from './throttle'

export const LOCKOUTS_PAGE_SIZE = 50

export type LockoutState = 'slowing' | 'cleared' | 'ended' | 'forgotten'

export type LockoutRow = {
  id: string
  scope: ThrottleScope
  /** Who or what is slowed, in words: an email, an address, or a browser of an account. */
  subject: string
  failures: number
  startedAt: Date
  lastFailureAt: Date
  retryAt: Date
  endedAt: Date | null
  clearedBy: string | null
  state: LockoutState
  /** While slowing: whether the next try must still wait for retryAt. */
  waiting: boolean
}

type Stored = {
  id: string
  scope: ThrottleScope
  key: string
  email: string | null
  failures: number
  startedAt: Date
  lastFailureAt: Date
  retryAt: Date
  endedAt: Date | null
  clearedBy: { name: string } | null
}

const SELECT = {
  id: true,
  scope: true,
  key: true,
  email: true,
  failures: true,
  startedAt: true,
  lastFailureAt: true,
  retryAt: true,
  endedAt: true,
  clearedBy: { select: { name: true } },
} as const

function subjectOf(lockout: Pick<Stored, 'scope' | 'key' | 'email'>) {
  switch (lockout.scope) {
    case 'ACCOUNT':
      return lockout.key
    case 'ADDRESS':
      return `Address ${lockout.key}`
    case 'DEVICE':
      return `A browser that signed in to ${lockout.email ?? 'an account'} before`
    case 'SESSION':
      return `Account page of ${lockout.email ?? 'an account'}`
  }
}

function stateOf(lockout: Stored, now: Date): LockoutState {
  if (lockout.endedAt) return lockout.clearedBy ? 'cleared' : 'ended'
  return lockout.lastFailureAt.getTime() > now.getTime() - FAILURE_MEMORY_MS ? 'slowing' : 'forgotten'
}

function toRow(lockout: Stored, now: Date): LockoutRow {
  const { key: _key, email: _email, clearedBy, ...rest } = lockout
  const state = stateOf(lockout, now)
  return {
    ...rest,
    subject: subjectOf(lockout),
    clearedBy: clearedBy?.name ?? null,
    state,
    waiting: state === 'slowing' && lockout.retryAt.getTime() > now.getTime(),
  }
}

/** Newest activity first, a page at a time by keyset; `current` keeps only the runs still slowing someone. */
export async function listLockouts({ current, after }: { current: boolean; after?: string }) {
  const now = new Date()
  const rows = await db.signInLockout.findMany({
    where: current ? { endedAt: null, lastFailureAt: { gt: new Date(now.getTime() - FAILURE_MEMORY_MS) } } : {},
    orderBy: [{ lastFailureAt: 'desc' }, { id: 'desc' }],
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    take: LOCKOUTS_PAGE_SIZE + 1,
    select: SELECT,
  })
  const page = rows.slice(0, LOCKOUTS_PAGE_SIZE)
  return {
    lockouts: page.map((row) => toRow(row, now)),
    nextAfter: rows.length > LOCKOUTS_PAGE_SIZE ? page[page.length - 1]!.id : null,
  }
}

export type ClearOutcome = { ok: true; message: string } | { ok: false; status: 404; message: string }

export async function clearLockout(admin: SessionUser, lockoutId: string): Promise<ClearOutcome> {
  const lockout = await db.signInLockout.findUnique({ where: { id: lockoutId }, select: SELECT })
  if (!lockout) return { ok: false, status: 404, message: 'That lockout is no longer on record; reload the page.' }
  const subject = subjectOf(lockout)
  const now = new Date()
  const cleared = await db.$transaction(async (tx) => {
    const { count } = await tx.signInLockout.updateMany({
      where: { id: lockout.id, endedAt: null },
      data: { endedAt: now, clearedById: admin.id },
    })
    if (count === 0) return false
    await tx.loginFailure.deleteMany({ where: { scope: lockout.scope, key: lockout.key } })
    return true
  })
  if (!cleared) return { ok: true, message: `${subject} was no longer slowed.` }
  logEvent('lockout_cleared', { adminId: admin.id, scope: lockout.scope, subject, failures: lockout.failures })
  return { ok: true, message: `Lockout cleared: ${subject} is no longer slowed.` }
}
