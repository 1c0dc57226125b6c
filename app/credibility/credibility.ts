// An article's credibility (DESIGN.md): the mean weight of its approved, scored claims as 0–100,
// with its coverage. The SQL CASE below is built from the same verdict table, so dashboard
// aggregates and this function cannot disagree.
import { ClaimStatus, type Verdict } from '~/generated/prisma/enums'
import { VERDICTS, credibilityWeightOf } from '~/claims/verdicts'

export type CredibilityClaim = { status: ClaimStatus; verdict: Verdict | null }

export type Credibility = {
  /** 0–100, or null when no approved claim has a scored verdict ("not yet rated", never 0). */
  score: number | null
  /** Approved claims whose verdict is on the scale: the claims the score is based on. */
  scoredCount: number
  /** Every claim passed in, whatever its status or verdict. */
  totalCount: number
}

/**
 * Score from a sum of weights and the number of claims summed, as SQL returns them
 * (`SUM(weight)`, `COUNT(weight)`). Weights are multiples of 0.25, so the sum is exact in
 * floating point and in numeric; dividing once keeps x.5 means exact, so they round up
 * (12.5 → 13) here just as `ROUND(AVG(weight) * 100)` does on Postgres numeric.
 */
export function credibilityScore(weightSum: number, scoredCount: number): number | null {
  if (scoredCount <= 0) return null
  return Math.round((weightSum * 100) / scoredCount)
}

/** Pass only live claims (not soft-deleted ones): every claim passed counts in the coverage. */
export function credibilityOf(claims: ReadonlyArray<CredibilityClaim>): Credibility {
  let weightSum = 0
  let scoredCount = 0
  for (const claim of claims) {
    if (claim.status !== ClaimStatus.APPROVED) continue
    const weight = credibilityWeightOf(claim.verdict)
    if (weight === null) continue
    weightSum += weight
    scoredCount += 1
  }
  return { score: credibilityScore(weightSum, scoredCount), scoredCount, totalCount: claims.length }
}

/**
 * "72 — based on 9 of 12 claims", or "Not yet rated". An unrated article gets no coverage
 * clause: "based on 0 of 12 claims" reads as a score of nothing, and the status counts
 * shown beside it already say how far the checking has got.
 */
export function formatCredibility(result: Credibility): string {
  if (result.score === null) return 'Not yet rated'
  const noun = result.totalCount === 1 ? 'claim' : 'claims'
  return `${result.score} — based on ${result.scoredCount} of ${result.totalCount} ${noun}`
}

// Spliced into raw SQL, so only plain or double-quoted identifiers, optionally qualified
// (verdict, c.verdict, "Claim"."verdict"), are accepted: never pass user input here.
const SQL_IDENTIFIER = /^(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"\0]|"")+")$/

function isQualifiedIdentifier(column: string): boolean {
  // Split on dots outside double quotes so that "a.b" stays one identifier.
  const parts = column.match(/(?:[^."]+|"(?:[^"]|"")*")+/g)
  if (!parts || parts.join('.') !== column) return false
  return parts.every((part) => SQL_IDENTIFIER.test(part))
}

function sqlWeight(weight: number): string {
  // Numeric literals, not float8: Postgres rounds numeric half away from zero, like Math.round
  // on these non-negative scores, whereas float8 rounds half to even (12.5 → 12).
  return weight.toFixed(2)
}

/**
 * A CASE expression mapping a verdict column to its credibility weight (NULL when not
 * scored, including a NULL verdict). `AVG()` and `COUNT()` of it skip NULLs, so they give the
 * mean weight and the scored count directly; filter on status = 'APPROVED' yourself.
 * Use through `Prisma.raw(...)` / `Prisma.sql`: the expression is static, built from VERDICTS.
 */
export function credibilityWeightCase(column: string): string {
  if (!isQualifiedIdentifier(column)) {
    throw new Error(`Not a column reference: ${JSON.stringify(column)}`)
  }
  const branches = VERDICTS.filter((v) => v.weight !== null).map(
    (v) => `WHEN '${v.verdict.replaceAll("'", "''")}' THEN ${sqlWeight(v.weight as number)}`,
  )
  return `CASE ${column} ${branches.join(' ')} ELSE NULL END`
}

/** For a query over "Claim" where the column is unambiguous. */
export const CREDIBILITY_WEIGHT_SQL = credibilityWeightCase('"verdict"')
