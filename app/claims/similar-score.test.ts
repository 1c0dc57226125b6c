import { describe, expect, it } from '@jest/globals'
import { CHECKED_BEFORE_THRESHOLD, figureFactor, figuresIn, lexemeOverlap, similarityScore } from './similar-score'

const same = { trigram: 1, queryLexemes: ['prison', 'exchang'], candidateLexemes: ['prison', 'exchang'] }

describe('the figures a claim states', () => {
  it('reads thousands separators, scales, per cents and years', () => {
    expect(figuresIn('1,200 prisoners, 3.5 million people, 45% in 2019')).toEqual([
      { value: 1200, year: false },
      { value: 3_500_000, year: false },
      { value: 45, year: false },
      { value: 2019, year: true },
    ])
  })

  it('weighs "1,200 prisoners" against "1,000 prisoners" as near but not equal, and 3% against 30% as far', () => {
    const near = figureFactor('Ukraine freed 1,200 prisoners', 'Ukraine freed 1,000 prisoners')
    expect(figureFactor('Ukraine freed 1,200 prisoners', 'Ukraine freed 1,200 prisoners')).toBe(1)
    expect(near).toBeLessThan(1)
    expect(near).toBeGreaterThan(0.7)
    expect(figureFactor('Inflation was 3%', 'Inflation was 30%')).toBeLessThan(0.5)
  })

  it('keeps an identical sentence with a nearby figure above the threshold, and one with a far figure below it', () => {
    const query = 'Ukraine and Russia exchanged 1,200 prisoners'
    expect(similarityScore(query, 'Ukraine and Russia exchanged 1,000 prisoners', same)).toBeGreaterThanOrEqual(
      CHECKED_BEFORE_THRESHOLD,
    )
    expect(similarityScore(query, 'Ukraine and Russia exchanged 12 prisoners', same)).toBeLessThan(
      CHECKED_BEFORE_THRESHOLD,
    )
  })

  it('reads a long text only as far as its first stretch', () => {
    expect(figuresIn('7 '.repeat(100_000)).length).toBe(20)
  })
})

describe('shared lexemes', () => {
  it('are 1 for the same stems in any order and 0 for nothing shared', () => {
    expect(lexemeOverlap(['nigeria', 'economi'], ['economi', 'nigeria'])).toBe(1)
    expect(lexemeOverlap(['nigeria'], ['ghana'])).toBe(0)
    expect(lexemeOverlap([], ['ghana'])).toBe(0)
  })
})
