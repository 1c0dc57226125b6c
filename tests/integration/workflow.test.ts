// The verification workflow through the claim page's loader and action, with real Requests against a
// real database: each transition and the event it writes, each refusal (with nothing changed), stale
// versions, and ten editors approving at once.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { paragraphAround } from '~/claims/claim-page.server'
import { describeDue } from '~/claims/due'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import * as claimRoute from '~/routes/claims/$claimId/index'
import { db } from '~/utils/db.server'
import { callAction, callLoader } from '../helpers/route'
import { createUser, createUsers, type TestUser } from '../helpers/users'

const BODY =
  'First paragraph about the river.\nThe river rose by 3 metres in 2021, the highest since records began. Officials confirmed it.\nLast paragraph.'
const QUOTE = 'The river rose by 3 metres in 2021'

let users: Awaited<ReturnType<typeof createUsers>>
let checker2: TestUser
let articleId: string

beforeAll(async () => {
  users = await createUsers()
  checker2 = await createUser('FACT_CHECKER')
  const article = await db.article.create({
    data: { title: 'River report', body: BODY, createdById: users.reporter.id },
    select: { id: true },
  })
  articleId = article.id
})

type ClaimSetup = {
  status?: ClaimStatus
  verdict?: Verdict
  rationale?: string
  proposedBy?: TestUser
  approvedBy?: TestUser
  sources?: number
}

/** A claim as the workflow would have left it: one event per version, like every real write. */
async function makeClaim(setup: ClaimSetup = {}) {
  const start = BODY.indexOf(QUOTE)
  const claim = await db.claim.create({
    data: {
      articleId,
      quote: QUOTE,
      text: QUOTE,
      startOffset: start,
      endOffset: start + QUOTE.length,
      createdById: users.reporter.id,
      status: setup.status ?? 'UNREVIEWED',
      verdict: setup.verdict ?? null,
      rationale: setup.rationale ?? '',
      proposedById: setup.proposedBy?.id ?? null,
      proposedAt: setup.proposedBy ? new Date() : null,
      approvedById: setup.approvedBy?.id ?? null,
      approvedAt: setup.approvedBy ? new Date() : null,
      events: { create: { actorId: users.reporter.id, type: 'CREATED', toStatus: 'UNREVIEWED' } },
    },
    select: { id: true },
  })
  for (let index = 0; index < (setup.sources ?? 0); index += 1) {
    const source = await db.source.create({
      data: { url: `https://example.org/${claim.id}/${index}`, title: `Source ${index}` },
    })
    await db.claimSource.create({
      data: { claimId: claim.id, sourceId: source.id, stance: 'SUPPORTS', addedById: users.checker.id },
    })
  }
  return claim.id
}

function post(user: TestUser, claimId: string, form: Record<string, string>) {
  return callAction(claimRoute.action, { url: `/claims/${claimId}`, params: { claimId }, user, form })
}

function load(user: TestUser, claimId: string) {
  return callLoader(claimRoute.loader, { url: `/claims/${claimId}`, params: { claimId }, user })
}

async function snapshot(claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      status: true,
      verdict: true,
      rationale: true,
      version: true,
      proposedById: true,
      approvedById: true,
      approvedAt: true,
      updatedAt: true,
    },
  })
  const events = await db.claimEvent.count({ where: { claimId } })
  return { claim, events }
}

