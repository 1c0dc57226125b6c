import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { MODEL_FORMAT, parseModel, scoreLines, serialiseModel, shippedModel } from './checkworthiness-model.ts'

const file = JSON.parse(readFileSync(new URL('./checkworthiness-model.json', import.meta.url), 'utf8'))

describe('the shipped model file', () => {
  it('is a complete model of its format, under 1 MB, with the cross-validated figures it was trained to', () => {
    expect(readFileSync(new URL('./checkworthiness-model.json', import.meta.url)).length).toBeLessThan(1024 * 1024)
    expect(file.format).toBe(MODEL_FORMAT)
    expect(file.metrics.clefLeaveOneDebateOutMap).toBeGreaterThanOrEqual(0.2)
    expect(file.metrics.claimBusterFiveFoldAuc).toBeGreaterThanOrEqual(0.92)
    const model = shippedModel()
    expect(model.weights).toHaveLength(2 ** file.features.bits)
    expect(model.weights.some((weight) => weight !== 0)).toBe(true)
  })

  it('survives a write and a read with the same scores', () => {
    const model = shippedModel()
    const again = parseModel(
      JSON.parse(JSON.stringify(serialiseModel(model, { trainedAt: 'x', trainedOn: [], metrics: {} }))),
    )
    const lines = [{ text: 'Unemployment fell to 4.7 percent in 2016.' }, { text: 'Thank you all for coming.' }]
    const [a, b] = [scoreLines(lines, model), scoreLines(lines, again)]
    for (const [i, score] of a.entries()) expect(b[i]).toBeCloseTo(score, 3)
  })

  it('refuses a file that is not a whole model rather than ranking with it', () => {
    expect(() => parseModel(null)).toThrow(/model file/)
    expect(() => parseModel({ ...file, format: 'other/1' })).toThrow(/Not a factdesk-checkworthiness\/1 model/)
    expect(() => parseModel({ ...file, features: { ...file.features, bits: 'x' } })).toThrow(/feature settings/)
    expect(() => parseModel({ ...file, weights: file.weights.slice(0, 400) })).toThrow(/holds \d+ weights/)
    expect(() => parseModel({ ...file, bias: undefined })).toThrow(/no weights/)
  })
})

describe('scoreLines', () => {
  it('gives one score in 0–1 per line, in order, and ranks a stated figure above a greeting', () => {
    const lines = [
      { text: 'Good evening and welcome to the debate.', speaker: 'MODERATOR' },
      { text: 'We lost 70,000 manufacturing jobs in this state last year.', speaker: 'CANDIDATE' },
      { text: 'Thank you.', speaker: 'CANDIDATE' },
    ]
    const scores = scoreLines(lines)
    expect(scores).toHaveLength(3)
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0)
    for (const score of scores) expect(score).toBeLessThanOrEqual(1)
    expect(scores[1]).toBeGreaterThan(Math.max(scores[0]!, scores[2]!))
    expect(scoreLines([])).toEqual([])
  })

  it('scores an endless line on its first part instead of reading all of it', () => {
    const long = `${'The deficit grew by 3% in 2019. '.repeat(2_000)}`
    const [score] = scoreLines([{ text: long }])
    expect(score).toBeGreaterThan(0)
    expect(score).toBeLessThan(1)
  })
})
