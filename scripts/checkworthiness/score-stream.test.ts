import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import { scoreLines } from '../../app/claims/checkworthiness-model.ts'
import { MAX_BATCH, MAX_LINE_BYTES, ScoreInputError, scoreStream } from './score-stream.ts'

async function run(input: string | string[], score = (lines: Array<{ text: string }>) => scoreLines(lines)) {
  const out: string[] = []
  const chunks = Array.isArray(input) ? input : [input]
  const error = await scoreStream(Readable.from(chunks), score, async (text) => void out.push(text)).then(
    () => null,
    (e: unknown) => e,
  )
  return {
    lines: out
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    error,
  }
}

describe('checkworthiness score', () => {
  it('answers each input line with its id and a score, in the same order', async () => {
    const input = [
      { id: 'a1', text: 'Unemployment fell to 4.7 percent in 2016.', speaker: 'OBAMA', document: 'd1' },
      { id: 2, text: 'Thank you very much.', speaker: 'OBAMA', document: 'd1' },
      { id: 'b1', text: 'We spent $6 trillion in the Middle East.', document: 'd2' },
    ]
    const { lines, error } = await run(input.map((row) => JSON.stringify(row)).join('\n'))
    expect(error).toBeNull()
    expect(lines.map((line) => line.id)).toEqual(['a1', 2, 'b1'])
    for (const line of lines) expect(Object.keys(line)).toEqual(['id', 'score'])
    expect(lines[0].score).toBeGreaterThan(lines[1].score)
  })

  it('reads lines split anywhere across chunks, with CRLF endings and blank lines', async () => {
    const text = '{"id":1,"text":"Taxes rose by 20%."}\r\n\n{"id":2,"text":"Hello."}\n'
    const { lines } = await run([text.slice(0, 7), text.slice(7, 30), text.slice(30)])
    expect(lines.map((line) => line.id)).toEqual([1, 2])
  })

  it('scores a document in bounded batches however many lines it has', async () => {
    const sizes: number[] = []
    const total = MAX_BATCH * 2 + 5
    const input = Array.from({ length: total }, (_, i) => JSON.stringify({ id: i, text: `Line ${i}.`, document: 'd' }))
    const { lines } = await run(input.join('\n'), (batch) => {
      sizes.push(batch.length)
      return batch.map(() => 0.5)
    })
    expect(lines).toHaveLength(total)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BATCH)
  })

  it('stops at a bad line, naming it, after answering the lines before it', async () => {
    const { lines, error } = await run('{"id":1,"text":"Taxes rose."}\n{"id":2}\n{"id":3,"text":"x"}\n')
    expect(lines.map((line) => line.id)).toEqual([1])
    expect(error).toBeInstanceOf(ScoreInputError)
    expect((error as Error).message).toBe('line 2: "text" must be a string')
    expect((await run('not json\n')).error).toHaveProperty('message', 'line 1: not valid JSON')
    expect((await run('[1,2]\n')).error).toHaveProperty('message', expect.stringMatching(/^line 1: expected an object/))
  })

  it('refuses a line longer than the limit without holding all of it', async () => {
    const huge = 'x'.repeat(MAX_LINE_BYTES + 10)
    const { error } = await run(['{"id":1,"text":"', huge, '"}\n'])
    expect(error).toHaveProperty('message', `line 1: longer than ${MAX_LINE_BYTES} characters`)
  })
})
