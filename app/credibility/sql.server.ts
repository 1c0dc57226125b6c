// The building blocks of the credibility figures' SQL, and the rows Postgres returns for them turned
// into figures. Every count and score is computed by Postgres (COUNT … FILTER, SUM of the verdict
// weight CASE), never by looping over claim rows here; soft-deleted claims are left out of every figure.
import { VERDICTS } from '~/claims/verdicts'
import { Prisma } from '~/generated/prisma/client'
import { ClaimStatus, type Verdict } from '~/generated/prisma/enums'
import { credibilityWeightCase, type Credibility } from './credibility'
import { createdAtRange, type DashboardFilters } from './dashboard-query'

export const STATUSES = Object.values(ClaimStatus)
export type OpenStatus = Exclude<ClaimStatus, typeof ClaimStatus.APPROVED>
/** The statuses of work still open: everything before approval. */
export const OPEN_STATUSES = STATUSES.filter((status): status is OpenStatus => status !== ClaimStatus.APPROVED)

// Aliases, enum values and verdict weights are spliced in with Prisma.raw: they all come from
// constants in this file or the verdict table, never from a request.

export function quoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

export function column(alias: string, name: string): Prisma.Sql {
  return Prisma.raw(`${alias}."${name}"`)
}

export const APPROVED = Prisma.raw(quoted(ClaimStatus.APPROVED))

/** Live claims that match the dashboard filter. */
export function claimFilter(alias: string, filters: DashboardFilters): Prisma.Sql {
  const conditions = [Prisma.sql`${column(alias, 'deletedAt')} IS NULL`]
  const { start, end } = createdAtRange(filters)
  if (start) conditions.push(Prisma.sql`${column(alias, 'createdAt')} >= ${start}::timestamp`)
  if (end) conditions.push(Prisma.sql`${column(alias, 'createdAt')} < ${end}::timestamp`)
  // `@>` on an array literal is what the GIN index on "tags" answers.
  if (filters.tag) conditions.push(Prisma.sql`${column(alias, 'tags')} @> ARRAY[${filters.tag}]::text[]`)
  return Prisma.join(conditions, ' AND ')
}

/**
 * Claims counted per cell, a cell being one value of each `by` column: the one pass over the claim
 * rows that the figures are then summed from. Each row only bumps a counter in its cell; weights,
 * scores and per-status columns are worked out over the few cells, which is far cheaper than
 * evaluating every FILTER clause on every claim. The columns read are all in one of the two
 * dashboard indexes, so Postgres can count from an index without reading the claim rows.
 *   n          claims in the cell
 *   dueBefore  of which due before `now` (overdue, where the status is not approved)
 */
export function cellsSql(
  filters: DashboardFilters,
  now: string,
  by: ReadonlyArray<'articleId' | 'assigneeId' | 'status' | 'verdict'>,
  where?: Prisma.Sql,
): Prisma.Sql {
  const columns = Prisma.raw(by.map((name) => `c."${name}"`).join(', '))
  return Prisma.sql`
      SELECT ${columns}, COUNT(*)::int AS "n",
             COUNT(*) FILTER (WHERE c."dueAt" < ${now}::timestamp)::int AS "dueBefore"
        FROM "Claim" c
       WHERE ${claimFilter('c', filters)}${where ? Prisma.sql` AND ${where}` : Prisma.empty}
       GROUP BY ${columns}`
}

/** A sum of one counter over the cells that satisfy `where`; 0, never NULL, when none does. */
export function sumOf(counter: string, where: string | null, as: string): Prisma.Sql {
  const filter = where ? ` FILTER (WHERE ${where})` : ''
  return Prisma.raw(`COALESCE(SUM(k."${counter}")${filter}, 0)::int AS "${as}"`)
}

/**
 * Total, scored count and score over cells `k`, as DESIGN.md defines them: the mean weight of
 * approved scored claims × 100, rounded half up (numeric ROUND, like Math.round on these
 * non-negative values), NULL when none is scored.
 */
export function credibilityColumns(): Prisma.Sql {
  const weight = credibilityWeightCase('k."verdict"')
  const scored = `k."status" = ${quoted(ClaimStatus.APPROVED)} AND (${weight}) IS NOT NULL`
  return Prisma.sql`${sumOf('n', null, 'totalCount')},
    ${sumOf('n', scored, 'scoredCount')},
    ${Prisma.raw(`ROUND(SUM(k."n" * (${weight})) FILTER (WHERE ${scored}) * 100 / NULLIF(SUM(k."n") FILTER (WHERE ${scored}), 0))::int AS "score"`)}`
}

export function statusCountColumns(statuses: readonly ClaimStatus[] = STATUSES): Prisma.Sql {
  return Prisma.join(
    statuses.map((status) => sumOf('n', `k."status" = ${quoted(status)}`, `status_${status}`)),
    ', ',
  )
}

export function verdictCountColumns(status: ClaimStatus, prefix: string): Prisma.Sql {
  return Prisma.join(
    VERDICTS.map(({ verdict }) =>
      sumOf('n', `k."status" = ${quoted(status)} AND k."verdict" = ${quoted(verdict)}`, `${prefix}_${verdict}`),
    ),
    ', ',
  )
}

export const OVERDUE_COLUMN = sumOf('dueBefore', `k."status" <> ${quoted(ClaimStatus.APPROVED)}`, 'overdueCount')

// ---------------------------------------------------------------------------------------------
// Rows as Postgres returns them. Every counter is cast ::int, so it arrives as a number; it is NULL
// where an outer join found no claims (an article without claims, a checker with nothing open).

/** A `sumOf` or COUNT column. */
export type Count = number | null

/** The columns of `credibilityColumns()`. */
export type CredibilityColumns = { totalCount: Count; scoredCount: Count; score: number | null }

/** The columns of `statusCountColumns(statuses)`: `status_DRAFT`, `status_NEEDS_REVIEW`, … */
export type StatusCountColumns<S extends ClaimStatus = ClaimStatus> = Record<`status_${S}`, Count>

/** The columns of `verdictCountColumns(status, prefix)`: `approved_TRUE`, `approved_FALSE`, … */
export type VerdictCountColumns<Prefix extends string> = Record<`${Prefix}_${Verdict}`, Count>

export function count(value: Count | undefined): number {
  return value ?? 0
}

export function credibilityOfRow(row: CredibilityColumns | undefined): Credibility {
  return {
    score: row?.score ?? null,
    scoredCount: count(row?.scoredCount),
    totalCount: count(row?.totalCount),
  }
}

export type StatusCount = { status: ClaimStatus; count: number }
export type VerdictCount = { verdict: Verdict; count: number }

export function statusCounts<S extends ClaimStatus>(
  row: StatusCountColumns<S> | undefined,
  statuses: readonly S[],
): StatusCount[] {
  return statuses.map((status) => ({ status, count: count(row?.[`status_${status}`]) }))
}

export function verdictCounts<Prefix extends string>(
  row: VerdictCountColumns<Prefix> | undefined,
  prefix: Prefix,
): VerdictCount[] {
  return VERDICTS.map(({ verdict }) => ({ verdict, count: count(row?.[`${prefix}_${verdict}`]) }))
}

/** Timestamps are compared as UTC wall-clock values, the way Prisma stores DateTime. */
export function timestampParam(date: Date): string {
  return date.toISOString().slice(0, -1)
}
