// The `claim.*` webhook events, written by the claim transitions in their own transaction.
import type { Prisma } from '~/generated/prisma/client'
import { claimReviewUrl } from '~/reports/paths'
import { getEnv } from '~/utils/env.server'
import { enqueueWebhookEvent } from './events.server'

/** What an endpoint learns about a claim that was approved or reopened. */
export async function enqueueClaimEvent(
  tx: Prisma.TransactionClient,
  type: 'claim.approved' | 'claim.reopened',
  claimId: string,
  actor: { id: string },
  note: string,
) {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      articleId: true,
      text: true,
      claimant: true,
      status: true,
      verdict: true,
      rationale: true,
      approvedAt: true,
      version: true,
      publicSlug: { select: { slug: true } },
      article: { select: { publication: { select: { slug: true, publishedAt: true } } } },
    },
  })
  if (!claim) return null
  const { publicSlug, article, ...fields } = claim
  const publication = article.publication
  // The public page once the claim is approved in a published report, as ClaimReview names it; else the desk's.
  const isPublic = claim.status === 'APPROVED' && publication?.publishedAt != null
  const url = claimReviewUrl(getEnv().APP_ORIGIN, {
    id: claim.id,
    reportSlug: isPublic ? publication.slug : null,
    claimSlug: isPublic ? (publicSlug?.slug ?? null) : null,
  })
  return enqueueWebhookEvent(tx, type, {
    claim: { ...fields, approvedAt: claim.approvedAt?.toISOString() ?? null, url },
    actor: { id: actor.id },
    ...(type === 'claim.reopened' ? { note } : {}),
  })
}
