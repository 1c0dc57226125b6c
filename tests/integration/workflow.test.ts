// The verification workflow through the claim page's loader and action, with real Requests against a
// real database: each transition and the event it writes, each refusal (with nothing changed), stale
// versions, and ten editors approving at once.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { paragraphAround } from '~/claims/claim-page.server'
import { describeDue } from '~/claims/due'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import {
  attachSources,
  createArticle,
  createClaim,
  loadClaimPage as load,
  postToClaim as post,
  type TestArticle,
} from '../helpers/claims'
import { createUser, createUsers, type TestUser } from '../helpers/users'

const BODY =
  'First paragraph about the river.\nThe river rose by 3 metres in 2021, the highest since records began. Officials confirmed it.\nLast paragraph.'
const QUOTE = 'The river rose by 3 metres in 2021'

let users: Awaited<ReturnType<typeof createUsers>>
let article: TestArticle

beforeAll(async () => {
  users = await createUsers()
  article = await createArticle(users.reporter, 'River report', BODY)
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
  const claimId = await createClaim(article, QUOTE, users.reporter, {
    status: setup.status ?? 'UNREVIEWED',
    verdict: setup.verdict ?? null,
    rationale: setup.rationale ?? '',
    proposedById: setup.proposedBy?.id ?? null,
    proposedAt: setup.proposedBy ? new Date() : null,
    approvedById: setup.approvedBy?.id ?? null,
    approvedAt: setup.approvedBy ? new Date() : null,
  })
  await attachSources(claimId, setup.sources ?? 0, users.checker)
  return claimId
}

/** A claim whose verdict (True, unless `setup` says otherwise) waits for review, with one source. */
function makeClaimInReview(setup: ClaimSetup = {}) {
  return makeClaim({
    status: 'NEEDS_REVIEW',
    verdict: 'TRUE',
    rationale: 'Yes.',
    proposedBy: users.checker,
    sources: 1,
    ...setup,
  })
}

/** A claim whose True verdict a fact-checker proposed and an editor approved. */
function makeApprovedClaim() {
  return makeClaimInReview({ status: 'APPROVED', approvedBy: users.editor })
}

/** The whole claim row and how many events it has: a refused step changes neither. */
async function snapshot(claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } })
  const events = await db.claimEvent.count({ where: { claimId } })
  return { claim, events }
}

