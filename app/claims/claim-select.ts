// The columns every view of a claim starts from, so the article, claim and edit pages read a claim alike.
import type { Prisma } from '~/generated/prisma/client'

/** A claim's span of the article, its words, where it stands, and who marked it. */
export const CLAIM_CORE_SELECT = {
  id: true,
  quote: true,
  startOffset: true,
  endOffset: true,
  text: true,
  claimant: true,
  tags: true,
  status: true,
  verdict: true,
  version: true,
  createdById: true,
} satisfies Prisma.ClaimSelect

/** Where a claim stands in the workflow, and whether it still exists: what a transition and a stale-page notice read. */
export const CLAIM_STANDING_SELECT = {
  status: true,
  verdict: true,
  rationale: true,
  version: true,
  deletedAt: true,
  _count: { select: { sources: true } },
} satisfies Prisma.ClaimSelect
