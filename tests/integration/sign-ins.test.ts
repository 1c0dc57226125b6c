import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as login from '~/routes/login'
import * as signIns from '~/routes/admin/sign-ins'
import { CLIENT_ADDRESS_HEADER } from '~/utils/client-address'
import { db } from '~/utils/db.server'
import { captureLogs } from '~/utils/log.server'
import { callAction, callLoader } from '../helpers/route'
import { createUser, type TestUser } from '../helpers/users'

let logs: ReturnType<typeof captureLogs>
beforeEach(() => {
  logs = captureLogs()
})
afterEach(() => logs.stop())

function loginWith(email: string, password: string, address: string) {
  return callAction(login.action, {
    url: '/login',
    form: { email, password },
    headers: { [CLIENT_ADDRESS_HEADER]: address },
  })
}

async function guessSixTimes(user: TestUser, address: string) {
  for (let attempt = 0; attempt < 5; attempt++)
    expect((await loginWith(user.email, `guess ${attempt}`, address)).status).toBe(400)
  expect((await loginWith(user.email, 'one guess too many', address)).status).toBe(429)
}

type Row = {
  id: string
  subject: string
  state: string
  failures: number
  clearedBy: string | null
  lastFailureAt: Date
}

async function lockoutsSeenBy(admin: TestUser, query = '') {
  const result = await callLoader(signIns.loader, { url: `/admin/sign-ins${query}`, user: admin })
  expect(result.status).toBe(200)
  return result.data as { lockouts: Row[]; nextAfter: string | null }
}

describe('sign-in lockouts for admins', () => {
  it('shows an admin the account that wrong passwords are slowing, and how many there were', async () => {
    const [admin, victim] = [await createUser('ADMIN'), await createUser('EDITOR')]
    await guessSixTimes(victim, '192.0.2.10')
    const { lockouts } = await lockoutsSeenBy(admin)
    expect(lockouts.find((row) => row.subject === victim.email)).toMatchObject({ state: 'slowing', failures: 5 })
    expect(logs.lines.some((line) => line.event === 'lockout_started' && line.email === victim.email)).toBe(true)
  })

  it('lets an admin clear a lockout, after which its owner signs in from a new browser at once', async () => {
    const [admin, victim] = [await createUser('ADMIN'), await createUser('FACT_CHECKER')]
    await guessSixTimes(victim, '192.0.2.11')
    expect((await loginWith(victim.email, victim.password, '203.0.113.11')).status).toBe(429)
    const lockout = (await lockoutsSeenBy(admin)).lockouts.find((row) => row.subject === victim.email)!

    const cleared = await callAction(signIns.action, {
      url: '/admin/sign-ins',
      user: admin,
      form: { intent: 'clear', lockoutId: lockout.id },
    })
    expect(cleared.status).toBe(302)
    expect(cleared.location).toBe('/admin/sign-ins')
    expect((await loginWith(victim.email, victim.password, '203.0.113.11')).status).toBe(302)

    expect((await lockoutsSeenBy(admin)).lockouts.map((row) => row.id)).not.toContain(lockout.id)
    const history = (await lockoutsSeenBy(admin, '?show=all')).lockouts.find((row) => row.id === lockout.id)
    expect(history).toMatchObject({ state: 'cleared', clearedBy: admin.name })
    // Submitted from the page with JavaScript, the form posts to the .data address; the redirect is to the page.
    const fromScript = await callAction(signIns.action, {
      url: '/admin/sign-ins.data?show=all&_routes=routes%2Fadmin%2Fsign-ins',
      user: admin,
      form: { intent: 'clear', lockoutId: lockout.id },
    })
    expect(fromScript.location).toBe('/admin/sign-ins?show=all')
    expect(logs.lines.some((line) => line.event === 'lockout_cleared' && line.adminId === admin.id)).toBe(true)
  })

  it('shows a run of wrong passwords from one address across accounts as the address', async () => {
    const admin = await createUser('ADMIN')
    for (let attempt = 0; attempt < 20; attempt++)
      await loginWith(`nobody-${attempt}@factdesk.test`, 'guess', '192.0.2.12')
    const { lockouts } = await lockoutsSeenBy(admin)
    expect(lockouts.find((row) => row.subject === 'Address 192.0.2.12')).toMatchObject({
      state: 'slowing',
      failures: 20,
    })
  })

  it('ends a lockout when its owner signs in with the right password', async () => {
    const [admin, user] = [await createUser('ADMIN'), await createUser('REPORTER')]
    for (let attempt = 0; attempt < 5; attempt++) await loginWith(user.email, `slip ${attempt}`, '203.0.113.12')
    await db.loginFailure.updateMany({ where: { key: user.email }, data: { createdAt: new Date(Date.now() - 60_000) } })
    expect((await loginWith(user.email, user.password, '203.0.113.12')).status).toBe(302)
    const row = (await lockoutsSeenBy(admin, '?show=all')).lockouts.find((lockout) => lockout.subject === user.email)
    expect(row).toMatchObject({ state: 'ended', clearedBy: null })
  })

  it('says so when the lockout to clear is not on record or is not named', async () => {
    const admin = await createUser('ADMIN')
    const missing = await callAction(signIns.action, {
      url: '/admin/sign-ins',
      user: admin,
      form: { intent: 'clear', lockoutId: 'no-such-lockout' },
    })
    expect(missing.status).toBe(404)
    expect(missing.data.error).toBe('That lockout is no longer on record; reload the page.')
    const unnamed = await callAction(signIns.action, { url: '/admin/sign-ins', user: admin, form: { intent: 'clear' } })
    expect(unnamed.status).toBe(400)
    expect(unnamed.data.error).toBe('That request was incomplete; reload the page and try again.')
  })

  it('pages through 100,000 lockouts newest first, 50 at a time, without repeating one', async () => {
    const admin = await createUser('ADMIN')
    await db.$executeRaw`
      INSERT INTO "SignInLockout" ("id", "scope", "key", "email", "failures", "startedAt", "lastFailureAt", "retryAt", "endedAt")
      SELECT 'bulk-' || n, 'ACCOUNT', 'bulk-' || n || '@factdesk.test', 'bulk-' || n || '@factdesk.test', 5,
             now() - n * interval '1 second', now() - n * interval '1 second', now(), CASE WHEN n % 2 = 0 THEN now() END
      FROM generate_series(1, 100000) AS n`
    const first = await lockoutsSeenBy(admin, '?show=all')
    const second = await lockoutsSeenBy(admin, `?show=all&after=${first.nextAfter}`)
    expect(first.lockouts).toHaveLength(50)
    expect(second.lockouts).toHaveLength(50)
    const both = [...first.lockouts, ...second.lockouts]
    expect(new Set(both.map((row) => row.id)).size).toBe(100)
    const times = both.map((row) => new Date(row.lastFailureAt).getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    // The lockouts of the tests above are newer and come first; then the generated ones, newest first.
    const bulk = both.filter((row) => row.subject.startsWith('bulk-')).map((row) => row.subject)
    expect(bulk.slice(0, 3)).toEqual(['bulk-1@factdesk.test', 'bulk-2@factdesk.test', 'bulk-3@factdesk.test'])
    const current = await lockoutsSeenBy(admin)
    expect(current.lockouts).toHaveLength(50)
    expect(current.lockouts.every((row) => row.state === 'slowing')).toBe(true)
    const plan = await db.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(
      `EXPLAIN SELECT "id" FROM "SignInLockout" ORDER BY "lastFailureAt" DESC, "id" DESC LIMIT 51`,
    )
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain('SignInLockout_lastFailureAt_id_idx')
  })
})
