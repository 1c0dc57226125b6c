// A person's work lists on /queue: what is assigned to them (most urgent first), what waits for their
// review (never their own proposals), and what an editor sent back to them.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { ClaimStatus } from '~/generated/prisma/enums'
import * as queueRoute from '~/routes/queue'
import { db } from '~/utils/db.server'
import { createArticle, createClaim, postToClaim, type TestArticle } from '../helpers/claims'
import { callLoader } from '../helpers/route'
import { createUser, createUsers, type TestUser } from '../helpers/users'

const DAY = 24 * 60 * 60 * 1000

let users: Awaited<ReturnType<typeof createUsers>>
let article: TestArticle

beforeAll(async () => {
  users = await createUsers()
  article = await createArticle(users.reporter, 'Queue article', 'Exports rose 4% last year.')
})

type Setup = {
  text: string
  status?: ClaimStatus
  assignee?: TestUser
  dueAt?: Date | null
  proposedBy?: TestUser
  proposedAt?: Date
  deleted?: boolean
}

function makeClaim(setup: Setup) {
  return createClaim(article, 'Exports rose 4%', users.reporter, {
    text: setup.text,
    status: setup.status ?? 'IN_RESEARCH',
    verdict: setup.status === 'NEEDS_REVIEW' || setup.status === 'APPROVED' ? 'TRUE' : null,
    rationale: setup.status === 'NEEDS_REVIEW' ? 'Checked.' : '',
    assigneeId: setup.assignee?.id ?? null,
    dueAt: setup.dueAt ?? null,
    proposedById: setup.proposedBy?.id ?? null,
    proposedAt: setup.proposedAt ?? (setup.proposedBy ? new Date() : null),
    deletedAt: setup.deleted ? new Date() : null,
  })
}

function queue(user: TestUser, search = '') {
  return callLoader(queueRoute.loader, { url: `/queue${search}`, user })
}

const texts = (list: { items: Array<{ text: string }> }) => list.items.map((item) => item.text)

describe('assigned to me', () => {
  it('lists open claims I hold, overdue first, then by due date, then those without one, across pages', async () => {
    const me = await createUser('FACT_CHECKER')
    const now = Date.now()
    await makeClaim({ text: 'no due date A', assignee: me })
    await makeClaim({ text: 'due in 3 days', assignee: me, dueAt: new Date(now + 3 * DAY) })
    await makeClaim({ text: 'overdue by 2 days', assignee: me, dueAt: new Date(now - 2 * DAY) })
    await makeClaim({
      text: 'due tomorrow',
      assignee: me,
      dueAt: new Date(now + DAY),
      status: 'NEEDS_REVIEW',
      proposedBy: me,
    })
    await makeClaim({ text: 'overdue by 5 days', assignee: me, dueAt: new Date(now - 5 * DAY), status: 'UNREVIEWED' })
    for (let index = 0; index < 7; index += 1)
      await makeClaim({ text: `later ${index}`, assignee: me, dueAt: new Date(now + (10 + index) * DAY) })
    await makeClaim({ text: 'no due date B', assignee: me })
    await makeClaim({ text: 'approved', assignee: me, status: 'APPROVED', dueAt: new Date(now - DAY) })
    await makeClaim({ text: 'deleted', assignee: me, deleted: true })
    await makeClaim({ text: 'someone else', assignee: users.checker, dueAt: new Date(now - 9 * DAY) })

    const first = await queue(me)
    expect(first.data.mine.count).toBe(13)
    expect(texts(first.data.mine)).toEqual([
      'overdue by 5 days',
      'overdue by 2 days',
      'due tomorrow',
      'due in 3 days',
      'later 0',
      'later 1',
      'later 2',
      'later 3',
      'later 4',
      'later 5',
    ])
    expect(first.data.mine.items[0].due).toMatchObject({ overdue: true, words: 'Overdue by 5 days' })
    expect(first.data.mine.items[0].article).toEqual({ id: article.id, title: 'Queue article' })
    const second = await queue(me, `?mine=${encodeURIComponent(first.data.mine.nextAfter)}`)
    expect(texts(second.data.mine).slice(0, 1)).toEqual(['later 6'])
    expect(texts(second.data.mine).slice(1).sort()).toEqual(['no due date A', 'no due date B'])
    expect(second.data.mine.nextAfter).toBeNull()
    expect(first.data.review).toBeNull()
  })
})

