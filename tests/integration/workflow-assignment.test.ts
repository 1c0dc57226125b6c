// Who works on a claim: editors assign anyone who researches claims with a due date; a fact-checker
// takes an unassigned claim for themselves; every change is version-checked and recorded.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { db } from '~/utils/db.server'
import { createArticle, createClaim, loadClaimPage, postToClaim, type TestArticle } from '../helpers/claims'
import { createUser, createUsers, type TestUser } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>
let checker2: TestUser
let article: TestArticle

beforeAll(async () => {
  users = await createUsers()
  checker2 = await createUser('FACT_CHECKER')
  article = await createArticle(users.reporter, 'Assignments', 'The bridge opened in 1932.')
})

function makeClaim(
  data: { assigneeId?: string; status?: 'UNREVIEWED' | 'IN_RESEARCH' | 'APPROVED'; dueAt?: Date } = {},
) {
  return createClaim(article, 'The bridge opened in 1932', users.reporter, data)
}

function assign(user: TestUser, claimId: string, form: Record<string, string>) {
  return postToClaim(user, claimId, { intent: 'assign', ...form })
}

async function state(claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { assigneeId: true, dueAt: true, version: true },
  })
  return { ...claim, events: await db.claimEvent.count({ where: { claimId } }) }
}

describe('editors assigning claims', () => {
  it('assigns a fact-checker with a due date, bumps the version and records both changes', async () => {
    const claimId = await makeClaim()
    const form = { version: '1', assigneeId: checker2.id, setDue: 'on', dueAt: '2030-05-01' }
    const result = await assign(users.editor, claimId, form)
    expect(result.status).toBe(302)
    expect(await state(claimId)).toEqual({
      assigneeId: checker2.id,
      dueAt: new Date('2030-05-01T23:59:59.999Z'),
      version: 2,
      events: 2,
    })
    const event = await db.claimEvent.findFirstOrThrow({ where: { claimId, type: 'ASSIGNED' } })
    expect(event).toMatchObject({
      actorId: users.editor.id,
      changes: { assignee: { from: null, to: checker2.id }, dueAt: { from: null, to: '2030-05-01T23:59:59.999Z' } },
    })
  })

  it('reassigns, clears the due date, and unassigns', async () => {
    const claimId = await makeClaim({ assigneeId: users.checker.id, dueAt: new Date('2030-01-01T00:00:00Z') })
    expect(
      (await assign(users.admin, claimId, { version: '1', assigneeId: users.editor.id, setDue: 'on' })).status,
    ).toBe(302)
    expect(await state(claimId)).toMatchObject({ assigneeId: users.editor.id, dueAt: null, version: 2 })
    expect((await assign(users.editor, claimId, { version: '2', assigneeId: '', setDue: 'on' })).status).toBe(302)
    expect(await state(claimId)).toMatchObject({ assigneeId: null, version: 3, events: 3 })
  })

  it('saves nothing when nothing changed', async () => {
    const claimId = await makeClaim({ assigneeId: users.checker.id })
    const result = await assign(users.editor, claimId, { version: '1', assigneeId: users.checker.id, setDue: 'on' })
    expect(result.status).toBe(302)
    expect(await state(claimId)).toMatchObject({ version: 1, events: 1 })
  })

  it('refuses a reporter or an inactive person as assignee (400)', async () => {
    const claimId = await makeClaim()
    const inactive = await createUser('FACT_CHECKER', { active: false })
    for (const person of [users.reporter, inactive]) {
      const result = await assign(users.editor, claimId, { version: '1', assigneeId: person.id, setDue: 'on' })
      expect(result.status).toBe(400)
      expect(result.data.result.error.assigneeId).toEqual(['Choose an active fact-checker or editor from the list.'])
    }
    expect(await state(claimId)).toMatchObject({ assigneeId: null, version: 1, events: 1 })
  })

  it('refuses a stale version (409) and shows who holds the claim now', async () => {
    const claimId = await makeClaim()
    expect((await assign(users.checker, claimId, { version: '1', assigneeId: users.checker.id })).status).toBe(302)
    const stale = { version: '1', assigneeId: checker2.id, setDue: 'on', dueAt: '2030-02-02' }
    const result = await assign(users.editor, claimId, stale)
    expect(result.status).toBe(409)
    expect(result.data.conflict.current.assignee).toBe(users.checker.name)
    expect(result.data.conflict.events.map((event: { title: string }) => event.title)).toEqual(['Took the claim'])
    expect(result.data.typed).toEqual([
      { label: 'Assignee', value: checker2.name },
      { label: 'Due date', value: '2030-02-02' },
    ])
    expect(await state(claimId)).toMatchObject({ assigneeId: users.checker.id, version: 2 })
  })

  it('does not assign an approved claim (409)', async () => {
    const claimId = await makeClaim({ status: 'APPROVED' })
    const result = await assign(users.editor, claimId, { version: '1', assigneeId: users.checker.id, setDue: 'on' })
    expect(result.status).toBe(409)
    expect(result.data.message).toBe(
      'This claim is approved, so nobody needs to work on it. An editor can reopen it first.',
    )
  })
})

describe('fact-checkers taking claims', () => {
  it('lets a fact-checker take an unassigned claim, keeping its due date', async () => {
    const due = new Date('2030-03-03T23:59:59.999Z')
    const claimId = await makeClaim({ dueAt: due })
    const page = await loadClaimPage(users.checker, claimId)
    expect(page.data.access).toMatchObject({ canTake: true, canAssign: false })
    const result = await assign(users.checker, claimId, { version: '1', assigneeId: users.checker.id })
    expect(result.status).toBe(302)
    expect(await state(claimId)).toMatchObject({ assigneeId: users.checker.id, dueAt: due, version: 2 })
    const event = await db.claimEvent.findFirstOrThrow({ where: { claimId, type: 'ASSIGNED' } })
    expect(event.changes).toEqual({ assignee: { from: null, to: users.checker.id } })
  })

  it('refuses a claim someone else holds, assigning someone else, and setting a due date (403)', async () => {
    const held = await makeClaim({ assigneeId: checker2.id })
    const taken = await assign(users.checker, held, { version: '1', assigneeId: users.checker.id })
    expect(taken.status).toBe(403)
    expect(taken.data.message).toBe('This claim is already assigned to someone else. An editor can reassign it.')
    expect((await loadClaimPage(users.checker, held)).data.access.canTake).toBe(false)

    const free = await makeClaim()
    const other = await assign(users.checker, free, { version: '1', assigneeId: checker2.id })
    expect(other.status).toBe(403)
    expect(other.data.message).toBe('You can only assign a claim to yourself. An editor can assign it to someone else.')
    const due = { version: '1', assigneeId: users.checker.id, setDue: 'on', dueAt: '2030-01-01' }
    const withDue = await assign(users.checker, free, due)
    expect(withDue.status).toBe(403)
    expect(withDue.data.message).toBe(
      'Only editors and admins can set due dates. Take the claim without one, or ask an editor.',
    )
    expect(await state(held)).toMatchObject({ assigneeId: checker2.id, version: 1, events: 1 })
    expect(await state(free)).toMatchObject({ assigneeId: null, version: 1, events: 1 })
  })

  it('refuses a reporter (403)', async () => {
    const claimId = await makeClaim()
    const result = await assign(users.reporter, claimId, { version: '1', assigneeId: users.reporter.id })
    expect(result.status).toBe(403)
    expect(await state(claimId)).toMatchObject({ assigneeId: null, version: 1 })
  })
})
