// Notifications: who hears of which change, written in the change's own transaction, and the
// reminders notifyDue sends once per claim, person, kind and due date.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { transitionClaim } from '~/claims/transitions.server'
import { notifyDue } from '~/notifications/notifications.server'
import { db } from '~/utils/db.server'
import { attachSources, createArticle, createArticleWithClaim, createClaim, postToClaim } from '../helpers/claims'
import { createUser, createUsers, type TestUser } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>

beforeAll(async () => {
  users = await createUsers()
})

function notificationsOf(user: { id: string }, claimId?: string) {
  return db.notification.findMany({
    where: { userId: user.id, ...(claimId ? { claimId } : {}) },
    orderBy: { createdAt: 'asc' },
    select: { kind: true, body: true, actorId: true, readAt: true },
  })
}

/** A claim proposed by `checker` (who holds it), waiting for review at version 3. */
async function proposedClaim(checker: TestUser, text = 'Turnout was 71 percent') {
  const { claimId } = await createArticleWithClaim(users.reporter, { body: `${text}.`, quote: text })
  await attachSources(claimId, 1, checker)
  expect(
    (await postToClaim(users.editor, claimId, { intent: 'assign', assigneeId: checker.id, version: '1' })).status,
  ).toBe(302)
  expect((await postToClaim(checker, claimId, { intent: 'start', version: '2' })).status).toBe(302)
  expect(
    (await postToClaim(checker, claimId, { intent: 'propose', version: '3', verdict: 'TRUE', rationale: 'Yes.' }))
      .status,
  ).toBe(302)
  return claimId
}

describe('notifications from the workflow', () => {
  it('tells the assignee a claim was assigned to them, and nobody when they take it themselves', async () => {
    const checker = await createUser('FACT_CHECKER', { name: 'Chris Checker' })
    const { claimId } = await createArticleWithClaim(users.reporter)
    await postToClaim(users.editor, claimId, { intent: 'assign', assigneeId: checker.id, version: '1' })
    expect(await notificationsOf(checker, claimId)).toEqual([
      {
        kind: 'ASSIGNED',
        body: `${users.editor.name} assigned “Turnout was 71 percent” to you.`,
        actorId: users.editor.id,
        readAt: null,
      },
    ])
    const other = (await createArticleWithClaim(users.reporter)).claimId
    expect((await postToClaim(checker, other, { intent: 'assign', assigneeId: checker.id, version: '1' })).status).toBe(
      302,
    )
    expect(await notificationsOf(checker, other)).toEqual([])
  })

  it('tells the researcher their claim came back, with the editor’s note', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    expect(
      (await postToClaim(users.editor, claimId, { intent: 'return', version: '4', note: 'Which year?' })).status,
    ).toBe(302)
    const told = await notificationsOf(checker, claimId)
    expect(told.map(({ kind }) => kind)).toEqual(['ASSIGNED', 'RETURNED'])
    expect(told[1]!.body).toBe(`${users.editor.name} returned “Turnout was 71 percent” to you: Which year?`)
  })

  it('tells the proposer their verdict was approved, then reopened', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    expect((await postToClaim(users.editor, claimId, { intent: 'approve', version: '4' })).status).toBe(302)
    expect(
      (await postToClaim(users.admin, claimId, { intent: 'reopen', version: '5', note: 'New figures.' })).status,
    ).toBe(302)
    const told = await notificationsOf(checker, claimId)
    expect(told.map(({ kind, body }) => [kind, body])).toEqual([
      ['ASSIGNED', expect.any(String)],
      ['APPROVED', `${users.editor.name} approved your verdict on “Turnout was 71 percent”.`],
      ['REOPENED', `${users.admin.name} reopened “Turnout was 71 percent”: New figures.`],
    ])
    // The editor who approved hears nothing of their own approval.
    expect(await notificationsOf(users.editor, claimId)).toEqual([])
  })

  it('tells the assignee and the proposer of a comment, once each, never its author', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    expect((await postToClaim(users.reporter, claimId, { intent: 'comment', body: 'Is 71 rounded?' })).status).toBe(302)
    const told = await notificationsOf(checker, claimId)
    expect(told.at(-1)).toMatchObject({
      kind: 'COMMENTED',
      body: `${users.reporter.name} commented on “Turnout was 71 percent”: Is 71 rounded?`,
    })
    expect(told.filter(({ kind }) => kind === 'COMMENTED')).toHaveLength(1)
    expect((await postToClaim(checker, claimId, { intent: 'comment', body: 'Yes, from 70.6.' })).status).toBe(302)
    expect((await notificationsOf(checker, claimId)).filter(({ kind }) => kind === 'COMMENTED')).toHaveLength(1)
    expect(await notificationsOf(users.reporter, claimId)).toEqual([])
  })

  it('sends nothing of a kind the person muted', async () => {
    const checker = await createUser('FACT_CHECKER')
    await db.notificationMute.create({ data: { userId: checker.id, kind: 'ASSIGNED' } })
    const { claimId } = await createArticleWithClaim(users.reporter)
    await postToClaim(users.editor, claimId, { intent: 'assign', assigneeId: checker.id, version: '1' })
    expect(await notificationsOf(checker, claimId)).toEqual([])
  })
})

