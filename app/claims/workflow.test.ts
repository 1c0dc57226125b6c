// Every status × role × action against an expectation written out by hand from DESIGN.md.
import { describe, expect, test } from '@jest/globals'
import { ClaimStatus, Role, Verdict } from '~/generated/prisma/enums'
import {
  STATUS_LABELS,
  allowedActions,
  checkTransition,
  nextStatus,
  type ClaimFacts,
  type WorkflowAction,
} from './workflow'

const STATUSES = [
  ClaimStatus.UNREVIEWED,
  ClaimStatus.IN_RESEARCH,
  ClaimStatus.NEEDS_REVIEW,
  ClaimStatus.APPROVED,
] as const
const ROLES = [Role.REPORTER, Role.FACT_CHECKER, Role.EDITOR, Role.ADMIN] as const
const ACTIONS: WorkflowAction[] = ['start', 'propose', 'approve', 'return', 'reopen']

type Outcome = 'ok' | 403 | 409

// Columns: UNREVIEWED, IN_RESEARCH, NEEDS_REVIEW, APPROVED. The claim was proposed by someone else.
type Row = [Outcome, Outcome, Outcome, Outcome]
const NEVER: Row = [403, 403, 403, 403]
// An admin may do whatever an editor may.
const EDITOR_OUTCOMES: Record<WorkflowAction, Row> = {
  start: ['ok', 409, 409, 409],
  propose: [409, 'ok', 409, 409],
  approve: [409, 409, 'ok', 409],
  return: [409, 409, 'ok', 409],
  reopen: [409, 409, 409, 'ok'],
}
const EXPECTED: Record<Role, Record<WorkflowAction, Row>> = {
  REPORTER: { start: NEVER, propose: NEVER, approve: NEVER, return: NEVER, reopen: NEVER },
  // A fact-checker may start and propose as an editor may, and nothing more.
  FACT_CHECKER: {
    start: EDITOR_OUTCOMES.start,
    propose: EDITOR_OUTCOMES.propose,
    approve: NEVER,
    return: NEVER,
    reopen: NEVER,
  },
  EDITOR: EDITOR_OUTCOMES,
  ADMIN: EDITOR_OUTCOMES,
}

const EXPECTED_MOVES: Record<WorkflowAction, { from: ClaimStatus; to: ClaimStatus; eventType: string }> = {
  start: { from: 'UNREVIEWED', to: 'IN_RESEARCH', eventType: 'STATUS_CHANGED' },
  propose: { from: 'IN_RESEARCH', to: 'NEEDS_REVIEW', eventType: 'VERDICT_PROPOSED' },
  approve: { from: 'NEEDS_REVIEW', to: 'APPROVED', eventType: 'APPROVED' },
  return: { from: 'NEEDS_REVIEW', to: 'IN_RESEARCH', eventType: 'RETURNED' },
  reopen: { from: 'APPROVED', to: 'UNREVIEWED', eventType: 'REOPENED' },
}

const me = { id: 'user-me' }
const proposer = 'user-proposer'

function claimIn(status: ClaimStatus, facts: Partial<ClaimFacts> = {}): ClaimFacts {
  return { status, proposedById: proposer, sourceCount: 2, verdict: null, rationale: '', ...facts }
}

// Everything any action could ask for, so only role, status and the four-eyes rule decide.
const completeInput = {
  verdict: Verdict.MOSTLY_FALSE,
  rationale: 'The ministry’s own figures show half the number quoted.',
  note: 'Check the 2023 revision of the figures.',
}

const combinations = ROLES.flatMap((role) =>
  ACTIONS.flatMap((action) =>
    STATUSES.map((status, column) => ({ role, action, status, expected: EXPECTED[role][action][column]! })),
  ),
)

