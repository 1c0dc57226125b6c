// Editing and deleting a claim. Every save is refused unless the claim is still at the version the
// person saw, and then says who changed what since; a write shares a transaction with its ClaimEvent.
import { canDeleteClaim, canEditClaim, type Decision } from '~/auth/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { ClaimStatus } from '~/generated/prisma/enums'
import { dayToDate, isoDay } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { CLAIM_CORE_SELECT } from './claim-select'
import { mergeClaimEdit, type FieldSide } from './merge'
import type { EditClaimInput } from './schemas'
import { failure, STALE_CLAIM_MESSAGE, type ClaimActor, type ClaimWriteFailure } from './writes'

/** What a person edits on a claim, as the form shows it. */
export type ClaimValues = { text: string; claimant: string; claimDate: string; tags: string[] }

const EDITABLE_SELECT = {
  ...CLAIM_CORE_SELECT,
  articleId: true,
  claimDate: true,
  deletedAt: true,
  article: { select: { id: true, title: true } },
} satisfies Prisma.ClaimSelect

type EditableClaim = Prisma.ClaimGetPayload<{ select: typeof EDITABLE_SELECT }>

function valuesOf(claim: Pick<EditableClaim, 'text' | 'claimant' | 'claimDate' | 'tags'>): ClaimValues {
  return { text: claim.text, claimant: claim.claimant, claimDate: isoDay(claim.claimDate), tags: claim.tags }
}

export type EditAccess = {
  edit: Decision
  /** True when only the claim's status stands in the way (the role and ownership would allow it). */
  frozen: boolean
  delete: Decision
}

export function editAccess(user: ClaimActor, claim: { createdById: string; status: ClaimStatus }): EditAccess {
  const edit = canEditClaim(user, claim)
  const frozen = !edit.ok && canEditClaim(user, { ...claim, status: ClaimStatus.UNREVIEWED }).ok
  return { edit, frozen, delete: canDeleteClaim(user, claim) }
}

/** The claim as its edit page needs it, or null when it does not exist or was deleted. */
export async function claimForEditing(claimId: string, user: ClaimActor) {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!claim || claim.deletedAt) return null
  const { id, article, quote, status, verdict, version } = claim
  return {
    claim: { id, article, quote, status, verdict, version, values: valuesOf(claim) },
    access: editAccess(user, claim),
  }
}

export type ClaimConflict = {
  version: number
  values: ClaimValues
  status: ClaimStatus
  /** Per field, who changed it since the copy the user started from; null when the form did not say. */
  sides: Record<keyof ClaimValues, FieldSide> | null
}

export type UpdateClaimResult =
  | { ok: true; changed: boolean; claim: { id: string; articleId: string } }
  | (ClaimWriteFailure & { current?: ClaimConflict })

type FieldChange = { from: unknown; to: unknown }

/** Only the fields that differ, as { field: { from, to } }; tags compare as a list. */
export function changedFields(before: ClaimValues, after: ClaimValues): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {}
  for (const field of ['text', 'claimant', 'claimDate'] as const) {
    if (before[field] !== after[field]) changes[field] = { from: before[field] || null, to: after[field] || null }
  }
  if (before.tags.join('\u0000') !== after.tags.join('\u0000')) changes.tags = { from: before.tags, to: after.tags }
  return changes
}

async function conflictOf(
  claimId: string,
  edit?: { base: ClaimValues | null; typed: ClaimValues },
): Promise<ClaimWriteFailure & { current?: ClaimConflict }> {
  const current = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!current || current.deletedAt) return failure(404, 'This claim has been deleted.')
  const values = valuesOf(current)
  const sides = edit?.base ? mergeClaimEdit(edit.base, values, edit.typed).sides : null
  return {
    ...failure(409, STALE_CLAIM_MESSAGE),
    current: { version: current.version, values, status: current.status, sides },
  }
}

/** The form's values as they would be saved: an empty claim text falls back to the quote. */
function editedValues(
  quote: string,
  input: Pick<EditClaimInput, 'text' | 'claimant' | 'claimDate' | 'tags'>,
): ClaimValues {
  return {
    text: input.text?.trim() || quote,
    claimant: input.claimant?.trim() ?? '',
    claimDate: input.claimDate ?? '',
    tags: input.tags ?? [],
  }
}

/** Saves the user's edit if the claim is still at the version they saw; otherwise reports what it is now. */
export async function updateClaim(
  user: ClaimActor,
  claimId: string,
  input: EditClaimInput,
): Promise<UpdateClaimResult> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!claim || claim.deletedAt) return failure(404, 'This claim does not exist or has been deleted.')
  const decision = canEditClaim(user, claim)
  if (!decision.ok) return failure(403, decision.reason)
  const typed = editedValues(claim.quote, input)
  const base = input.base ? editedValues(claim.quote, input.base) : null
  if (claim.version !== input.version) return conflictOf(claimId, { base, typed })

  const before = valuesOf(claim)
  // Only the fields the user changed from the copy they started from are written; without that copy, all of them.
  const after = base ? mergeClaimEdit(base, before, typed).values : typed
  const changes = changedFields(before, after)
  if (Object.keys(changes).length === 0)
    return { ok: true, changed: false, claim: { id: claim.id, articleId: claim.articleId } }

  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      // The status is checked again here: a claim sent for review since the page loaded stays frozen.
      where: {
        id: claim.id,
        version: input.version,
        deletedAt: null,
        status: { in: [ClaimStatus.UNREVIEWED, ClaimStatus.IN_RESEARCH] },
      },
      data: {
        text: after.text,
        claimant: after.claimant,
        claimDate: dayToDate(after.claimDate || undefined),
        tags: after.tags,
        version: { increment: 1 },
      },
    })
    if (count === 0) return false
    await tx.claimEvent.create({
      data: { claimId: claim.id, actorId: user.id, type: 'EDITED', changes: changes as Prisma.InputJsonObject },
    })
    return true
  })
  if (!saved) return conflictOf(claimId, { base, typed })
  return { ok: true, changed: true, claim: { id: claim.id, articleId: claim.articleId } }
}

export type DeleteClaimResult =
  { ok: true; claim: { id: string; articleId: string } } | (ClaimWriteFailure & { current?: ClaimConflict })

/** Soft delete: the claim leaves the article but keeps its audit trail. */
export async function deleteClaim(user: ClaimActor, claimId: string, version: number): Promise<DeleteClaimResult> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!claim || claim.deletedAt) return failure(404, 'This claim does not exist or has been deleted.')
  const decision = canDeleteClaim(user, claim)
  if (!decision.ok) return failure(403, decision.reason)
  if (claim.version !== version) {
    const conflict = await conflictOf(claimId)
    return {
      ...conflict,
      message: 'Someone changed this claim since you opened it, so it was not deleted. Check their changes first.',
    }
  }
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version, deletedAt: null, status: ClaimStatus.UNREVIEWED },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    })
    if (count === 0) return false
    await tx.claimEvent.create({
      data: {
        claimId: claim.id,
        actorId: user.id,
        type: 'DELETED',
        fromStatus: claim.status,
        changes: { quote: claim.quote, startOffset: claim.startOffset, endOffset: claim.endOffset, text: claim.text },
      },
    })
    return true
  })
  if (!deleted) {
    const conflict = await conflictOf(claimId)
    return {
      ...conflict,
      message: 'Someone changed this claim since you opened it, so it was not deleted. Check their changes first.',
    }
  }
  return { ok: true, claim: { id: claim.id, articleId: claim.articleId } }
}
