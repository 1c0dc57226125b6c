// The desk's background work on graphile-worker (a job queue kept in PostgreSQL): the tasks it knows, the
// schedule of recurring ones, and starting and stopping the one runner a process has.
import { EventEmitter } from 'node:events'
import { Logger, run, type LogFunctionFactory, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker'
import pg from 'pg'
import { forgetOldTokenUses } from '~/api/tokens.server'
import { forgetOldLoginFailures } from '~/auth/throttle.server'
import { forgetOldLiveEvents } from '~/live/live.server'
import { sendDigests } from '~/notifications/digest.server'
import { notifyDue } from '~/notifications/notifications.server'
import { db } from '~/utils/db.server'
import { deliverWebhookTask } from '~/webhooks/deliver-task.server'
import { getEnv } from '~/utils/env.server'
import { logEvent } from '~/utils/log.server'

/** Every task a job can name. A feature adds its own line here. */
export const TASKS: TaskList = {
  deliver_webhook: deliverWebhookTask,
  // Due-tomorrow and overdue reminders; each is created once per claim and person, whoever runs it.
  notify_due: async () => {
    await notifyDue(db)
  },
  forget_login_failures: async () => {
    await forgetOldLoginFailures()
  },
  // The record of API requests is kept for TOKEN_USE_KEPT_DAYS.
  forget_api_token_uses: async () => {
    await forgetOldTokenUses()
  },
  // Live events are kept only as long as a reconnecting page may ask for them again.
  forget_live_events: async () => {
    await forgetOldLiveEvents()
  },
  // The daily digest email; a person gets one a day however many workers run it, none without SMTP settings.
  send_digests: async () => {
    await sendDigests()
  },
}

/**
 * Recurring jobs in graphile-worker's crontab format, one per line:
 * `<minute> <hour> <day> <month> <weekday> <task> [?options] [payload]`. A feature adds its own lines here.
 */
export const CRONTAB = [
  // graphile-worker runs each line once per time across every process; a missed run is not made up
  // (reminders are asked for again a quarter of an hour later anyway).
  '*/15 * * * * notify_due',
  '17 * * * * forget_login_failures',
  '41 3 * * * forget_api_token_uses',
  '29 * * * * forget_live_events',
  '0 7 * * * send_digests',
].join('\n')

export type JobQueueOptions = {
  connectionString?: string
  /** Jobs run at once by this process. */
  concurrency?: number
  /** How often to look for jobs that became due, besides being told of new ones (ms). */
  pollInterval?: number
  /** How long a stop waits for running jobs before telling them to abort (ms). */
  gracefulShutdownAbortTimeout?: number
  /**
   * How often (ms, a random time between the two) to free jobs whose worker died holding them: graphile-worker
   * frees a job locked for more than 4 hours, so a crashed worker's job runs again. Defaults 8 and 10 minutes.
   */
  minResetLockedInterval?: number
  maxResetLockedInterval?: number
}

// graphile-worker's warnings and errors go to the desk's structured log; its routine lines are left out.
const logFactory: LogFunctionFactory = (scope) => (level, message, meta) => {
  if (level === 'debug' || level === 'info') return
  logEvent('job_queue', {
    level,
    message,
    ...(scope.taskIdentifier ? { task: scope.taskIdentifier } : {}),
    ...pick(meta),
  })
}

function pick(meta: unknown): Record<string, unknown> {
  const error = (meta as { error?: unknown } | undefined)?.error
  return error ? { error: error instanceof Error ? error.message : String(error) } : {}
}

/** The longest a stop waits for the queue: the 5-second grace for running jobs, and time to abort them. */
const STOP_TIMEOUT_MS = 15_000

const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000]

type QueueState = {
  runner?: Runner
  stopping: boolean
  restartTimer?: NodeJS.Timeout
  failures: number
  connectionString?: string
  /** This process's worker pools that ended; jobs they still hold are freed at once rather than in 4 hours. */
  endedPools: Set<string>
}
const globalForQueue = globalThis as unknown as { factdeskJobQueue?: QueueState }

/**
 * Starts this process's runner. If the database goes away the runner ends; it is started again, waiting a
 * little longer after each failure, so jobs resume once the database is back and the process never dies of it.
 */
