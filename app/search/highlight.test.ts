import { describe, expect, it } from '@jest/globals'
import { editDistance, highlightSegments, MAX_SNIPPET, START, STOP } from './highlight'

const marked = (segments: Array<{ text: string; match: boolean }>) => segments.filter((s) => s.match).map((s) => s.text)

describe('highlighting a result', () => {
  it('turns ts_headline’s markers into marked segments, and keeps the rest as plain text', () => {
    const segments = highlightSegments(`Russia freed ${START}prisoners${STOP} <b>&amp;</b> ${START}war${STOP}`, [])
    expect(segments).toEqual([
      { text: 'Russia freed ', match: false },
      { text: 'prisoners', match: true },
      { text: ' <b>&amp;</b> ', match: false },
      { text: 'war', match: true },
    ])
  })

  it('marks near spellings and word starts when the database marked nothing', () => {
    expect(marked(highlightSegments('Officials said 300 civilians were freed', ['civilans']))).toEqual(['civilians'])
    expect(marked(highlightSegments('Council budget under scrutiny', ['scrutin']))).toEqual(['scrutiny'])
    expect(marked(highlightSegments('The war ended', ['wax']))).toEqual([])
  })

  it('reads no more than the snippet bound', () => {
    const text = highlightSegments('word '.repeat(1000), ['word'])
      .map((s) => s.text)
      .join('')
    expect(text.length).toBe(MAX_SNIPPET)
  })

  it('measures edit distance up to a limit only', () => {
    expect(editDistance('prisoners', 'prisonrs', 2)).toBe(1)
    expect(editDistance('prisoners', 'pioneers', 1)).toBeNull()
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 2)).toBeNull()
  })
})
