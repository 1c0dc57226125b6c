import { ClaimStatus, Stance, Verdict } from '~/generated/prisma/enums'
import {
  BEST_RATING,
  STANCE_LABELS,
  VERDICTS,
  WORST_RATING,
  credibilityWeightOf,
  isScored,
  ratingValueOf,
  verdictInfo,
  verdictLabel,
  verdictShownAs,
  verdictStanding,
} from './verdicts'

/** The six verdicts on the rating scale, from true to false. */
const ON_THE_SCALE = ['TRUE', 'MOSTLY_TRUE', 'HALF_TRUE', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE']

describe('verdict table', () => {
  test('lists every verdict once, in display order from true to not a claim', () => {
    expect(VERDICTS.map((v) => v.verdict)).toEqual([...ON_THE_SCALE, 'UNPROVEN', 'NOT_A_CLAIM'])
    expect(new Set(VERDICTS.map((v) => v.verdict))).toEqual(new Set(Object.values(Verdict)))
  })

  test('matches the labels, ratings and weights of DESIGN.md', () => {
    expect(VERDICTS.map((v) => [v.verdict, v.label, v.ratingValue, v.weight])).toEqual([
      ['TRUE', 'True', 5, 1],
      ['MOSTLY_TRUE', 'Mostly true', 4, 0.75],
      ['HALF_TRUE', 'Half true', 3, 0.5],
      ['MISLEADING', 'Misleading', 2, 0.25],
      ['MOSTLY_FALSE', 'Mostly false', 2, 0.25],
      ['FALSE', 'False', 1, 0],
      ['UNPROVEN', 'Unproven', null, null],
      ['NOT_A_CLAIM', 'Not a factual claim', null, null],
    ])
  })

  test('gives every verdict a description for the UI', () => {
    for (const v of VERDICTS) expect(v.description.trim()).not.toBe('')
  })

  test('keeps every rating on the 1–5 ClaimReview scale', () => {
    expect(BEST_RATING).toBe(5)
    expect(WORST_RATING).toBe(1)
    for (const v of VERDICTS) {
      if (v.ratingValue === null) continue
      expect(v.ratingValue).toBeGreaterThanOrEqual(WORST_RATING)
      expect(v.ratingValue).toBeLessThanOrEqual(BEST_RATING)
    }
  })

  test('rates a verdict exactly when it scores it', () => {
    for (const v of VERDICTS) expect(v.ratingValue === null).toBe(v.weight === null)
  })

  test('cannot be changed at run time', () => {
    expect(Object.isFrozen(VERDICTS)).toBe(true)
    expect(Object.isFrozen(STANCE_LABELS)).toBe(true)
  })
})

describe('verdict look-ups', () => {
  test('verdictLabel names the verdict as the desk reads it', () => {
    expect(verdictLabel(Verdict.MOSTLY_FALSE)).toBe('Mostly false')
    expect(verdictLabel(Verdict.NOT_A_CLAIM)).toBe('Not a factual claim')
  })

  test('isScored is true for the six verdicts on the scale only', () => {
    expect(VERDICTS.filter((v) => isScored(v.verdict)).map((v) => v.verdict)).toEqual(ON_THE_SCALE)
  })

  test('a claim without a verdict is not scored', () => {
    expect(isScored(null)).toBe(false)
    expect(isScored(undefined)).toBe(false)
    expect(credibilityWeightOf(null)).toBeNull()
  })

  test('FALSE is scored even though its weight is zero', () => {
    expect(isScored(Verdict.FALSE)).toBe(true)
    expect(credibilityWeightOf(Verdict.FALSE)).toBe(0)
  })

  test('ratingValueOf and verdictInfo read the same row', () => {
    expect(ratingValueOf(Verdict.HALF_TRUE)).toBe(3)
    expect(ratingValueOf(Verdict.UNPROVEN)).toBeNull()
    expect(verdictInfo(Verdict.MISLEADING).weight).toBe(0.25)
  })

  test('an unknown verdict is refused loudly rather than shown blank', () => {
    expect(() => verdictLabel('PANTS_ON_FIRE' as Verdict)).toThrow(/Unknown verdict/)
  })
})

describe('stance labels', () => {
  test('name each stance a source can take', () => {
    expect(STANCE_LABELS).toEqual({ SUPPORTS: 'Supports', REFUTES: 'Refutes', CONTEXT: 'Context' })
    expect(Object.keys(STANCE_LABELS).sort()).toEqual(Object.values(Stance).sort())
  })
})

describe('verdictShownAs', () => {
  test('names an approved verdict as the finding', () => {
    expect(verdictShownAs({ status: ClaimStatus.APPROVED, verdict: Verdict.MISLEADING })).toBe('Misleading')
    expect(verdictStanding({ status: ClaimStatus.APPROVED, verdict: Verdict.MISLEADING })).toEqual({
      verdict: 'MISLEADING',
      draft: false,
    })
  })

  test('marks a verdict that is not approved as a draft, in every other status', () => {
    for (const status of [ClaimStatus.NEEDS_REVIEW, ClaimStatus.IN_RESEARCH, ClaimStatus.UNREVIEWED]) {
      expect(verdictShownAs({ status, verdict: Verdict.MISLEADING })).toBe('Draft: Misleading')
      expect(verdictStanding({ status, verdict: Verdict.MISLEADING })?.draft).toBe(true)
    }
  })

  test('shows nothing for a claim without a verdict', () => {
    expect(verdictShownAs({ status: ClaimStatus.IN_RESEARCH, verdict: null })).toBeNull()
  })
})
