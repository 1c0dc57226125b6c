// Many approved claims in one statement, for tests of large exports: `bulk-00001`, `bulk-00002`, … in
// approval order. Groups of seven share an approval time, so batch boundaries fall inside ties.
import { db } from '~/utils/db.server'

export const bulkClaimText = (n: number) => `Bulk claim number ${n}, with "quotes", a comma and Київ`
export const bulkClaimId = (n: number) => `bulk-${String(n).padStart(5, '0')}`
/** When bulk claim `n` was approved. */
export const bulkApprovedAt = (n: number) => new Date(Date.UTC(2025, 5, 1) + Math.floor(n / 7) * 60_000)

export async function insertBulkClaims(input: {
  articleId: string
  count: number
  reporterId: string
  editorId: string
}) {
  await db.$executeRaw`
    INSERT INTO "Claim" (id, "articleId", quote, "startOffset", "endOffset", text, claimant, tags, status, verdict,
                         rationale, "createdById", "approvedById", "approvedAt", "createdAt", "updatedAt")
    SELECT 'bulk-' || lpad(g::text, 5, '0'), ${input.articleId}, 'Bulk quote ' || g, 0, 4,
           'Bulk claim number ' || g || ', with "quotes", a comma and Київ', 'Claimant ' || g, ARRAY['bulk'],
           'APPROVED', 'TRUE', repeat('A long rationale. ', 10), ${input.reporterId}, ${input.editorId},
           timestamp '2025-06-01' + (g / 7) * interval '1 minute', now(), now()
    FROM generate_series(1, ${input.count}::int) AS g`
}