describe('waiting for my review', () => {
  it('shows editors the proposals of others, longest waiting first, and never their own', async () => {
    const editor = await createUser('EDITOR')
    const now = Date.now()
    await makeClaim({
      text: 'newer proposal',
      status: 'NEEDS_REVIEW',
      proposedBy: users.checker,
      proposedAt: new Date(now - DAY),
    })
    await makeClaim({
      text: 'older proposal',
      status: 'NEEDS_REVIEW',
      proposedBy: users.checker,
      proposedAt: new Date(now - 3 * DAY),
    })
    await makeClaim({ text: 'my own proposal', status: 'NEEDS_REVIEW', proposedBy: editor })
    await makeClaim({ text: 'still in research', status: 'IN_RESEARCH' })
    const result = await queue(editor)
    expect(result.data.review.count).toBeGreaterThanOrEqual(2)
    const listed = texts(result.data.review)
    expect(listed).not.toContain('my own proposal')
    expect(listed).not.toContain('still in research')
    expect(listed.indexOf('older proposal')).toBeLessThan(listed.indexOf('newer proposal'))
    expect(result.data.review.items.find((item: { text: string }) => item.text === 'older proposal').proposedBy).toBe(
      users.checker.name,
    )
  })

  it('is not offered to fact-checkers or reporters', async () => {
    expect((await queue(users.checker)).data.review).toBeNull()
    expect((await queue(users.reporter)).data.review).toBeNull()
  })
})

describe('returned to me', () => {
  function post(user: TestUser, claimId: string, form: Record<string, string>) {
    return postToClaim(user, claimId, form)
  }

  it('lists a returned claim for its holder and its proposer until they propose again', async () => {
    const holder = await createUser('FACT_CHECKER')
    const proposer = await createUser('FACT_CHECKER')
    const bystander = await createUser('FACT_CHECKER')
    const claimId = await makeClaim({ text: 'sent back', status: 'IN_RESEARCH', assignee: holder })
    const source = await db.source.create({ data: { url: 'https://example.org/exports', title: 'Exports' } })
    await db.claimSource.create({ data: { claimId, sourceId: source.id, stance: 'SUPPORTS', addedById: holder.id } })
    expect(
      (await post(proposer, claimId, { intent: 'propose', version: '1', verdict: 'TRUE', rationale: 'Yes.' })).status,
    ).toBe(302)
    expect((await post(users.editor, claimId, { intent: 'return', version: '2', note: 'Which year?' })).status).toBe(
      302,
    )

    for (const user of [holder, proposer]) {
      const result = await queue(user)
      expect(result.data.returned.count).toBe(1)
      expect(result.data.returned.items[0]).toMatchObject({
        text: 'sent back',
        returned: { by: users.editor.name, note: 'Which year?' },
      })
    }
    expect((await queue(bystander)).data.returned.count).toBe(0)

    // Working on it (here: attaching another source) keeps it listed; proposing again takes it off.
    expect(
      (
        await post(holder, claimId, {
          intent: 'attach-source',
          version: '3',
          url: 'https://example.org/year',
          title: 'Year',
          kind: 'DATASET',
          stance: 'SUPPORTS',
        })
      ).status,
    ).toBe(302)
    expect((await queue(holder)).data.returned.count).toBe(1)
    expect(
      (await post(holder, claimId, { intent: 'propose', version: '4', verdict: 'TRUE', rationale: 'It was 2023.' }))
        .status,
    ).toBe(302)
    expect((await queue(holder)).data.returned.count).toBe(0)
    expect((await queue(proposer)).data.returned.count).toBe(0)
  })

  it('pages through returned claims', async () => {
    const holder = await createUser('FACT_CHECKER')
    // Each return comes after the claim was created, a second apart.
    const base = Date.now() + 1000
    for (let index = 0; index < 12; index += 1) {
      const claimId = await makeClaim({
        text: `returned ${String(index).padStart(2, '0')}`,
        status: 'IN_RESEARCH',
        assignee: holder,
        // Only a proposed verdict can be returned, and a return keeps its proposer.
        proposedBy: holder,
      })
      await db.claimEvent.create({
        data: {
          claimId,
          actorId: users.editor.id,
          type: 'RETURNED',
          fromStatus: 'NEEDS_REVIEW',
          toStatus: 'IN_RESEARCH',
          note: 'Again',
          createdAt: new Date(base + index * 1000),
        },
      })
    }
    const first = await queue(holder)
    expect(first.data.returned.count).toBe(12)
    const second = await queue(holder, `?returned=${encodeURIComponent(first.data.returned.nextAfter)}`)
    expect([...texts(first.data.returned), ...texts(second.data.returned)]).toEqual(
      Array.from({ length: 12 }, (_, index) => `returned ${String(index).padStart(2, '0')}`),
    )
    expect(second.data.returned.nextAfter).toBeNull()
  })
})

