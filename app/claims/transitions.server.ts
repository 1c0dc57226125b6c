// Every change to where a claim stands in the workflow: the five transitions of DESIGN.md and who
// holds the claim. Each write is refused unless the claim is still at the version the user saw, and
// shares one transaction with its ClaimEvent, so the history never misses or invents a step.
import { can, canAssignClaim, grantOf } from '~/auth/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { ClaimStatus, type Role } from '~/generated/prisma/enums'
import { giveClaimSlug } from '~/reports/publishing.server'
import { notifyAboutClaim } from '~/notifications/notifications.server'
import { db } from '~/utils/db.server'
import { enqueueClaimEvent } from '~/webhooks/claim-events.server'
import { CLAIM_STANDING_SELECT } from './claim-select'
import { checkTransition, type TransitionInput, type WorkflowAction } from './workflow'
import { failure, MISSING_CLAIM_MESSAGE, STALE_CLAIM_MESSAGE, type ClaimActor, type ClaimWriteFailure } from './writes'

const stale = () => failure(409, STALE_CLAIM_MESSAGE)

// ---------------------------------------------------------------------------------------------
// Transitions

export type TransitionOutcome = { ok: true; action: WorkflowAction; to: ClaimStatus } | ClaimWriteFailure

/**
 * Moves the claim along the workflow if the rules of workflow.ts allow it and nobody changed the
 * claim since the user loaded it. The update is conditional on the version and the status, so of
 * two people acting at once exactly one succeeds and the other is told what happened.
 */
export async function transitionClaim(
  user: ClaimActor,
  claimId: string,
  action: WorkflowAction,
  /** What the form sent, with the claim version the user's page showed. */
  input: TransitionInput & { version: number },
): Promise<TransitionOutcome> {
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      ...CLAIM_STANDING_SELECT,
      id: true,
      articleId: true,
      text: true,
      proposedById: true,
      approvedById: true,
      assigneeId: true,
    },
  })
  if (!claim || claim.deletedAt) return failure(404, MISSING_CLAIM_MESSAGE)

  const note = input.note?.trim() ?? ''
  const check = checkTransition(
    user,
    {
      status: claim.status,
      proposedById: claim.proposedById,
      sourceCount: claim._count.sources,
      verdict: claim.verdict,
      rationale: claim.rationale,
    },
    action,
    { verdict: input.verdict, rationale: input.rationale, note },
  )
  if (!check.ok) return failure(check.status, check.message, check.field)
  if (claim.version !== input.version) return stale()

  const now = new Date()
  let data: Prisma.ClaimUncheckedUpdateManyInput
  let changes: Prisma.InputJsonObject | undefined
  switch (action) {
    case 'start':
      data = { status: check.to }
      break
    case 'propose': {
      const verdict = (input.verdict ?? claim.verdict)!
      const rationale = (input.rationale ?? claim.rationale).trim()
      data = { status: check.to, verdict, rationale, proposedById: user.id, proposedAt: now }
      changes = {
        verdict: { from: claim.verdict, to: verdict },
        ...(rationale !== claim.rationale ? { rationale: { from: claim.rationale || null, to: rationale } } : {}),
      }
      break
    }
    case 'approve':
      data = { status: check.to, approvedById: user.id, approvedAt: now }
      changes = { verdict: claim.verdict }
      break
    case 'return':
      // The proposer is kept: the claim shows in their "Returned to me" list until they propose again.
      data = { status: check.to }
      changes = { verdict: claim.verdict }
      break
    case 'reopen':
      // The verdict and rationale stay as a draft for the next proposal; only the approval is withdrawn,
      // and an unapproved claim neither counts towards credibility nor is exported by default.
      data = { status: check.to, approvedById: null, approvedAt: null }
      changes = { approvedBy: { from: claim.approvedById, to: null }, verdict: claim.verdict }
      break
  }

  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version: input.version, status: check.from, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    })
    if (count === 0) return false
    await tx.claimEvent.create({
      data: {
        claimId: claim.id,
        actorId: user.id,
        type: check.eventType,
        fromStatus: check.from,
        toStatus: check.to,
        note,
        changes,
      },
    })
    // An approved claim has a public address from now on, shown once its article's report is published.
    if (action === 'approve') await giveClaimSlug(tx, claim)
    // Webhook endpoints hear of an approval or a reopening exactly when it commits.
    if (action === 'approve') await enqueueClaimEvent(tx, 'claim.approved', claim.id, user, note)
    if (action === 'reopen') await enqueueClaimEvent(tx, 'claim.reopened', claim.id, user, note)
    const told = TOLD_ABOUT[action]
    if (told) {
      await notifyAboutClaim(tx, {
        kind: told.kind,
        claimId: claim.id,
        actorId: user.id,
        recipients: told.recipients(claim),
        note,
      })
    }
    return true
  })
  if (!written) return stale()
  return { ok: true, action, to: check.to }
}