async function lastEvent(claimId: string) {
  return db.claimEvent.findFirstOrThrow({ where: { claimId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
}

async function expectUnchanged(claimId: string, before: Awaited<ReturnType<typeof snapshot>>) {
  expect(await snapshot(claimId)).toEqual(before)
}

type Users = typeof users
type Transition = {
  /** How the claim starts out. */
  setup: () => Promise<string>
  actor: (users: Users) => TestUser
  form: Record<string, string>
  /** What the claim looks like afterwards, and the event the step wrote. */
  claim: (users: Users) => Record<string, unknown>
  event: (users: Users) => Record<string, unknown>
}

const TRANSITIONS: Record<string, Transition> = {
  'starts research on an unreviewed claim and records who moved it from Unreviewed to In research': {
    setup: () => makeClaim(),
    actor: (users) => users.checker,
    form: { intent: 'start' },
    claim: () => ({ status: 'IN_RESEARCH', version: 2 }),
    event: (users) => ({
      type: 'STATUS_CHANGED',
      actorId: users.checker.id,
      fromStatus: 'UNREVIEWED',
      toStatus: 'IN_RESEARCH',
      note: '',
    }),
  },
  'proposes a verdict with its rationale and sends the claim for review': {
    setup: () => makeClaim({ status: 'IN_RESEARCH', sources: 1 }),
    actor: (users) => users.checker,
    form: { intent: 'propose', verdict: 'MOSTLY_TRUE', rationale: '  The gauge data shows 2.9 metres.  ' },
    claim: (users) => ({
      status: 'NEEDS_REVIEW',
      verdict: 'MOSTLY_TRUE',
      rationale: 'The gauge data shows 2.9 metres.',
      proposedById: users.checker.id,
      version: 2,
    }),
    event: (users) => ({
      type: 'VERDICT_PROPOSED',
      actorId: users.checker.id,
      fromStatus: 'IN_RESEARCH',
      toStatus: 'NEEDS_REVIEW',
      changes: {
        verdict: { from: null, to: 'MOSTLY_TRUE' },
        rationale: { from: null, to: 'The gauge data shows 2.9 metres.' },
      },
    }),
  },
  'lets “Not a factual claim” be proposed without any source': {
    setup: () => makeClaim({ status: 'IN_RESEARCH' }),
    actor: (users) => users.checker,
    form: { intent: 'propose', verdict: 'NOT_A_CLAIM', rationale: 'An opinion.' },
    claim: () => ({ status: 'NEEDS_REVIEW', verdict: 'NOT_A_CLAIM' }),
    event: () => ({ type: 'VERDICT_PROPOSED', changes: { verdict: { from: null, to: 'NOT_A_CLAIM' } } }),
  },
  'approves a verdict proposed by someone else and records the approver': {
    setup: () => makeClaimInReview({ verdict: 'FALSE', rationale: 'No.' }),
    actor: (users) => users.editor,
    form: { intent: 'approve' },
    claim: (users) => ({
      status: 'APPROVED',
      verdict: 'FALSE',
      approvedById: users.editor.id,
      approvedAt: expect.any(Date),
      version: 2,
    }),
    event: (users) => ({
      type: 'APPROVED',
      actorId: users.editor.id,
      fromStatus: 'NEEDS_REVIEW',
      toStatus: 'APPROVED',
      changes: { verdict: 'FALSE' },
    }),
  },
  'returns a proposal to research with the editor’s note, keeping the verdict as a draft': {
    setup: () => makeClaimInReview(),
    actor: (users) => users.editor,
    form: { intent: 'return', note: 'Cite the gauge data itself.' },
    claim: (users) => ({ status: 'IN_RESEARCH', verdict: 'TRUE', proposedById: users.checker.id }),
    event: (users) => ({
      type: 'RETURNED',
      actorId: users.editor.id,
      fromStatus: 'NEEDS_REVIEW',
      toStatus: 'IN_RESEARCH',
      note: 'Cite the gauge data itself.',
    }),
  },
  'reopens an approved claim with a note: the approval goes, the verdict stays as a draft': {
    setup: () => makeApprovedClaim(),
    actor: (users) => users.admin,
    form: { intent: 'reopen', note: 'New figures were published.' },
    claim: () => ({ status: 'UNREVIEWED', verdict: 'TRUE', approvedById: null, approvedAt: null, version: 2 }),
    event: (users) => ({
      type: 'REOPENED',
      actorId: users.admin.id,
      fromStatus: 'APPROVED',
      toStatus: 'UNREVIEWED',
      note: 'New figures were published.',
      changes: { approvedBy: { from: users.editor.id, to: null }, verdict: 'TRUE' },
    }),
  },
}

describe('each transition', () => {
  it.each(Object.entries(TRANSITIONS))('%s', async (_name, transition) => {
    const claimId = await transition.setup()
    const result = await post(transition.actor(users), claimId, { ...transition.form, version: '1' })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/claims/${claimId}`)
    expect((await snapshot(claimId)).claim).toMatchObject(transition.claim(users))
    expect(await lastEvent(claimId)).toMatchObject(transition.event(users))
  })
})

const NO_SOURCE = 'Attach at least one source before proposing this verdict. Only “Not a factual claim” needs none.'

type Refusal = {
  claim: () => Promise<string>
  /** Who posts which form (the claim's version is added). */
  post: [keyof Users, Record<string, string>]
  /** The status, and what the answer says: its message, or the errors beside the form's fields. */
  answer: [number, Record<string, unknown>]
}

/** An answer that shows `message` beside the form's `field`. */
const besideField = (field: string, message: string) => ({ result: { error: { [field]: [message] } } })

const REFUSALS: Record<string, Refusal> = {
  'refuses a reporter who tries to start research (403)': {
    claim: () => makeClaim(),
    post: ['reporter', { intent: 'start' }],
    answer: [403, { message: 'Only fact-checkers, editors and admins can do this.' }],
  },
  'refuses a fact-checker who tries to approve (403)': {
    claim: () => makeClaimInReview({ proposedBy: users.admin }),
    post: ['checker', { intent: 'approve' }],
    answer: [403, { message: 'Only editors and admins can do this.' }],
  },
  'refuses a verdict without a source (400), beside the form, keeping what was typed': {
    claim: () => makeClaim({ status: 'IN_RESEARCH' }),
    post: ['checker', { intent: 'propose', verdict: 'FALSE', rationale: 'Gauge says otherwise.' }],
    answer: [
      400,
      {
        message: NO_SOURCE,
        result: { error: { '': [NO_SOURCE] }, initialValue: { verdict: 'FALSE', rationale: 'Gauge says otherwise.' } },
      },
    ],
  },
  'refuses a proposal without a verdict (400)': {
    claim: () => makeClaim({ status: 'IN_RESEARCH', sources: 1 }),
    post: ['checker', { intent: 'propose', rationale: 'Text.' }],
    answer: [400, besideField('verdict', 'Choose a verdict before sending the claim for review.')],
  },
  'refuses a proposal without a rationale (400)': {
    claim: () => makeClaim({ status: 'IN_RESEARCH', sources: 1 }),
    post: ['checker', { intent: 'propose', verdict: 'TRUE', rationale: '   ' }],
    answer: [
      400,
      besideField(
        'rationale',
        'Write a rationale: a short paragraph explaining how the evidence supports the verdict.',
      ),
    ],
  },
  'refuses a return without a note (400)': {
    claim: () => makeClaimInReview(),
    post: ['editor', { intent: 'return', note: '  ' }],
    answer: [400, besideField('note', 'Add a note telling the fact-checker what to look at again.')],
  },
  'refuses a reopening without a note (400)': {
    claim: () => makeApprovedClaim(),
    post: ['editor', { intent: 'reopen' }],
    answer: [400, besideField('note', 'Add a note saying why this claim is being reopened.')],
  },
  'refuses a step that does not fit the claim’s status (409) and says what the status is': {
    claim: () => makeClaim(),
    post: ['editor', { intent: 'approve' }],
    answer: [409, { message: 'Only a claim that needs review can be approved; its status is now “Unreviewed”.' }],
  },
}

describe('refusals leave the claim untouched', () => {
  it.each(Object.entries(REFUSALS))('%s', async (_name, refusal) => {
    const claimId = await refusal.claim()
    const before = await snapshot(claimId)
    const [actor, form] = refusal.post
    const result = await post(users[actor], claimId, { ...form, version: '1' })
    const [status, says] = refusal.answer
    expect(result.status).toBe(status)
    expect(result.data).toMatchObject(says)
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

  it('refuses a stale version (409), lists what changed since, and returns what the user typed', async () => {
    const claimId = await makeClaim({ status: 'IN_RESEARCH', sources: 1 })
    const checker2 = await createUser('FACT_CHECKER')
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
    const proposal = { intent: 'propose', verdict: 'TRUE', rationale: 'My careful paragraph.' }
    const result = await post(users.checker, claimId, { ...proposal, version: '1' })
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
    expect((await post(users.checker, claimId, { ...proposal, version: '2' })).status).toBe(302)
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
    const claimId = await makeClaimInReview({ verdict: 'HALF_TRUE', rationale: 'Partly.' })
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
    expect(result.data.claim.article).toEqual({ id: article.id, title: 'River report' })
  })

  it('offers each role only the steps the workflow allows, and says why the others are closed', async () => {
    const claimId = await makeClaim()
    expect((await load(users.checker, claimId)).data.access.actions).toEqual(['start'])
    const reporter = await load(users.reporter, claimId)
    expect(reporter.data.access.actions).toEqual([])
    expect(reporter.data.access.blocked).toEqual([
      'Only fact-checkers, editors and admins can start research on a claim.',
    ])

    const ownProposal = await makeClaimInReview({ proposedBy: users.editor })
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
