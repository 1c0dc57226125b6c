// The verdict table of DESIGN.md as data: the UI, the credibility score (and its SQL twin) and
// the ClaimReview export all read labels, ratings and weights from here, so they cannot drift.
import { ClaimStatus, Stance, Verdict } from '~/generated/prisma/enums'

/** ClaimReview `ratingValue` on the 1–5 scale; `null` for verdicts that rate nothing. */
export type RatingValue = 1 | 2 | 3 | 4 | 5

export type VerdictInfo = {
  readonly verdict: Verdict
  readonly label: string
  readonly ratingValue: RatingValue | null
  /** Share of credibility the claim lends its article, 0–1; `null` = not scored. */
  readonly weight: number | null
  readonly description: string
}

export const BEST_RATING = 5
export const WORST_RATING = 1

/** In display order: from true to false, then the two verdicts that are not on the scale. */
export const VERDICTS: readonly VerdictInfo[] = Object.freeze([
  {
    verdict: Verdict.TRUE,
    label: 'True',
    ratingValue: 5,
    weight: 1,
    description: 'Accurate, with nothing significant missing.',
  },
  {
    verdict: Verdict.MOSTLY_TRUE,
    label: 'Mostly true',
    ratingValue: 4,
    weight: 0.75,
    description: 'Accurate, but needs a clarification or added context.',
  },
  {
    verdict: Verdict.HALF_TRUE,
    label: 'Half true',
    ratingValue: 3,
    weight: 0.5,
    description: 'Partly accurate; leaves out important details or takes things out of context.',
  },
  {
    verdict: Verdict.MISLEADING,
    label: 'Misleading',
    ratingValue: 2,
    weight: 0.25,
    description: 'Built on accurate elements, but framed to leave a false impression.',
  },
  {
    verdict: Verdict.MOSTLY_FALSE,
    label: 'Mostly false',
    ratingValue: 2,
    weight: 0.25,
    description: 'Has an element of truth, but ignores facts that would change the picture.',
  },
  {
    verdict: Verdict.FALSE,
    label: 'False',
    ratingValue: 1,
    weight: 0,
    description: 'Not accurate.',
  },
  {
    verdict: Verdict.UNPROVEN,
    label: 'Unproven',
    ratingValue: null,
    weight: null,
    description: 'The available evidence neither confirms nor refutes it.',
  },
  {
    verdict: Verdict.NOT_A_CLAIM,
    label: 'Not a factual claim',
    ratingValue: null,
    weight: null,
    description: 'An opinion, prediction or other statement that cannot be checked against facts.',
  },
])

const BY_VERDICT = new Map<Verdict, VerdictInfo>(VERDICTS.map((info) => [info.verdict, info]))

export function verdictInfo(verdict: Verdict): VerdictInfo {
  const info = BY_VERDICT.get(verdict)
  // Only reachable if the Prisma enum gains a value the table above does not know yet.
  if (!info) throw new Error(`Unknown verdict: ${String(verdict)}`)
  return info
}

export function verdictLabel(verdict: Verdict): string {
  return verdictInfo(verdict).label
}

/** Whether the verdict counts towards credibility; a claim without a verdict is not scored. */
export function isScored(verdict: Verdict | null | undefined): boolean {
  return verdict != null && verdictInfo(verdict).weight !== null
}

export function ratingValueOf(verdict: Verdict): RatingValue | null {
  return verdictInfo(verdict).ratingValue
}

export function credibilityWeightOf(verdict: Verdict | null | undefined): number | null {
  return verdict == null ? null : verdictInfo(verdict).weight
}

/**
 * How a claim's verdict stands: the desk's finding only once an editor has approved it; before that
 * (proposed, returned or reopened) it is a draft and must never look like a finding. Null without a verdict.
 */
export function verdictStanding(claim: {
  status: ClaimStatus
  verdict: Verdict | null
}): { verdict: Verdict; draft: boolean } | null {
  if (claim.verdict == null) return null
  return { verdict: claim.verdict, draft: claim.status !== ClaimStatus.APPROVED }
}

/** "Misleading" once approved, "Draft: Misleading" before, null without a verdict. */
export function verdictShownAs(claim: { status: ClaimStatus; verdict: Verdict | null }): string | null {
  const standing = verdictStanding(claim)
  if (!standing) return null
  return standing.draft ? `Draft: ${verdictLabel(standing.verdict)}` : verdictLabel(standing.verdict)
}

export const STANCE_LABELS: Readonly<Record<Stance, string>> = Object.freeze({
  [Stance.SUPPORTS]: 'Supports',
  [Stance.REFUTES]: 'Refutes',
  [Stance.CONTEXT]: 'Context',
})