/** Who hears of each step: the researcher of a returned claim, the proposer of an approved or reopened one. */
const TOLD_ABOUT: Partial<
  Record<
    WorkflowAction,
    {
      kind: 'RETURNED' | 'APPROVED' | 'REOPENED'
      recipients(claim: { proposedById: string | null; assigneeId: string | null }): Array<string | null>
    }
  >
> = {
  return: { kind: 'RETURNED', recipients: (claim) => [claim.proposedById, claim.assigneeId] },
  approve: { kind: 'APPROVED', recipients: (claim) => [claim.proposedById] },
  reopen: { kind: 'REOPENED', recipients: (claim) => [claim.proposedById] },
}

// ---------------------------------------------------------------------------------------------
// Assignment

/** The roles a claim can be assigned to: those who research claims. */
export function canBeAssigned(role: Role): boolean {
  return can(role, 'claim:research')
}

export const ASSIGN_APPROVED_MESSAGE =
  'This claim is approved, so nobody needs to work on it. An editor can reopen it first.'

/**
 * Whether the user may make this assignment at all, before the form is read in full: the role,
 * and for fact-checkers, that they take an unassigned claim for themselves.
 */
export async function assignmentRefusal(
  user: ClaimActor,
  claimId: string,
  assigneeId: string | null,
): Promise<ClaimWriteFailure | null> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { assigneeId: true, deletedAt: true } })
  if (!claim || claim.deletedAt) return failure(404, MISSING_CLAIM_MESSAGE)
  const decision = canAssignClaim(user, claim, assigneeId)
  return decision.ok ? null : failure(403, decision.reason)
}

export type AssignInput = {
  version: number
  /** null takes the claim off whoever holds it. */
  assigneeId: string | null
  /** undefined leaves the due date as it is; null removes it. */
  dueAt?: Date | null
}

export type AssignOutcome =
  { ok: true; changed: boolean; assignee: { id: string; name: string } | null } | ClaimWriteFailure

/** A due date picked as a calendar day is due by the end of that day (UTC). */
export function endOfDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999Z`)
}

export async function assignClaim(user: ClaimActor, claimId: string, input: AssignInput): Promise<AssignOutcome> {
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: { id: true, status: true, version: true, assigneeId: true, dueAt: true, deletedAt: true },
  })
  if (!claim || claim.deletedAt) return failure(404, MISSING_CLAIM_MESSAGE)
  const decision = canAssignClaim(user, claim, input.assigneeId)
  if (!decision.ok) return failure(403, decision.reason)
  if (input.dueAt !== undefined && grantOf(user.role, 'claim:assign') !== 'all') {
    return failure(403, 'Only editors and admins can set due dates. Take the claim without one, or ask an editor.')
  }
  if (claim.status === ClaimStatus.APPROVED) return failure(409, ASSIGN_APPROVED_MESSAGE)

  let assignee: { id: string; name: string } | null = null
  if (input.assigneeId) {
    const person = await db.user.findUnique({
      where: { id: input.assigneeId },
      select: { id: true, name: true, role: true, active: true },
    })
    if (!person || !person.active || !canBeAssigned(person.role)) {
      return failure(400, 'Choose an active fact-checker or editor from the list.', 'assigneeId')
    }
    assignee = { id: person.id, name: person.name }
  }
  if (claim.version !== input.version) return stale()

  const changes: Record<string, { from: string | null; to: string | null }> = {}
  if (claim.assigneeId !== input.assigneeId) changes.assignee = { from: claim.assigneeId, to: input.assigneeId }
  const dueAt = input.dueAt === undefined ? claim.dueAt : input.dueAt
  if ((claim.dueAt?.getTime() ?? null) !== (dueAt?.getTime() ?? null)) {
    changes.dueAt = { from: claim.dueAt?.toISOString() ?? null, to: dueAt?.toISOString() ?? null }
  }
  if (Object.keys(changes).length === 0) return { ok: true, changed: false, assignee }

  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version: input.version, deletedAt: null, status: { not: ClaimStatus.APPROVED } },
      data: { assigneeId: input.assigneeId, dueAt, version: { increment: 1 } },
    })
    if (count === 0) return false
    await tx.claimEvent.create({ data: { claimId: claim.id, actorId: user.id, type: 'ASSIGNED', changes } })
    if (input.assigneeId && input.assigneeId !== claim.assigneeId) {
      await notifyAboutClaim(tx, {
        kind: 'ASSIGNED',
        claimId: claim.id,
        actorId: user.id,
        recipients: [input.assigneeId],
      })
    }
    return true
  })
  if (!written) return stale()
  return { ok: true, changed: true, assignee }
}