describe('every status × role × action', () => {
  test('covers all 80 combinations', () => {
    expect(combinations).toHaveLength(4 * 4 * 5)
  })

  test.each(combinations)('$role: $action on a $status claim → $expected', ({ role, action, status, expected }) => {
    const result = checkTransition({ ...me, role }, claimIn(status), action, completeInput)
    if (expected === 'ok') {
      expect(result).toEqual({ ok: true, ...EXPECTED_MOVES[action] })
    } else {
      expect(result).toMatchObject({ ok: false, status: expected })
      expect(result).not.toHaveProperty('field')
    }
  })

  test.each(combinations)('allowedActions agrees for $role: $action on a $status claim', ({ role, action, status }) => {
    const user = { ...me, role }
    const claim = claimIn(status)
    const allowed = allowedActions(user, claim).includes(action)
    expect(allowed).toBe(checkTransition(user, claim, action, completeInput).ok)
  })

  test.each(ROLES.flatMap((role) => STATUSES.map((status) => ({ role, status }))))(
    'allowedActions agrees with checkTransition for $role on a $status claim they proposed',
    ({ role, status }) => {
      const user = { ...me, role }
      const claim = claimIn(status, { proposedById: me.id })
      const expected = ACTIONS.filter((action) => checkTransition(user, claim, action, completeInput).ok)
      expect(allowedActions(user, claim)).toEqual(expected)
    },
  )
})

describe('refusal messages', () => {
  test('a role that may not act is told who can', () => {
    const result = checkTransition(
      { ...me, role: Role.FACT_CHECKER },
      claimIn('NEEDS_REVIEW'),
      'approve',
      completeInput,
    )
    expect(result).toEqual({ ok: false, status: 403, message: 'Only editors and admins can approve a verdict.' })
  })

  test('a claim in the wrong status names its current status', () => {
    const result = checkTransition({ ...me, role: Role.EDITOR }, claimIn('APPROVED'), 'approve', completeInput)
    expect(result).toEqual({
      ok: false,
      status: 409,
      message: 'Only a claim that needs review can be approved; its status is now “Approved”.',
    })
  })

  test('a role that may not act gets 403 even when the status is also wrong', () => {
    const result = checkTransition({ ...me, role: Role.REPORTER }, claimIn('APPROVED'), 'start')
    expect(result).toMatchObject({ ok: false, status: 403 })
  })
})

describe('four-eyes rule', () => {
  test.each([Role.EDITOR, Role.ADMIN])('%s cannot approve a verdict they proposed', (role) => {
    const result = checkTransition({ ...me, role }, claimIn('NEEDS_REVIEW', { proposedById: me.id }), 'approve')
    expect(result).toEqual({ ok: false, status: 403, message: 'You cannot approve a verdict you proposed yourself.' })
  })

  test.each([Role.EDITOR, Role.ADMIN])('%s cannot return a verdict they proposed', (role) => {
    const result = checkTransition({ ...me, role }, claimIn('NEEDS_REVIEW', { proposedById: me.id }), 'return', {
      note: 'On second thought.',
    })
    expect(result).toEqual({
      ok: false,
      status: 403,
      message: 'You cannot return a verdict you proposed yourself; another editor must review it.',
    })
  })

  test('a different editor can approve the proposal', () => {
    const result = checkTransition(
      { ...me, role: Role.EDITOR },
      claimIn('NEEDS_REVIEW', { proposedById: proposer }),
      'approve',
    )
    expect(result).toMatchObject({ ok: true, to: 'APPROVED' })
  })

  test('the editor who proposed sees neither approve nor return', () => {
    const actions = allowedActions({ ...me, role: Role.EDITOR }, claimIn('NEEDS_REVIEW', { proposedById: me.id }))
    expect(actions).toEqual([])
  })

  test('the editor who proposed may still reopen the claim once someone else approved it', () => {
    const result = checkTransition(
      { ...me, role: Role.EDITOR },
      claimIn('APPROVED', { proposedById: me.id }),
      'reopen',
      { note: 'New figures published.' },
    )
    expect(result).toMatchObject({ ok: true, to: 'UNREVIEWED' })
  })

  test('a claim with no recorded proposer can be approved by any editor', () => {
    const result = checkTransition(
      { ...me, role: Role.EDITOR },
      claimIn('NEEDS_REVIEW', { proposedById: null }),
      'approve',
    )
    expect(result).toMatchObject({ ok: true })
  })
})

