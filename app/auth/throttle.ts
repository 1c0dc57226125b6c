// How long a run of wrong passwords makes the next attempt wait: a few free tries, then a delay that doubles
// with every further failure, up to a ceiling. The server never waits itself; it answers at once with the time
// to come back. Pure, so the numbers are tested without a database.

export type ThrottlePolicy = {
  /** Wrong passwords that cost nothing; the next one starts the delays. */
  freeFailures: number
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelaySeconds: number
  longestDelaySeconds: number
}

/** Failures older than this are forgotten, however many there were. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000

export const FIRST_DELAY_SECONDS = 5

/** Seconds the next attempt must wait after the latest of `failures` wrong passwords. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0
  const doublings = failures - policy.freeFailures
  return Math.min(policy.firstDelaySeconds * 2 ** Math.min(doublings, 40), policy.longestDelaySeconds)
}

/** Whole seconds left before another attempt may be made, 0 when it may be made now. */
export function secondsToWait(
  history: { failures: number; lastFailureAt: Date | null },
  now: Date,
  policy: ThrottlePolicy,
): number {
  const delay = delayAfter(history.failures, policy)
  if (delay === 0 || !history.lastFailureAt) return 0
  const left = history.lastFailureAt.getTime() + delay * 1000 - now.getTime()
  return left > 0 ? Math.ceil(left / 1000) : 0
}

/** "5 seconds", "1 minute", "15 minutes": seconds up to two minutes, whole minutes (rounded up) beyond. */
export function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minutes`
}
