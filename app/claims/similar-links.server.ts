// The two things a person does with a claim checked before: use it as a starting point (its sources are
// cited on the new claim, its verdict and rationale go into the new claim's draft, never into its verdict),
// and group the two as the same claim. Both leave a LINKED event on each claim, in the same transaction.
import { can } from '~/auth/permissions'
import { verdictLabel } from '~/claims/verdicts'
import { Prisma } from '~/generated/prisma/client'
import type { Verdict } from '~/generated/prisma/enums'
import { sourcesFrozenReason } from '~/sources/sources.server'
import { db } from '~/utils/db.server'
import { type ClaimActor, type ClaimWriteFailure, failure, MISSING_CLAIM_MESSAGE, STALE_CLAIM_MESSAGE } from './writes'

function quoted(text: string) {
  return `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`
}

async function claimPair(claimId: string, otherId: string) {
  if (claimId === otherId) return failure(400, 'A claim cannot be linked to itself.')
  const select = {
    id: true,
    text: true,
    status: true,
    version: true,
    verdict: true,
    rationale: true,
    deletedAt: true,
    article: { select: { title: true } },
  } as const
  const [claim, other] = await Promise.all([
    db.claim.findUnique({ where: { id: claimId }, select }),
    db.claim.findUnique({ where: { id: otherId }, select }),
  ])
  if (!claim || claim.deletedAt) return failure(404, MISSING_CLAIM_MESSAGE)
  if (!other || other.deletedAt) return failure(404, 'The claim checked before is no longer on the desk.')
  return { ok: true as const, claim, other }
}

export type StartingPoint = {
  ok: true
  /** What goes into the proposer's draft; null for someone who may not propose a verdict. */
  draft: { verdict: Verdict; rationale: string } | null
  copiedSources: number
}

/**
 * Copies an approved claim's sources onto the claim (at the version the user saw) and hands back its
 * verdict and rationale for the draft. The claim keeps its status and its verdict.
 */
export async function startFromCheckedClaim(
  user: ClaimActor,
  claimId: string,
  input: { fromClaimId: string; version: number },
): Promise<StartingPoint | ClaimWriteFailure> {
  if (!can(user.role, 'source:attach')) return failure(403, 'You may not change this claim’s sources.')
  const pair = await claimPair(claimId, input.fromClaimId)
  if (!pair.ok) return pair
  const { claim, other } = pair
  if (other.status !== 'APPROVED' || !other.verdict) {
    return failure(409, 'That claim is no longer approved, so it cannot be a starting point.')
  }
  const frozen = sourcesFrozenReason(claim.status)
  if (frozen) return failure(409, frozen)
  if (claim.version !== input.version) return failure(409, STALE_CLAIM_MESSAGE)
  const mayPropose = can(user.role, 'claim:propose')
  const verdict = other.verdict

  const copied = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version: input.version, deletedAt: null, status: claim.status },
      data: { version: { increment: 1 } },
    })
    if (count === 0) return null
    const [theirs, mine] = await Promise.all([
      tx.claimSource.findMany({
        where: { claimId: other.id },
        orderBy: { createdAt: 'asc' },
        take: 100,
        select: {
          sourceId: true,
          stance: true,
          excerpt: true,
          note: true,
          source: { select: { url: true, title: true } },
        },
      }),
      tx.claimSource.findMany({ where: { claimId: claim.id }, select: { sourceId: true } }),
    ])
    const cited = new Set(mine.map((row) => row.sourceId))
    const fresh = theirs.filter((row) => !cited.has(row.sourceId))
    if (fresh.length > 0) {
      await tx.claimSource.createMany({
        data: fresh.map((row) => ({
          claimId: claim.id,
          sourceId: row.sourceId,
          stance: row.stance,
          excerpt: row.excerpt,
          note: row.note,
          addedById: user.id,
        })),
      })
      await tx.claimEvent.createMany({
        data: fresh.map((row) => ({
          claimId: claim.id,
          actorId: user.id,
          type: 'SOURCE_ATTACHED' as const,
          changes: { url: row.source.url, title: row.source.title, stance: row.stance, sourceId: row.sourceId },
        })),
      })
    }
    const sources = `${fresh.length} ${fresh.length === 1 ? 'source' : 'sources'} copied`
    await tx.claimEvent.createMany({
      data: [
        {
          claimId: claim.id,
          actorId: user.id,
          type: 'LINKED',
          note: mayPropose
            ? `Used ${quoted(other.text)} (${other.article.title}) as a starting point: ${sources}; its verdict (${verdictLabel(verdict)}) and rationale went into a draft.`
            : `Used ${quoted(other.text)} (${other.article.title}) as a starting point: ${sources}.`,
          changes: { link: 'STARTED_FROM', claimId: other.id },
        },
        {
          claimId: other.id,
          actorId: user.id,
          type: 'LINKED',
          note: `Used as a starting point for ${quoted(claim.text)} (${claim.article.title}).`,
          changes: { link: 'STARTING_POINT_FOR', claimId: claim.id },
        },
      ],
    })
    return fresh.length
  })
  if (copied === null) return failure(409, STALE_CLAIM_MESSAGE)
  return {
    ok: true,
    draft: mayPropose ? { verdict, rationale: other.rationale } : null,
    copiedSources: copied,
  }
}

