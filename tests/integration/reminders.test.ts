// Reminders run on the job queue's schedule: the crontab names tasks the queue knows, and when two
// processes' workers both run the reminder task, each claim's holder is reminded once.
import { afterAll, describe, expect, it } from '@jest/globals'
import { parseCrontab, run, type Runner } from 'graphile-worker'
import { CRONTAB, startJobQueue, stopJobQueue, TASKS } from '~/jobs/queue.server'
import { db } from '~/utils/db.server'
import { createArticle, createClaim } from '../helpers/claims'
import { createUser } from '../helpers/users'

let second: Runner | null = null

afterAll(async () => {
  await Promise.all([stopJobQueue(), second?.stop()])
})

async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000) {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error('waitFor: timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('scheduled reminders', () => {
  it('are on the crontab, for tasks the queue knows', () => {
    const items = parseCrontab(CRONTAB)
    const names = items.map((item) => item.task)
    expect(names).toEqual(expect.arrayContaining(['notify_due', 'forget_login_failures', 'forget_api_token_uses']))
    for (const name of names) expect(Object.keys(TASKS)).toContain(name)
  })

  it('remind the holder of a claim due tomorrow once, when two processes’ workers both run the task', async () => {
    const reporter = await createUser('REPORTER')
    const checker = await createUser('FACT_CHECKER')
    const article = await createArticle(reporter, 'Reminders on the queue', 'Turnout rose. Prices fell.')
    const tomorrow = new Date()
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1)
    tomorrow.setUTCHours(23, 59, 59, 999)
    const claimId = await createClaim(article, 'Turnout rose', reporter, { assigneeId: checker.id, dueAt: tomorrow })

    await startJobQueue({ pollInterval: 100, concurrency: 2 })
    second = await run({
      connectionString: process.env.DATABASE_URL,
      taskList: TASKS,
      concurrency: 2,
      pollInterval: 100,
      noHandleSignals: true,
    })
    // What the schedule does at each quarter hour, from both processes at once.
    await db.$executeRaw`SELECT graphile_worker.add_job('notify_due'), graphile_worker.add_job('notify_due'),
      graphile_worker.add_job('notify_due'), graphile_worker.add_job('notify_due')`
    await waitFor(async () => {
      const [row] = await db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = 'notify_due'`
      return row!.count === 0
    })

    await Promise.all([stopJobQueue(), second.stop()])
    second = null

    const reminders = await db.notification.findMany({ where: { userId: checker.id, claimId } })
    expect(reminders.map((row) => [row.kind, row.body])).toEqual([['DUE_TOMORROW', '“Turnout rose” is due tomorrow.']])
  })
})
