import { describe, expect, it } from '@jest/globals'
import { averagePrecision, rocAuc } from './metrics.ts'

describe('averagePrecision', () => {
  it('averages the precision at the rank of each positive, as CLEF CheckThat! scores a debate', () => {
    // Ranked: + - + - -  → (1/1 + 2/3) / 2
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 0, 0])).toBeCloseTo((1 + 2 / 3) / 2, 10)
    expect(averagePrecision([0.1, 0.9], [1, 0])).toBeCloseTo(0.5, 10)
    expect(averagePrecision([0.3, 0.2], [0, 0])).toBe(0)
  })
})

describe('rocAuc', () => {
  it('is the chance a positive outranks a negative, ties counting half', () => {
    expect(rocAuc([0.9, 0.8, 0.1], [1, 1, 0])).toBe(1)
    expect(rocAuc([0.1, 0.9], [1, 0])).toBe(0)
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5)
    expect(rocAuc([0.9, 0.4, 0.6, 0.2], [1, 1, 0, 0])).toBe(0.75)
    expect(rocAuc([0.9], [1])).toBeNaN()
  })
})