export async function startJobQueue(options: JobQueueOptions = {}): Promise<void> {
  const state = (globalForQueue.factdeskJobQueue ??= { stopping: false, failures: 0, endedPools: new Set() })
  if (state.runner) return
  state.stopping = false
  await launch(state, options)
}

async function launch(state: QueueState, options: JobQueueOptions) {
  const connectionString = options.connectionString ?? getEnv().DATABASE_URL
  state.connectionString = connectionString
  const events: WorkerEvents = new EventEmitter()
  const pools = new Set<string>()
  events.on('pool:create', ({ workerPool }) => pools.add(workerPool.id))
  let runner: Runner
  try {
    runner = await run({
      connectionString,
      events,
      concurrency: options.concurrency ?? 4,
      pollInterval: options.pollInterval ?? 2_000,
      gracefulShutdownAbortTimeout: options.gracefulShutdownAbortTimeout ?? 5_000,
      ...(options.minResetLockedInterval ? { minResetLockedInterval: options.minResetLockedInterval } : {}),
      ...(options.maxResetLockedInterval ? { maxResetLockedInterval: options.maxResetLockedInterval } : {}),
      // The app stops the queue itself on SIGINT/SIGTERM, after the HTTP server.
      noHandleSignals: true,
      taskList: TASKS,
      crontab: CRONTAB,
      logger: new Logger(logFactory),
    })
  } catch (error) {
    scheduleRestart(state, options, error)
    return
  }
  state.runner = runner
  state.failures = 0
  ;(runner as RunnerWithPools).pools = pools
  // A runner that ended with a database outage left its jobs locked; they are free to run again now.
  await unlockEndedPools(state, connectionString)
  // A lost connection ends the runner with a rejection; caught here, it never reaches the process.
  runner.promise.then(
    () => ended(new Error('the job queue stopped')),
    (error: unknown) => ended(error),
  )
  function ended(error: unknown) {
    for (const id of pools) state.endedPools.add(id)
    if (state.runner === runner) state.runner = undefined
    if (!state.stopping) scheduleRestart(state, options, error)
  }
}

type RunnerWithPools = Runner & { pools?: Set<string> }

/**
 * Frees the jobs that this process's ended worker pools still hold (graphile_worker.force_unlock_workers):
 * a job interrupted by a stop or an outage runs again at once, instead of after graphile-worker's 4-hour lock.
 */
async function unlockEndedPools(state: QueueState, connectionString: string) {
  if (state.endedPools.size === 0) return
  const ids = [...state.endedPools]
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [ids])
    for (const id of ids) state.endedPools.delete(id)
  } catch (error) {
    logEvent('job_queue_unlock_failed', { error: error instanceof Error ? error.message : String(error) })
  } finally {
    await client.end().catch(() => {})
  }
}

function scheduleRestart(state: QueueState, options: JobQueueOptions, error: unknown) {
  if (state.stopping) return
  const delay = RESTART_DELAYS_MS[Math.min(state.failures, RESTART_DELAYS_MS.length - 1)]!
  state.failures++
  logEvent('job_queue_down', { error: error instanceof Error ? error.message : String(error), retryInMs: delay })
  clearTimeout(state.restartTimer)
  state.restartTimer = setTimeout(() => {
    state.restartTimer = undefined
    if (!state.stopping && !state.runner) void launch(state, options)
  }, delay)
  state.restartTimer.unref()
}

/** Stops taking jobs and waits for the running ones (aborted after the graceful timeout); safe to call twice. */
export async function stopJobQueue(): Promise<void> {
  const state = globalForQueue.factdeskJobQueue
  if (!state) return
  state.stopping = true
  clearTimeout(state.restartTimer)
  const runner = state.runner as RunnerWithPools | undefined
  state.runner = undefined
  if (!runner) return
  // Bounded, so that Ctrl-C never hangs on a queue whose database is gone.
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, STOP_TIMEOUT_MS)
    timer.unref()
  })
  await Promise.race([runner.stop().catch(() => {}), timeout])
  clearTimeout(timer)
  for (const id of runner.pools ?? []) state.endedPools.add(id)
  await unlockEndedPools(state, state.connectionString ?? getEnv().DATABASE_URL)
}

/** Whether a runner is running in this process now. */
export function jobQueueRunning(): boolean {
  return Boolean(globalForQueue.factdeskJobQueue?.runner)
}