describe('proposing a verdict', () => {
  const checker = { ...me, role: Role.FACT_CHECKER }
  const rationale = 'The agency’s report gives a different figure.'

  test('needs a verdict', () => {
    const result = checkTransition(checker, claimIn('IN_RESEARCH'), 'propose', { rationale })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'verdict' })
  })

  test('refuses a value that is not a verdict', () => {
    const result = checkTransition(checker, claimIn('IN_RESEARCH'), 'propose', {
      verdict: 'PANTS_ON_FIRE' as Verdict,
      rationale,
    })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'verdict' })
  })

  test.each(['', '   \n\t'])('needs a rationale that is not blank (%j)', (blank) => {
    const result = checkTransition(checker, claimIn('IN_RESEARCH'), 'propose', {
      verdict: Verdict.FALSE,
      rationale: blank,
    })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'rationale' })
  })

  test('needs a rationale when none is given or saved', () => {
    const result = checkTransition(checker, claimIn('IN_RESEARCH', { rationale: null }), 'propose', {
      verdict: Verdict.FALSE,
    })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'rationale' })
  })

  const scored = Object.values(Verdict).filter((verdict) => verdict !== Verdict.NOT_A_CLAIM)
  test.each(scored)('needs at least one source for %s', (verdict) => {
    const result = checkTransition(checker, claimIn('IN_RESEARCH', { sourceCount: 0 }), 'propose', {
      verdict,
      rationale,
    })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'sources' })
  })

  test('needs no source when the statement is not a factual claim', () => {
    const result = checkTransition(checker, claimIn('IN_RESEARCH', { sourceCount: 0 }), 'propose', {
      verdict: Verdict.NOT_A_CLAIM,
      rationale: 'An opinion about the talks, not a statement of fact.',
    })
    expect(result).toEqual({ ok: true, from: 'IN_RESEARCH', to: 'NEEDS_REVIEW', eventType: 'VERDICT_PROPOSED' })
  })

  test('succeeds with one source', () => {
    const result = checkTransition(checker, claimIn('IN_RESEARCH', { sourceCount: 1 }), 'propose', {
      verdict: Verdict.TRUE,
      rationale,
    })
    expect(result).toMatchObject({ ok: true })
  })

  test('falls back on the verdict and rationale already saved on the claim', () => {
    const claim = claimIn('IN_RESEARCH', { verdict: Verdict.HALF_TRUE, rationale })
    expect(checkTransition(checker, claim, 'propose', {})).toMatchObject({ ok: true })
  })

  test('a blank rationale typed in the form is not replaced by the saved one', () => {
    const claim = claimIn('IN_RESEARCH', { verdict: Verdict.HALF_TRUE, rationale })
    const result = checkTransition(checker, claim, 'propose', { rationale: '  ' })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'rationale' })
  })

  test('is still offered without sources, so the form can explain what is missing', () => {
    expect(allowedActions(checker, claimIn('IN_RESEARCH', { sourceCount: 0 }))).toEqual(['propose'])
  })
})

describe('notes', () => {
  const editor = { ...me, role: Role.EDITOR }

  test.each([undefined, null, '', '  '])('returning needs a note (%j)', (note) => {
    const result = checkTransition(editor, claimIn('NEEDS_REVIEW'), 'return', { note })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'note' })
  })

  test.each([undefined, null, '', '  '])('reopening needs a note (%j)', (note) => {
    const result = checkTransition(editor, claimIn('APPROVED'), 'reopen', { note })
    expect(result).toMatchObject({ ok: false, status: 400, field: 'note' })
  })

  test('returning with a note sends the claim back to research', () => {
    const result = checkTransition(editor, claimIn('NEEDS_REVIEW'), 'return', { note: 'The second source is a blog.' })
    expect(result).toEqual({ ok: true, from: 'NEEDS_REVIEW', to: 'IN_RESEARCH', eventType: 'RETURNED' })
  })

  test.each(['start', 'approve'] as const)('%s needs no note', (action) => {
    const status = action === 'start' ? 'UNREVIEWED' : 'NEEDS_REVIEW'
    expect(checkTransition(editor, claimIn(status), action)).toMatchObject({ ok: true })
  })
})

describe('labels and next statuses', () => {
  test('statuses have the labels people see', () => {
    expect(STATUS_LABELS).toEqual({
      UNREVIEWED: 'Unreviewed',
      IN_RESEARCH: 'In research',
      NEEDS_REVIEW: 'Needs review',
      APPROVED: 'Approved',
    })
  })

  test.each(ACTIONS)('%s leads to the status of the DESIGN diagram', (action) => {
    expect(nextStatus(action)).toBe(EXPECTED_MOVES[action].to)
  })
})
