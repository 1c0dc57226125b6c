// Adds background jobs inside the caller's transaction, so a job exists exactly when what caused it committed:
// a rolled-back approval leaves no webhook behind, and a committed one always has its job.
import type { Prisma } from '~/generated/prisma/client'

export type EnqueueOptions = {
  /** A job with the same key that has not started yet is replaced (graphile-worker's `replace` mode). */
  jobKey?: string
  /** When the job may run first; now when left out. */
  runAt?: Date
  /** How often graphile-worker runs the job before giving up on it; its default (25) when left out. */
  maxAttempts?: number
}

/** Queues `task` with `payload` on graphile-worker, in `tx`. Returns the job's id. */
export async function enqueueJob(
  tx: Prisma.TransactionClient,
  task: string,
  payload: Prisma.InputJsonObject,
  options: EnqueueOptions = {},
): Promise<string> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM graphile_worker.add_job(
      identifier => ${task}::text,
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text
    )`
  return rows[0]!.id
}
