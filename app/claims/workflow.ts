// The claim workflow of DESIGN.md: which status each action moves a claim from and to, who may
// take it, and what it needs. Pure, so the buttons the UI shows and the checks actions make agree.
import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import type { ClaimEventType } from '~/generated/prisma/enums'
import { can, rolesThatCan, type Permission } from '~/auth/permissions'
import { failure, type ClaimActor, type ClaimWriteFailure } from './writes'

export type WorkflowAction = 'start' | 'propose' | 'approve' | 'return' | 'reopen'

export type TransitionEventType = Extract<
  ClaimEventType,
  'STATUS_CHANGED' | 'VERDICT_PROPOSED' | 'APPROVED' | 'RETURNED' | 'REOPENED'
>

/** What the workflow needs to know about a claim, as stored. */
export type ClaimFacts = {
  status: ClaimStatus
  /** Who sent the claim for review; null until a verdict has been proposed. */
  proposedById: string | null
  /** Sources attached to the claim. */
  sourceCount: number
  /** The verdict saved on the claim, used when the proposal does not name one. */
  verdict: Verdict | null
  /** The rationale saved on the claim, used when the proposal does not include one. */
  rationale?: string | null
}

/** What a person sends with a transition; the version check is the caller's. */
export type TransitionInput = {
  verdict?: Verdict | null
  rationale?: string | null
  note?: string | null
}

export type TransitionResult =
  { ok: true; from: ClaimStatus; to: ClaimStatus; eventType: TransitionEventType } | ClaimWriteFailure

type Transition = {
  from: ClaimStatus
  to: ClaimStatus
  permission: Permission
  eventType: TransitionEventType
  /** How a refusal names the action: "Only editors and admins can {doWhat}." */
  doWhat: string
  /** Why the action does not fit the current status, before "its status is now …". */
  wrongStatus: string
}

export const TRANSITIONS: { readonly [A in WorkflowAction]: Readonly<Transition> } = {
  start: {
    from: ClaimStatus.UNREVIEWED,
    to: ClaimStatus.IN_RESEARCH,
    permission: 'claim:research',
    eventType: 'STATUS_CHANGED',
    doWhat: 'start research on a claim',
    wrongStatus: 'Research can only start on an unreviewed claim',
  },
  propose: {
    from: ClaimStatus.IN_RESEARCH,
    to: ClaimStatus.NEEDS_REVIEW,
    permission: 'claim:propose',
    eventType: 'VERDICT_PROPOSED',
    doWhat: 'propose a verdict',
    wrongStatus: 'A verdict can only be proposed while the claim is in research',
  },
  approve: {
    from: ClaimStatus.NEEDS_REVIEW,
    to: ClaimStatus.APPROVED,
    permission: 'claim:approve',
    eventType: 'APPROVED',
    doWhat: 'approve a verdict',
    wrongStatus: 'Only a claim that needs review can be approved',
  },
  return: {
    from: ClaimStatus.NEEDS_REVIEW,
    to: ClaimStatus.IN_RESEARCH,
    permission: 'claim:return',
    eventType: 'RETURNED',
    doWhat: 'return a claim to research',
    wrongStatus: 'Only a claim that needs review can be returned to research',
  },
  reopen: {
    from: ClaimStatus.APPROVED,
    to: ClaimStatus.UNREVIEWED,
    permission: 'claim:reopen',
    eventType: 'REOPENED',
    doWhat: 'reopen an approved claim',
    wrongStatus: 'Only an approved claim can be reopened',
  },
}

// Button order on the claim page follows the workflow, left to right.
export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = ['start', 'propose', 'approve', 'return', 'reopen']

export const ACTION_LABELS: { readonly [A in WorkflowAction]: string } = {
  start: 'Start research',
  propose: 'Propose verdict',
  approve: 'Approve',
  return: 'Return to research',
  reopen: 'Reopen',
}

export const STATUS_LABELS: { readonly [S in ClaimStatus]: string } = {
  UNREVIEWED: 'Unreviewed',
  IN_RESEARCH: 'In research',
  NEEDS_REVIEW: 'Needs review',
  APPROVED: 'Approved',
}

export function nextStatus(action: WorkflowAction): ClaimStatus {
  return TRANSITIONS[action].to
}

const VERDICTS: readonly string[] = Object.values(Verdict)

function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim() === ''
}

/**
 * Everything about the action that does not depend on what the user typed: role, status and the
 * four-eyes rule. Shared by allowedActions and checkTransition so they cannot disagree.
 */
function refusalBeforeInput(user: ClaimActor, claim: ClaimFacts, action: WorkflowAction): ClaimWriteFailure | null {
  const transition = TRANSITIONS[action]
  if (!can(user.role, transition.permission)) {
    return failure(403, `Only ${rolesThatCan(transition.permission)} can ${transition.doWhat}.`)
  }
  if (claim.status !== transition.from) {
    return failure(409, `${transition.wrongStatus}; its status is now “${STATUS_LABELS[claim.status]}”.`)
  }
  // Four-eyes rule: the person who proposed a verdict never decides on it, either way.
  if (claim.proposedById !== null && claim.proposedById === user.id) {
    if (action === 'approve') {
      return failure(403, 'You cannot approve a verdict you proposed yourself.')
    }
    if (action === 'return') {
      return failure(403, 'You cannot return a verdict you proposed yourself; another editor must review it.')
    }
  }
  return null
}

/**
 * The actions the user may take on the claim as it stands. Missing input (verdict, rationale,
 * sources, note) does not hide an action: the form is where the user learns what it needs.
 */
export function allowedActions(user: ClaimActor, claim: ClaimFacts): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => refusalBeforeInput(user, claim, action) === null)
}

export function checkTransition(
  user: ClaimActor,
  claim: ClaimFacts,
  action: WorkflowAction,
  input: TransitionInput = {},
): TransitionResult {
  const refusal = refusalBeforeInput(user, claim, action)
  if (refusal) return refusal

  if (action === 'propose') {
    const verdict = input.verdict ?? claim.verdict
    if (!verdict || !VERDICTS.includes(verdict)) {
      return failure(400, 'Choose a verdict before sending the claim for review.', 'verdict')
    }
    const rationale = input.rationale ?? claim.rationale
    if (isBlank(rationale)) {
      return failure(
        400,
        'Write a rationale: a short paragraph explaining how the evidence supports the verdict.',
        'rationale',
      )
    }
    // A statement that is not a factual claim has nothing to check against.
    if (verdict !== Verdict.NOT_A_CLAIM && claim.sourceCount < 1) {
      return failure(
        400,
        'Attach at least one source before proposing this verdict. Only “Not a factual claim” needs none.',
        'sources',
      )
    }
  }

  if (action === 'return' && isBlank(input.note)) {
    return failure(400, 'Add a note telling the fact-checker what to look at again.', 'note')
  }

  if (action === 'reopen' && isBlank(input.note)) {
    return failure(400, 'Add a note saying why this claim is being reopened.', 'note')
  }

  const { from, to, eventType } = TRANSITIONS[action]
  return { ok: true, from, to, eventType }
}