describe('a notification shares its cause’s transaction', () => {
  it('an approval rolled back at commit leaves no notification and no live event', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    const before = await db.liveEvent.count({ where: { claimId } })
    // A deferred check that fails at commit, after the claim, its event and the notification were written.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused at commit'; END $$`)
    await db.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER INSERT ON "ClaimEvent"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_commit()`)
    try {
      await expect(transitionClaim(users.editor, claimId, 'approve', { version: 4 })).rejects.toThrow(
        /refused at commit/,
      )
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER test_refuse_commit ON "ClaimEvent"')
      await db.$executeRawUnsafe('DROP FUNCTION test_refuse_commit()')
    }
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true, version: true } })
    expect(claim).toEqual({ status: 'NEEDS_REVIEW', version: 4 })
    expect((await notificationsOf(checker, claimId)).map(({ kind }) => kind)).toEqual(['ASSIGNED'])
    expect(await db.liveEvent.count({ where: { claimId } })).toBe(before)
  })

  it('a notification that cannot be written undoes the comment that caused it', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_notification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'no notifications today'; END $$`)
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_notification BEFORE INSERT ON "Notification"
      FOR EACH ROW EXECUTE FUNCTION test_refuse_notification()`)
    try {
      await expect(postToClaim(users.reporter, claimId, { intent: 'comment', body: 'Lost?' })).rejects.toThrow()
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER test_refuse_notification ON "Notification"')
      await db.$executeRawUnsafe('DROP FUNCTION test_refuse_notification()')
    }
    expect(await db.comment.count({ where: { claimId } })).toBe(0)
  })
})

describe('notifyDue', () => {
  const now = new Date('2026-12-02T09:00:00Z')

  async function dueClaims() {
    const checker = await createUser('FACT_CHECKER')
    const article = await createArticle(users.reporter, 'Reminders', 'One. Two. Three. Four. Five.')
    const tomorrow = await createClaim(article, 'One', users.reporter, {
      assigneeId: checker.id,
      dueAt: new Date('2026-12-03T23:59:59.999Z'),
    })
    const overdue = await createClaim(article, 'Two', users.reporter, {
      assigneeId: checker.id,
      dueAt: new Date('2026-12-01T23:59:59.999Z'),
    })
    const later = await createClaim(article, 'Three', users.reporter, {
      assigneeId: checker.id,
      dueAt: new Date('2026-12-05T23:59:59.999Z'),
    })
    const approved = await createClaim(article, 'Four', users.reporter, {
      assigneeId: checker.id,
      status: 'APPROVED',
      dueAt: new Date('2026-12-01T23:59:59.999Z'),
    })
    const unassigned = await createClaim(article, 'Five', users.reporter, {
      dueAt: new Date('2026-12-01T23:59:59.999Z'),
    })
    return { checker, tomorrow, overdue, later, approved, unassigned }
  }

  it('reminds the assignee of a claim due tomorrow and of an overdue one, and of nothing else', async () => {
    await db.notification.deleteMany({ where: { kind: { in: ['DUE_TOMORROW', 'OVERDUE'] } } })
    const { checker, tomorrow, overdue } = await dueClaims()
    await notifyDue(db, now)
    const told = await db.notification.findMany({
      where: { userId: checker.id },
      select: { kind: true, claimId: true, body: true, actorId: true },
      orderBy: { kind: 'asc' },
    })
    expect(told).toEqual([
      { kind: 'DUE_TOMORROW', claimId: tomorrow, body: '“One” is due tomorrow.', actorId: null },
      { kind: 'OVERDUE', claimId: overdue, body: '“Two” is overdue.', actorId: null },
    ])
  })

  it('creates each reminder once, even when two calls run at the same time', async () => {
    const { checker } = await dueClaims()
    const created = await Promise.all([notifyDue(db, now), notifyDue(db, now), notifyDue(db, now)])
    expect(await db.notification.count({ where: { userId: checker.id } })).toBe(2)
    expect(created.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(2)
    expect(await notifyDue(db, new Date(now.getTime() + 60_000))).toBe(0)
    expect(await db.notification.count({ where: { userId: checker.id } })).toBe(2)
  })

  it('reminds again once a due date moves, and only once for the new date', async () => {
    const { checker, tomorrow } = await dueClaims()
    await notifyDue(db, now)
    // The deadline is pushed back a day; the day before the new one, the assignee hears of it again.
    await db.claim.update({ where: { id: tomorrow }, data: { dueAt: new Date('2026-12-04T23:59:59.999Z') } })
    const nextDay = new Date('2026-12-03T09:00:00Z')
    await notifyDue(db, nextDay)
    await notifyDue(db, nextDay)
    const reminders = await db.notification.findMany({
      where: { userId: checker.id, claimId: tomorrow },
      select: { kind: true, dueAt: true },
      orderBy: { createdAt: 'asc' },
    })
    expect(reminders).toEqual([
      { kind: 'DUE_TOMORROW', dueAt: new Date('2026-12-03T23:59:59.999Z') },
      { kind: 'DUE_TOMORROW', dueAt: new Date('2026-12-04T23:59:59.999Z') },
    ])
  })

  it('skips a reminder the assignee muted', async () => {
    const { checker } = await dueClaims()
    await db.notificationMute.create({ data: { userId: checker.id, kind: 'OVERDUE' } })
    await notifyDue(db, now)
    expect((await notificationsOf(checker)).map(({ kind }) => kind)).toEqual(['DUE_TOMORROW'])
  })
})
