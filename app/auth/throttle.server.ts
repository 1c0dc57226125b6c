// Wrong passwords counted in Postgres, so every app process applies the same delays. An attempt claims its
// rows before the password is checked: of several attempts sent at once, all but the first few see each
// other and are told to wait, so parallel guessing gains nothing. Runs of failures are logged in SignInLockout.
import type { ThrottleScope } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logEvent } from '~/utils/log.server'
import { delayAfter, FAILURE_MEMORY_MS, FIRST_DELAY_SECONDS, secondsToWait, type ThrottlePolicy } from './throttle'

export type Counter = { scope: ThrottleScope; key: string }

/** Who tried, for the record: the email typed and the client address. */
export type AttemptContext = { email: string; ipAddress: string }

export type Attempt = { counters: Counter[]; rowIds: bigint[]; context: AttemptContext }

export function policyFor(scope: ThrottleScope): ThrottlePolicy {
  const env = getEnv()
  return {
    freeFailures: scope === 'ADDRESS' ? env.LOGIN_MAX_FAILURES_PER_ADDRESS : env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    firstDelaySeconds: FIRST_DELAY_SECONDS,
    longestDelaySeconds: env.LOGIN_LOCKOUT_MINUTES * 60,
  }
}

function memoryStart(now: Date) {
  return new Date(now.getTime() - FAILURE_MEMORY_MS)
}

/** Claims a password check on every counter, or says how many seconds to wait when any of them is slowed. */
export async function startAttempt(
  counters: Counter[],
  context: AttemptContext,
): Promise<{ ok: true; attempt: Attempt } | { ok: false; retryAfterSeconds: number }> {
  const now = new Date()
  // Counted as failures until the password turns out right, so concurrent attempts count each other.
  const rows = await db.loginFailure.createManyAndReturn({
    data: counters.map((counter) => ({ ...counter, ...context, createdAt: now })),
    select: { id: true },
  })
  const rowIds = rows.map((row) => row.id)
  const waits = await Promise.all(
    counters.map(async (counter) => {
      const history = await db.loginFailure.aggregate({
        where: { scope: counter.scope, key: counter.key, createdAt: { gt: memoryStart(now) }, id: { notIn: rowIds } },
        _count: { _all: true },
        _max: { createdAt: true },
      })
      return secondsToWait(
        { failures: history._count._all, lastFailureAt: history._max.createdAt },
        now,
        policyFor(counter.scope),
      )
    }),
  )
  const retryAfterSeconds = Math.max(0, ...waits)
  if (retryAfterSeconds > 0) {
    await db.loginFailure.deleteMany({ where: { id: { in: rowIds } } })
    return { ok: false, retryAfterSeconds }
  }
  return { ok: true, attempt: { counters, rowIds, context } }
}

/** The password was wrong: its rows stay as the record, and a counter past its free failures logs a lockout. */
export async function attemptFailed(attempt: Attempt, email: (counter: Counter) => string | null) {
  const now = new Date()
  for (const counter of attempt.counters) await noteLockout(counter, email(counter), now)
}

/**
 * The password was right: its own rows go, and so do the `reset` counters' failures (those from `ipAddress`
 * only, when given), ending their lockout once what is left is within the free failures.
 */
export async function attemptSucceeded(attempt: Attempt, reset: Array<Counter & { ipAddress?: string }>) {
  const now = new Date()
  await db.loginFailure.deleteMany({ where: { id: { in: attempt.rowIds } } })
  for (const counter of reset) {
    await db.loginFailure.deleteMany({
      where: { scope: counter.scope, key: counter.key, ...(counter.ipAddress ? { ipAddress: counter.ipAddress } : {}) },
    })
    const left = await db.loginFailure.count({
      where: { scope: counter.scope, key: counter.key, createdAt: { gt: memoryStart(now) } },
    })
    if (left < policyFor(counter.scope).freeFailures) {
      await db.signInLockout.updateMany({
        where: { scope: counter.scope, key: counter.key, endedAt: null },
        data: { endedAt: now },
      })
    }
  }
}

async function noteLockout(counter: Counter, email: string | null, now: Date) {
  const policy = policyFor(counter.scope)
  await db.$transaction(async (tx) => {
    // One lockout row per run: failures landing together on the same counter take turns for this short step.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${counter.scope}:${counter.key}`}, 0))`
    const failures = await tx.loginFailure.count({
      where: { scope: counter.scope, key: counter.key, createdAt: { gt: memoryStart(now) } },
    })
    if (failures < policy.freeFailures) return
    const retryAt = new Date(now.getTime() + delayAfter(failures, policy) * 1000)
    const open = await tx.signInLockout.findFirst({
      where: { scope: counter.scope, key: counter.key, endedAt: null, lastFailureAt: { gt: memoryStart(now) } },
      orderBy: { lastFailureAt: 'desc' },
      select: { id: true },
    })
    if (open) {
      await tx.signInLockout.update({ where: { id: open.id }, data: { failures, lastFailureAt: now, retryAt } })
    } else {
      await tx.signInLockout.create({
        data: { ...counter, email, failures, startedAt: now, lastFailureAt: now, retryAt },
      })
      logEvent('lockout_started', { scope: counter.scope, key: counter.key, email, failures })
    }
  })
}

/** Rows past the memory say nothing any more. */
export async function forgetOldLoginFailures() {
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: memoryStart(new Date()) } } })
}
