// Discussion on a claim. Comments are the team's working notes, not part of the audit trail: the
// author may correct their own (the edit is marked), nobody else may change them.
import { failure, MISSING_CLAIM_MESSAGE, type ClaimActor, type ClaimWriteFailure } from './writes'
import { notifyAboutClaim } from '~/notifications/notifications.server'
import { db } from '~/utils/db.server'

export type CommentOutcome = { ok: true; comment: { id: string }; changed: boolean } | ClaimWriteFailure

async function liveClaim(claimId: string) {
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: { id: true, deletedAt: true, assigneeId: true, proposedById: true },
  })
  return claim && !claim.deletedAt ? claim : null
}

export async function addComment(user: ClaimActor, claimId: string, body: string): Promise<CommentOutcome> {
  const claim = await liveClaim(claimId)
  if (!claim) return failure(404, MISSING_CLAIM_MESSAGE)
  const text = body.trim()
  // Whoever works on the claim (its assignee and its proposer) hears of the comment with it, never its author.
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { claimId: claim.id, authorId: user.id, body: text },
      select: { id: true },
    })
    await notifyAboutClaim(tx, {
      kind: 'COMMENTED',
      claimId: claim.id,
      actorId: user.id,
      recipients: [claim.assigneeId, claim.proposedById],
      note: text,
    })
    return created
  })
  return { ok: true, comment, changed: true }
}

export async function editComment(
  user: ClaimActor,
  claimId: string,
  commentId: string,
  body: string,
): Promise<CommentOutcome> {
  const claim = await liveClaim(claimId)
  if (!claim) return failure(404, MISSING_CLAIM_MESSAGE)
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, claimId: true, authorId: true, body: true },
  })
  if (!comment || comment.claimId !== claim.id) return failure(404, 'That comment no longer exists.')
  if (comment.authorId !== user.id) return failure(403, 'You can only edit your own comments.')
  const text = body.trim()
  if (text === comment.body) return { ok: true, comment: { id: comment.id }, changed: false }
  // Guarded by the author too, so a comment cannot change hands between the check and the write.
  await db.comment.updateMany({
    where: { id: comment.id, authorId: user.id },
    data: { body: text, editedAt: new Date() },
  })
  return { ok: true, comment: { id: comment.id }, changed: true }
}