async function lastEvent(claimId: string) {
  return db.claimEvent.findFirstOrThrow({ where: { claimId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
}

async function expectUnchanged(claimId: string, before: Awaited<ReturnType<typeof snapshot>>) {
  expect(await snapshot(claimId)).toEqual(before)
}

describe('each transition', () => {
  it('starts research on an unreviewed claim and records who moved it from Unreviewed to In research', async () => {
    const claimId = await makeClaim()
    const result = await post(users.checker, claimId, { intent: 'start', version: '1' })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/claims/${claimId}`)
    const { claim } = await snapshot(claimId)
    expect(claim).toMatchObject({ status: 'IN_RESEARCH', version: 2 })
    expect(await lastEvent(claimId)).toMatchObject({
      type: 'STATUS_CHANGED',
      actorId: users.checker.id,
      fromStatus: 'UNREVIEWED',
      toStatus: 'IN_RESEARCH',
      note: '',
    })
  })

  it('proposes a verdict with its rationale and sends the claim for review', async () => {
    const claimId = await makeClaim({ status: 'IN_RESEARCH', sources: 1 })
    const result = await post(users.checker, claimId, {
      intent: 'propose',
      version: '1',
      verdict: 'MOSTLY_TRUE',
      rationale: '  The gauge data shows 2.9 metres.  ',
    })
    expect(result.status).toBe(302)
    const { claim } = await snapshot(claimId)
    expect(claim).toMatchObject({
      status: 'NEEDS_REVIEW',
      verdict: 'MOSTLY_TRUE',
      rationale: 'The gauge data shows 2.9 metres.',
      proposedById: users.checker.id,
      version: 2,
    })
    expect(await lastEvent(claimId)).toMatchObject({
      type: 'VERDICT_PROPOSED',
      actorId: users.checker.id,
      fromStatus: 'IN_RESEARCH',
      toStatus: 'NEEDS_REVIEW',
      changes: {
        verdict: { from: null, to: 'MOSTLY_TRUE' },
        rationale: { from: null, to: 'The gauge data shows 2.9 metres.' },
      },
    })
  })

  it('lets “Not a factual claim” be proposed without any source', async () => {
    const claimId = await makeClaim({ status: 'IN_RESEARCH' })
    const result = await post(users.checker, claimId, {
      intent: 'propose',
      version: '1',
      verdict: 'NOT_A_CLAIM',
      rationale: 'An opinion.',
    })
    expect(result.status).toBe(302)
    expect((await snapshot(claimId)).claim).toMatchObject({ status: 'NEEDS_REVIEW', verdict: 'NOT_A_CLAIM' })
  })

  it('approves a verdict proposed by someone else and records the approver', async () => {
    const claimId = await makeClaim({
      status: 'NEEDS_REVIEW',
      verdict: 'FALSE',
      rationale: 'No.',
      proposedBy: users.checker,
      sources: 1,
    })
    const result = await post(users.editor, claimId, { intent: 'approve', version: '1' })
    expect(result.status).toBe(302)
    const { claim } = await snapshot(claimId)
    expect(claim).toMatchObject({ status: 'APPROVED', verdict: 'FALSE', approvedById: users.editor.id, version: 2 })
    expect(claim.approvedAt).toBeInstanceOf(Date)
    expect(await lastEvent(claimId)).toMatchObject({
      type: 'APPROVED',
      actorId: users.editor.id,
      fromStatus: 'NEEDS_REVIEW',
      toStatus: 'APPROVED',
      changes: { verdict: 'FALSE' },
    })
  })

  it('returns a proposal to research with the editor’s note, keeping the verdict as a draft', async () => {
    const claimId = await makeClaim({
      status: 'NEEDS_REVIEW',
      verdict: 'TRUE',
      rationale: 'Yes.',
      proposedBy: users.checker,
      sources: 1,
    })
    const result = await post(users.editor, claimId, {
      intent: 'return',
      version: '1',
      note: 'Cite the gauge data itself.',
    })
    expect(result.status).toBe(302)
    expect((await snapshot(claimId)).claim).toMatchObject({
      status: 'IN_RESEARCH',
      verdict: 'TRUE',
      proposedById: users.checker.id,
    })
    expect(await lastEvent(claimId)).toMatchObject({
      type: 'RETURNED',
      actorId: users.editor.id,
      fromStatus: 'NEEDS_REVIEW',
      toStatus: 'IN_RESEARCH',
      note: 'Cite the gauge data itself.',
    })
  })

  it('reopens an approved claim with a note: the approval goes, the verdict stays as a draft', async () => {
    const claimId = await makeClaim({
      status: 'APPROVED',
      verdict: 'TRUE',
      rationale: 'Yes.',
      proposedBy: users.checker,
      approvedBy: users.editor,
      sources: 1,
    })
    const result = await post(users.admin, claimId, {
      intent: 'reopen',
      version: '1',
      note: 'New figures were published.',
    })
    expect(result.status).toBe(302)
    expect((await snapshot(claimId)).claim).toMatchObject({
      status: 'UNREVIEWED',
      verdict: 'TRUE',
      approvedById: null,
      approvedAt: null,
      version: 2,
    })
    expect(await lastEvent(claimId)).toMatchObject({
      type: 'REOPENED',
      actorId: users.admin.id,
      fromStatus: 'APPROVED',
      toStatus: 'UNREVIEWED',
      note: 'New figures were published.',
      changes: { approvedBy: { from: users.editor.id, to: null }, verdict: 'TRUE' },
    })
  })
})

describe('refusals leave the claim untouched', () => {
  it('refuses a reporter who tries to start research (403)', async () => {
    const claimId = await makeClaim()
    const before = await snapshot(claimId)
    const result = await post(users.reporter, claimId, { intent: 'start', version: '1' })
    expect(result.status).toBe(403)
    expect(result.data.message).toBe('Only fact-checkers, editors and admins can do this.')
    await expectUnchanged(claimId, before)
  })

  it('refuses a fact-checker who tries to approve (403)', async () => {
    const claimId = await makeClaim({
      status: 'NEEDS_REVIEW',
      verdict: 'TRUE',
      rationale: 'Yes.',
      proposedBy: users.admin,
      sources: 1,
    })
    const before = await snapshot(claimId)
    const result = await post(users.checker, claimId, { intent: 'approve', version: '1' })
    expect(result.status).toBe(403)
    expect(result.data.message).toBe('Only editors and admins can do this.')
    await expectUnchanged(claimId, before)
  })

  it('refuses an editor approving or returning their own proposal (four eyes, 403)', async () => {
    const claimId = await makeClaim({ status: 'IN_RESEARCH', sources: 1 })
    expect(
      (await post(users.editor, claimId, { intent: 'propose', version: '1', verdict: 'TRUE', rationale: 'Checked.' }))
        .status,
    ).toBe(302)
    const before = await snapshot(claimId)
    const approve = await post(users.editor, claimId, { intent: 'approve', version: '2' })
    expect(approve.status).toBe(403)
    expect(approve.data.message).toBe('You cannot approve a verdict you proposed yourself.')
    const giveBack = await post(users.editor, claimId, { intent: 'return', version: '2', note: 'Hmm.' })
    expect(giveBack.status).toBe(403)
    expect(giveBack.data.message).toBe(
      'You cannot return a verdict you proposed yourself; another editor must review it.',
    )
    await expectUnchanged(claimId, before)
    // Another editor may.
    expect((await post(users.admin, claimId, { intent: 'approve', version: '2' })).status).toBe(302)
  })

  it('refuses a verdict without a source (400), beside the form, keeping what was typed', async () => {
    const claimId = await makeClaim({ status: 'IN_RESEARCH' })
    const before = await snapshot(claimId)
    const result = await post(users.checker, claimId, {
      intent: 'propose',
      version: '1',
      verdict: 'FALSE',
      rationale: 'Gauge says otherwise.',
    })
    expect(result.status).toBe(400)
    expect(result.data.message).toBe(
      'Attach at least one source before proposing this verdict. Only “Not a factual claim” needs none.',
    )
    expect(result.data.result.error['']).toEqual([result.data.message])
    expect(result.data.result.initialValue).toMatchObject({ verdict: 'FALSE', rationale: 'Gauge says otherwise.' })
    await expectUnchanged(claimId, before)
  })

  it('refuses a proposal without a verdict or without a rationale (400)', async () => {
    const claimId = await makeClaim({ status: 'IN_RESEARCH', sources: 1 })
    const before = await snapshot(claimId)
    const noVerdict = await post(users.checker, claimId, { intent: 'propose', version: '1', rationale: 'Text.' })
    expect(noVerdict.status).toBe(400)
    expect(noVerdict.data.result.error.verdict).toEqual(['Choose a verdict before sending the claim for review.'])
    const noRationale = await post(users.checker, claimId, {
      intent: 'propose',
      version: '1',
      verdict: 'TRUE',
      rationale: '   ',
    })
    expect(noRationale.status).toBe(400)
    expect(noRationale.data.result.error.rationale).toEqual([
      'Write a rationale: a short paragraph explaining how the evidence supports the verdict.',
    ])
    await expectUnchanged(claimId, before)
  })

  it('refuses a return or a reopening without a note (400)', async () => {
    const inReview = await makeClaim({
      status: 'NEEDS_REVIEW',
      verdict: 'TRUE',
      rationale: 'Yes.',
      proposedBy: users.checker,
      sources: 1,
    })
    const reviewBefore = await snapshot(inReview)
    const giveBack = await post(users.editor, inReview, { intent: 'return', version: '1', note: '  ' })
    expect(giveBack.status).toBe(400)
    expect(giveBack.data.result.error.note).toEqual(['Add a note telling the fact-checker what to look at again.'])
    await expectUnchanged(inReview, reviewBefore)

    const approved = await makeClaim({
      status: 'APPROVED',
      verdict: 'TRUE',
      rationale: 'Yes.',
      proposedBy: users.checker,
      approvedBy: users.editor,
      sources: 1,
    })
    const approvedBefore = await snapshot(approved)
    const reopen = await post(users.editor, approved, { intent: 'reopen', version: '1' })
    expect(reopen.status).toBe(400)
    expect(reopen.data.result.error.note).toEqual(['Add a note saying why this claim is being reopened.'])
    await expectUnchanged(approved, approvedBefore)
  })

  it('refuses a step that does not fit the claim’s status (409) and says what the status is', async () => {
    const claimId = await makeClaim()
    const before = await snapshot(claimId)
    const result = await post(users.editor, claimId, { intent: 'approve', version: '1' })
    expect(result.status).toBe(409)
    expect(result.data.message).toBe('Only a claim that needs review can be approved; its status is now “Unreviewed”.')
    await expectUnchanged(claimId, before)
  })

  it('refuses a stale version (409), lists what changed since, and returns what the user typed', async () => {
    const claimId = await makeClaim({ status: 'IN_RESEARCH', sources: 1 })
    // Someone else attaches a source while the checker writes their rationale on version 1.
    const attach = await post(checker2, claimId, {
      intent: 'attach-source',
      version: '1',
      url: 'https://example.org/gauge',
      title: 'Gauge readings',
      kind: 'DATASET',
      stance: 'REFUTES',
    })
    expect(attach.status).toBe(302)
    const before = await snapshot(claimId)
    const result = await post(users.checker, claimId, {
      intent: 'propose',
      version: '1',
      verdict: 'TRUE',
      rationale: 'My careful paragraph.',
    })
    expect(result.status).toBe(409)
    expect(result.data.message).toMatch(/^Someone changed this claim after you opened it/)
    expect(result.data.conflict.current).toMatchObject({ version: 2, status: 'IN_RESEARCH', sourceCount: 2 })
    expect(result.data.conflict.events).toHaveLength(1)
    expect(result.data.conflict.events[0]).toMatchObject({ type: 'SOURCE_ATTACHED', title: 'Attached a source' })
    expect(result.data.conflict.events[0].details[0]).toBe('“Gauge readings” (https://example.org/gauge) as Refutes')
    expect(result.data.result.initialValue).toMatchObject({ verdict: 'TRUE', rationale: 'My careful paragraph.' })
    expect(result.data.typed).toEqual([
      { label: 'Verdict', value: 'True' },
      { label: 'Rationale', value: 'My careful paragraph.' },
    ])
    await expectUnchanged(claimId, before)
    // With the current version the same proposal goes through.
    expect(
      (
        await post(users.checker, claimId, {
          intent: 'propose',
          version: '2',
          verdict: 'TRUE',
          rationale: 'My careful paragraph.',
        })
      ).status,
    ).toBe(302)
  })

  it('asks for a reload when the form has no version (400)', async () => {
    const claimId = await makeClaim()
    const result = await post(users.checker, claimId, { intent: 'start' })
    expect(result.status).toBe(400)
    expect(result.data.result.error.version).toEqual(['Reload the page and try again.'])
  })

  it('answers 404 for a claim that does not exist or was deleted', async () => {
    const deleted = await makeClaim()
    await db.claim.update({ where: { id: deleted }, data: { deletedAt: new Date() } })
    for (const claimId of ['no-such-claim', deleted]) {
      expect((await load(users.checker, claimId)).status).toBe(404)
      expect((await post(users.checker, claimId, { intent: 'start', version: '1' })).status).toBe(404)
      expect((await post(users.checker, claimId, { intent: 'comment', body: 'Hello' })).status).toBe(404)
    }
  })
})

describe('ten editors approving at once', () => {
  it('lets exactly one approval through and writes exactly one APPROVED event', async () => {
    const claimId = await makeClaim({
      status: 'NEEDS_REVIEW',
      verdict: 'HALF_TRUE',
      rationale: 'Partly.',
      proposedBy: users.checker,
      sources: 1,
    })
    const editors = await Promise.all(Array.from({ length: 10 }, () => createUser('EDITOR')))
    const results = await Promise.all(
      editors.map((editor) => post(editor, claimId, { intent: 'approve', version: '1' })),
    )
    const statuses = results.map((result) => result.status).sort()
    expect(statuses.filter((status) => status === 302)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(9)
    expect(await db.claimEvent.count({ where: { claimId, type: 'APPROVED' } })).toBe(1)
    const { claim } = await snapshot(claimId)
    expect(claim).toMatchObject({ status: 'APPROVED', version: 2 })
    const winner = editors[results.findIndex((result) => result.status === 302)]!
    expect(claim.approvedById).toBe(winner.id)
  })
})

describe('the claim page', () => {
  it('shows the quote inside its paragraph and links back to the claim in the article', async () => {
    const claimId = await makeClaim()
    const result = await load(users.reporter, claimId)
    expect(result.status).toBe(200)
    expect(result.data.claim.paragraph).toEqual({
      before: '',
      quote: QUOTE,
      after: ', the highest since records began. Officials confirmed it.',
    })
    expect(result.data.claim.article).toEqual({ id: articleId, title: 'River report' })
  })

  it('offers each role only the steps the workflow allows, and says why the others are closed', async () => {
    const claimId = await makeClaim()
    expect((await load(users.checker, claimId)).data.access.actions).toEqual(['start'])
    const reporter = await load(users.reporter, claimId)
    expect(reporter.data.access.actions).toEqual([])
    expect(reporter.data.access.blocked).toEqual([
      'Only fact-checkers, editors and admins can start research on a claim.',
    ])

    const ownProposal = await makeClaim({
      status: 'NEEDS_REVIEW',
      verdict: 'TRUE',
      rationale: 'Yes.',
      proposedBy: users.editor,
      sources: 1,
    })
    const editor = await load(users.editor, ownProposal)
    expect(editor.data.access.actions).toEqual([])
    expect(editor.data.access.blocked).toContain('You cannot approve a verdict you proposed yourself.')
    expect((await load(users.admin, ownProposal)).data.access.actions).toEqual(['approve', 'return'])
    expect((await load(users.checker, ownProposal)).data.access.actions).toEqual([])
  })

  it('tells the whole history in order, in words', async () => {
    const claimId = await makeClaim({ sources: 1 })
    await post(users.editor, claimId, {
      intent: 'assign',
      version: '1',
      assigneeId: users.checker.id,
      setDue: 'on',
      dueAt: '2030-01-15',
    })
    await post(users.checker, claimId, { intent: 'start', version: '2' })
    await post(users.checker, claimId, {
      intent: 'propose',
      version: '3',
      verdict: 'MISLEADING',
      rationale: 'Cherry-picked.',
    })
    await post(users.editor, claimId, { intent: 'return', version: '4', note: 'Add the 2020 figure.' })
    const { data } = await load(users.checker, claimId)
    const steps = data.history.map(
      (entry: {
        title: string
        actor: string
        fromStatus: string | null
        toStatus: string | null
        note: string
        details: string[]
      }) => [entry.title, entry.actor, entry.fromStatus, entry.toStatus, entry.note, entry.details],
    )
    expect(steps).toEqual([
      ['Added the claim', users.reporter.name, null, 'UNREVIEWED', '', []],
      [
        'Assigned the claim',
        users.editor.name,
        null,
        null,
        '',
        [`Assigned to ${users.checker.name}`, 'Due date set to 15 Jan 2030'],
      ],
      ['Started research', users.checker.name, 'UNREVIEWED', 'IN_RESEARCH', '', []],
      [
        'Proposed a verdict for review',
        users.checker.name,
        'IN_RESEARCH',
        'NEEDS_REVIEW',
        '',
        ['Verdict: Misleading', 'Rationale: “Cherry-picked.”'],
      ],
      [
        'Returned the claim to research',
        users.editor.name,
        'NEEDS_REVIEW',
        'IN_RESEARCH',
        'Add the 2020 figure.',
        ['Verdict: Misleading'],
      ],
    ])
  })
})

describe('pure helpers of the claim page', () => {
  it('finds the paragraph around a quote, whatever its position', () => {
    expect(paragraphAround('One.\nTwo three four.\nFive.', 9, 14)).toEqual({
      before: 'Two ',
      quote: 'three',
      after: ' four.',
    })
    expect(paragraphAround('Only line here', 5, 9)).toEqual({ before: 'Only ', quote: 'line', after: ' here' })
    expect(paragraphAround('a\r\nbc\r\nd', 3, 5)).toEqual({ before: '', quote: 'bc', after: '' })
  })

  it('says a due date in words, overdue included', () => {
    const now = new Date('2026-03-10T12:00:00Z')
    expect(describeDue(null, now)).toBeNull()
    expect(describeDue(new Date('2026-03-08T23:59:59Z'), now)).toMatchObject({
      overdue: true,
      words: 'Overdue by 2 days',
    })
    expect(describeDue(new Date('2026-03-10T08:00:00Z'), now)).toMatchObject({
      overdue: true,
      words: 'Overdue: it was due earlier today',
    })
    expect(describeDue(new Date('2026-03-10T23:59:59Z'), now)).toMatchObject({ overdue: false, words: 'Due today' })
    expect(describeDue(new Date('2026-03-11T23:59:59Z'), now)).toMatchObject({ overdue: false, words: 'Due tomorrow' })
    expect(describeDue(new Date('2026-03-15T23:59:59Z'), now)).toMatchObject({
      overdue: false,
      words: 'Due in 5 days',
      label: '15 Mar 2026',
    })
  })
})