describe('up for grabs', () => {
  async function grab(text: string, createdAt: Date, data: Partial<Setup> = {}) {
    const id = await makeClaim({ text, status: 'UNREVIEWED', ...data })
    await db.claim.update({ where: { id }, data: { createdAt } })
    return id
  }

  it('lists the open claims nobody holds, the longest waiting first, a page at a time', async () => {
    const before = (await queue(users.checker)).data.grabs.count
    // Older than every other claim of this file, so they head the list.
    const start = Date.UTC(2020, 0, 1)
    for (let index = 0; index < 12; index += 1) {
      const status = index % 3 === 0 ? 'IN_RESEARCH' : index % 3 === 1 ? 'NEEDS_REVIEW' : 'UNREVIEWED'
      await grab(`grab ${String(index).padStart(2, '0')}`, new Date(start + index * DAY), { status })
    }
    await grab('approved, nobody', new Date(start - DAY), { status: 'APPROVED' })
    await grab('held', new Date(start - DAY), { assignee: users.editor })
    await grab('deleted', new Date(start - DAY), { deleted: true })

    const first = await queue(users.checker)
    expect(first.data.grabs.count).toBe(before + 12)
    expect(texts(first.data.grabs)).toEqual(Array.from({ length: 10 }, (_, i) => `grab ${String(i).padStart(2, '0')}`))
    const second = await queue(users.checker, `?grabs=${encodeURIComponent(first.data.grabs.nextAfter)}`)
    expect(texts(second.data.grabs).slice(0, 2)).toEqual(['grab 10', 'grab 11'])
    expect(texts(second.data.grabs)).not.toContain('held')
    // Paging one list leaves the others where they were.
    expect(texts(second.data.mine)).toEqual(texts(first.data.mine))
  })

  it('is offered to everyone who can take or assign a claim, not to reporters', async () => {
    expect((await queue(users.editor)).data.grabs).not.toBeNull()
    expect((await queue(users.admin)).data.grabs).not.toBeNull()
    expect((await queue(users.reporter)).data.grabs).toBeNull()
  })

  it('lets a fact-checker take a listed claim with the version the list showed, and only once', async () => {
    const taker = await createUser('FACT_CHECKER')
    const late = await createUser('FACT_CHECKER')
    const claimId = await grab('take me', new Date(Date.UTC(2019, 0, 1)))
    const item = (await queue(taker)).data.grabs.items[0]
    expect(item).toMatchObject({ id: claimId, text: 'take me', version: 1 })
    const form = { intent: 'assign', assigneeId: taker.id, version: String(item.version) }
    const taken = await postToClaim(taker, claimId, form)
    expect(taken.status).toBe(302)
    expect(taken.location).toBe(`/claims/${claimId}`)
    const after = await queue(taker)
    expect(texts(after.data.mine)).toContain('take me')
    expect(texts(after.data.grabs)).not.toContain('take me')

    // Someone who still had the old list open cannot take it from under them.
    const lateForm = { ...form, assigneeId: late.id }
    const refused = await postToClaim(late, claimId, lateForm)
    expect(refused.status).toBe(403)
    expect(refused.data.message).toMatch(/already assigned to someone else/)
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).assigneeId).toBe(taker.id)
  })
})