/** Groups two claims as the same claim: either joins the other's group, or two groups become one. */
export async function groupAsSameClaim(
  user: ClaimActor,
  claimId: string,
  otherId: string,
): Promise<{ ok: true; groupId: string } | ClaimWriteFailure> {
  if (!can(user.role, 'claim:research')) return failure(403, 'Only fact-checkers and editors group claims.')
  const pair = await claimPair(claimId, otherId)
  if (!pair.ok) return pair
  const { claim, other } = pair

  // Serializable: two people grouping overlapping claims at once must not leave a claim in two groups;
  // the one who loses the race is asked to try again.
  const groupId = await db
    .$transaction(
      async (tx) => {
        const memberships = await tx.claimGroupMember.findMany({
          where: { claimId: { in: [claim.id, other.id] } },
          select: { claimId: true, groupId: true },
        })
        const mine = memberships.find((row) => row.claimId === claim.id)?.groupId
        const theirs = memberships.find((row) => row.claimId === other.id)?.groupId
        if (mine && mine === theirs) return mine
        const target = mine ?? theirs ?? (await tx.claimGroup.create({ data: {}, select: { id: true } })).id
        if (mine && theirs) {
          await tx.claimGroupMember.updateMany({ where: { groupId: theirs }, data: { groupId: target } })
          await tx.claimGroup.delete({ where: { id: theirs } })
        } else {
          await tx.claimGroupMember.createMany({
            data: [claim.id, other.id]
              .filter((id) => !memberships.some((row) => row.claimId === id))
              .map((id) => ({ claimId: id, groupId: target })),
          })
        }
        await tx.claimEvent.createMany({
          data: [
            {
              claimId: claim.id,
              actorId: user.id,
              type: 'LINKED',
              note: `Grouped as the same claim as ${quoted(other.text)} (${other.article.title}).`,
              changes: { link: 'SAME_CLAIM', claimId: other.id, groupId: target },
            },
            {
              claimId: other.id,
              actorId: user.id,
              type: 'LINKED',
              note: `Grouped as the same claim as ${quoted(claim.text)} (${claim.article.title}).`,
              changes: { link: 'SAME_CLAIM', claimId: claim.id, groupId: target },
            },
          ],
        })
        return target
      },
      { isolationLevel: 'Serializable' },
    )
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2034' || error.code === 'P2002'))
        return null
      throw error
    })
  if (groupId === null) return failure(409, 'Someone grouped these claims at the same moment. Try again.')
  return { ok: true, groupId }
}
