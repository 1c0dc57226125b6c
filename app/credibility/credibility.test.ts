import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { VERDICTS } from '~/claims/verdicts'
import {
  CREDIBILITY_WEIGHT_SQL,
  credibilityOf,
  credibilityScore,
  credibilityWeightCase,
  formatCredibility,
  type CredibilityClaim,
} from './credibility'

const approved = (verdict: Verdict): CredibilityClaim => ({ status: ClaimStatus.APPROVED, verdict })

describe('credibilityOf', () => {
  test('an article without claims is not yet rated', () => {
    expect(credibilityOf([])).toEqual({ score: null, scoredCount: 0, totalCount: 0 })
  })

  test('an article whose claims are all still in the workflow is not yet rated, not 0', () => {
    const result = credibilityOf([
      { status: ClaimStatus.UNREVIEWED, verdict: null },
      { status: ClaimStatus.IN_RESEARCH, verdict: null },
      { status: ClaimStatus.NEEDS_REVIEW, verdict: Verdict.FALSE },
    ])
    expect(result).toEqual({ score: null, scoredCount: 0, totalCount: 3 })
  })

  test('a proposed verdict waiting for review does not move the score', () => {
    const result = credibilityOf([
      approved(Verdict.TRUE),
      { status: ClaimStatus.NEEDS_REVIEW, verdict: Verdict.FALSE },
      { status: ClaimStatus.IN_RESEARCH, verdict: Verdict.FALSE },
    ])
    expect(result).toEqual({ score: 100, scoredCount: 1, totalCount: 3 })
  })

  test('UNPROVEN and NOT_A_CLAIM count in the total but not in the score', () => {
    const result = credibilityOf([
      approved(Verdict.MOSTLY_TRUE),
      approved(Verdict.UNPROVEN),
      approved(Verdict.NOT_A_CLAIM),
    ])
    expect(result).toEqual({ score: 75, scoredCount: 1, totalCount: 3 })
  })

  test('approved claims that are all unscored leave the article not yet rated', () => {
    const result = credibilityOf([approved(Verdict.UNPROVEN), approved(Verdict.NOT_A_CLAIM)])
    expect(result).toEqual({ score: null, scoredCount: 0, totalCount: 2 })
  })

  test('an article of false claims scores 0, which is a rating, not the absence of one', () => {
    expect(credibilityOf([approved(Verdict.FALSE), approved(Verdict.FALSE)]).score).toBe(0)
  })

  test('the score is the mean weight of approved scored claims as 0–100', () => {
    const result = credibilityOf([
      approved(Verdict.TRUE), // 1
      approved(Verdict.HALF_TRUE), // 0.5
      approved(Verdict.MISLEADING), // 0.25
      approved(Verdict.MOSTLY_FALSE), // 0.25
    ])
    expect(result.score).toBe(50)
  })

  test('the score is rounded to a whole number', () => {
    // (1 + 0 + 0) / 3 = 33.3…
    expect(credibilityOf([approved(Verdict.TRUE), approved(Verdict.FALSE), approved(Verdict.FALSE)]).score).toBe(33)
    // (1 + 1 + 0) / 3 = 66.6…
    expect(credibilityOf([approved(Verdict.TRUE), approved(Verdict.TRUE), approved(Verdict.FALSE)]).score).toBe(67)
  })

  test('a mean that ends in exactly .5 rounds up, as Postgres ROUND on numeric does', () => {
    // (0.25 + 0) / 2 = 12.5
    expect(credibilityOf([approved(Verdict.MISLEADING), approved(Verdict.FALSE)]).score).toBe(13)
    // (0.75 + 0) / 2 = 37.5
    expect(credibilityOf([approved(Verdict.MOSTLY_TRUE), approved(Verdict.FALSE)]).score).toBe(38)
  })

  test('coverage counts the claims the score rests on against every claim', () => {
    const claims: CredibilityClaim[] = [
      ...Array.from({ length: 9 }, () => approved(Verdict.MOSTLY_TRUE)),
      approved(Verdict.UNPROVEN),
      { status: ClaimStatus.IN_RESEARCH, verdict: null },
      { status: ClaimStatus.UNREVIEWED, verdict: null },
    ]
    expect(credibilityOf(claims)).toEqual({ score: 75, scoredCount: 9, totalCount: 12 })
  })
})

describe('credibilityScore', () => {
  test('turns SQL SUM and COUNT of the weights into the same score', () => {
    expect(credibilityScore(0.25, 2)).toBe(13)
    expect(credibilityScore(6.75, 9)).toBe(75)
    expect(credibilityScore(0, 0)).toBeNull()
  })
})

describe('formatCredibility', () => {
  test('shows the score with its coverage', () => {
    expect(formatCredibility({ score: 72, scoredCount: 9, totalCount: 12 })).toBe('72 — based on 9 of 12 claims')
  })

  test('says "claim" for a single claim', () => {
    expect(formatCredibility({ score: 100, scoredCount: 1, totalCount: 1 })).toBe('100 — based on 1 of 1 claim')
  })

  test('shows "Not yet rated", never 0, when nothing is scored', () => {
    expect(formatCredibility({ score: null, scoredCount: 0, totalCount: 12 })).toBe('Not yet rated')
    expect(formatCredibility({ score: null, scoredCount: 0, totalCount: 0 })).toBe('Not yet rated')
  })

  test('shows a real score of 0 as 0', () => {
    expect(formatCredibility({ score: 0, scoredCount: 2, totalCount: 2 })).toBe('0 — based on 2 of 2 claims')
  })
})

describe('credibilityWeightCase', () => {
  test('maps every scored verdict to its weight and everything else to NULL', () => {
    expect(credibilityWeightCase('c."verdict"')).toBe(
      `CASE c."verdict" WHEN 'TRUE' THEN 1.00 WHEN 'MOSTLY_TRUE' THEN 0.75 WHEN 'HALF_TRUE' THEN 0.50 ` +
        `WHEN 'MISLEADING' THEN 0.25 WHEN 'MOSTLY_FALSE' THEN 0.25 WHEN 'FALSE' THEN 0.00 ELSE NULL END`,
    )
  })

  test('is generated from the verdict table, one branch per scored verdict', () => {
    const sql = credibilityWeightCase('verdict')
    for (const v of VERDICTS) {
      if (v.weight === null) expect(sql).not.toContain(`'${v.verdict}'`)
      else expect(sql).toContain(`WHEN '${v.verdict}' THEN ${v.weight.toFixed(2)}`)
    }
  })

  test('CREDIBILITY_WEIGHT_SQL reads the "verdict" column', () => {
    expect(CREDIBILITY_WEIGHT_SQL).toBe(credibilityWeightCase('"verdict"'))
    expect(CREDIBILITY_WEIGHT_SQL.startsWith('CASE "verdict" WHEN')).toBe(true)
  })

  test('accepts plain, quoted and qualified column references', () => {
    for (const column of ['verdict', 'c.verdict', '"Claim"."verdict"', '"odd.name"', 'public."Claim".verdict']) {
      expect(() => credibilityWeightCase(column)).not.toThrow()
    }
  })

  test('refuses anything that is not a column reference, since it is spliced into SQL', () => {
    for (const column of [
      '',
      'verdict; DROP TABLE "Claim"',
      "verdict) OR ('1'='1",
      '"unterminated',
      'a..b',
      'c.',
      '1abc',
    ]) {
      expect(() => credibilityWeightCase(column)).toThrow(/Not a column reference/)
    }
  })
})
