// The `claim.*` webhook events, written by the claim transitions in their own transaction.
import type { Prisma } from '~/generated/prisma/client'
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
    },
  })
  if (!claim) return null
  const origin = getEnv().APP_ORIGIN.replace(/\/+$/, '')
  return enqueueWebhookEvent(tx, type, {
    claim: {
      ...claim,
      approvedAt: claim.approvedAt?.toISOString() ?? null,
      url: `${origin}/claims/${encodeURIComponent(claim.id)}`,
    },
    actor: { id: actor.id },
    ...(type === 'claim.reopened' ? { note } : {}),
  })
}
