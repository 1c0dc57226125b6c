// Rebuilding the claim tallies (schema.prisma, ArticleClaimTally and the rest) from the claims, for
// `npm run db:recount`: the database's factdesk_recount() does the work; this reports which rows
// it had to correct, so a drift is seen rather than silently papered over.
import { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'

export const TALLY_TABLES = [
  'ArticleClaimTally',
  'DeskClaimTally',
  'AssigneeLoadTally',
  'ArticleDueTally',
  'AssigneeDueTally',
] as const
export type TallyTable = (typeof TALLY_TABLES)[number]

/** Rows that differed from the recount, per table: changed, missing and extra rows alike. */
export type Recount = Record<TallyTable, number>

/**
 * Rebuilds every tally in one transaction. Claim and article writers wait until it ends; readers keep
 * seeing the previous figures meanwhile.
 */
export async function recountClaimTallies(): Promise<Recount> {
  return db.$transaction(
    async (tx) => {
      for (const table of TALLY_TABLES) {
        await tx.$executeRaw`CREATE TEMP TABLE ${Prisma.raw(`"before_${table}"`)} ON COMMIT DROP AS SELECT * FROM ${Prisma.raw(`"${table}"`)}`
      }
      await tx.$executeRaw`SELECT "factdesk_recount"()`
      const corrected = {} as Recount
      for (const table of TALLY_TABLES) {
        const before = Prisma.raw(`"before_${table}"`)
        const after = Prisma.raw(`"${table}"`)
        const [row] = await tx.$queryRaw<Array<{ n: number }>>`
          SELECT COUNT(*)::int AS "n"
            FROM ((SELECT * FROM ${before} EXCEPT ALL SELECT * FROM ${after})
                  UNION ALL
                  (SELECT * FROM ${after} EXCEPT ALL SELECT * FROM ${before})) d`
        corrected[table] = row?.n ?? 0
      }
      return corrected
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  )
}
