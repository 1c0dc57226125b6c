import { describe, expect, test } from '@jest/globals'
import { newClaimSchema } from './schemas'
import {
  QUOTE_MISMATCH_MESSAGE,
  QUOTE_OUTSIDE_MESSAGE,
  checkQuoteAt,
  contextAround,
  findQuoteOccurrences,
  foldForMatching,
  matchQuote,
  paragraphAt,
  segmentBody,
  spanInside,
  trimSpan,
} from './quotes'

const BODY = 'Kyiv said 1,200 prisoners. Moscow said nothing.\nKyiv said it again.'

describe('checkQuoteAt', () => {
  test('accepts a quote that is exactly the body at the offsets', () => {
    expect(checkQuoteAt(BODY, '1,200 prisoners', { startOffset: 10, endOffset: 25 })).toEqual({ ok: true })
  })

  test('refuses a quote that differs from the body at the offsets, even by whitespace or case', () => {
    for (const quote of ['1,200 Prisoners', ' 1,200 prisoners', '1200 prisoners']) {
      expect(checkQuoteAt(BODY, quote, { startOffset: 10, endOffset: 25 })).toMatchObject({
        ok: false,
        reason: 'mismatch',
        message: QUOTE_MISMATCH_MESSAGE,
      })
    }
  })

  test('refuses spans that leave the body, are empty or are not whole numbers', () => {
    for (const span of [
      { startOffset: -1, endOffset: 4 },
      { startOffset: 60, endOffset: BODY.length + 1 },
      { startOffset: 5, endOffset: 5 },
      { startOffset: 6, endOffset: 5 },
      { startOffset: 1.5, endOffset: 4 },
      { startOffset: Number.NaN, endOffset: 4 },
    ]) {
      expect(checkQuoteAt(BODY, BODY.slice(Math.max(0, span.startOffset | 0), span.endOffset), span)).toMatchObject({
        ok: false,
        reason: 'outside',
        message: QUOTE_OUTSIDE_MESSAGE,
      })
    }
    expect(spanInside(BODY.length, { startOffset: 0, endOffset: BODY.length })).toBe(true)
  })
})

describe('findQuoteOccurrences', () => {
  test('finds nothing for a quote the body does not contain', () => {
    expect(findQuoteOccurrences(BODY, 'Kyiv denied')).toEqual([])
    expect(findQuoteOccurrences(BODY, '')).toEqual([])
  })

  test('finds a unique quote with its offsets', () => {
    expect(findQuoteOccurrences(BODY, 'Moscow said nothing')).toMatchObject([
      { startOffset: 27, endOffset: 46, paragraph: 1 },
    ])
  })

  test('finds every occurrence, with context and the paragraph it is in', () => {
    const found = findQuoteOccurrences(BODY, 'Kyiv said', 10)
    expect(found.map((o) => [o.startOffset, o.endOffset, o.paragraph])).toEqual([
      [0, 9, 1],
      [48, 57, 2],
    ])
    expect(found[0]).toMatchObject({ before: '', after: ' 1,200…' })
    expect(found[1]!.before).toBe('…nothing. ¶ ')
  })

  test('counts overlapping occurrences separately', () => {
    expect(findQuoteOccurrences('aaaa', 'aa').map((o) => o.startOffset)).toEqual([0, 1, 2])
  })
})

describe('matchQuote', () => {
  const CURLY =
    'Reporters asked: “What is Nigeria’s annual national budget?” The minister – smiling – declined.\nShe said ‘later’.'

  test('matches a typed straight apostrophe and straight double quotes against curly ones, keeping the body’s span', () => {
    const [span, ...rest] = matchQuote(CURLY, '"What is Nigeria\'s annual national budget?"')
    expect(rest).toEqual([])
    expect(CURLY.slice(span!.startOffset, span!.endOffset)).toBe('“What is Nigeria’s annual national budget?”')
  })

  test('matches curly quotes typed against straight ones in the body', () => {
    const body = 'He said "it\'s done" twice.'
    const [span] = matchQuote(body, '“it’s done”')
    expect(body.slice(span!.startOffset, span!.endOffset)).toBe('"it\'s done"')
  })

  test('lets a hyphen stand for an en or em dash, and any run of whitespace for another', () => {
    const [dash] = matchQuote(CURLY, 'minister - smiling - declined')
    expect(CURLY.slice(dash!.startOffset, dash!.endOffset)).toBe('minister – smiling – declined')
    const [lines] = matchQuote(CURLY, 'declined.   She said')
    expect(CURLY.slice(lines!.startOffset, lines!.endOffset)).toBe('declined.\nShe said')
    const [typedBreak] = matchQuote('one  two\t three', 'one\ntwo three')
    expect(typedBreak).toEqual({ startOffset: 0, endOffset: 15 })
  })

  test('ignores whitespace around the typed quote but never widens the span past the words', () => {
    expect(matchQuote(CURLY, '  \n annual national budget \t')).toEqual([
      { startOffset: CURLY.indexOf('annual'), endOffset: CURLY.indexOf('annual') + 'annual national budget'.length },
    ])
  })

  test('still tells letters, case, digits and other punctuation apart', () => {
    for (const quote of ['What is nigeria’s', 'annual  national budget!', 'Nigerias annual', 'She said later']) {
      expect(matchQuote(CURLY, quote)).toEqual([])
    }
    expect(matchQuote('1,200 prisoners', '1.200 prisoners')).toEqual([])
    expect(matchQuote(CURLY, '   ')).toEqual([])
  })

  test('finds every occurrence, overlapping ones included', () => {
    expect(matchQuote('aaaa', 'aa').map((span) => span.startOffset)).toEqual([0, 1, 2])
    expect(matchQuote("it’s it's it‘s", "it's").map((span) => span.startOffset)).toEqual([0, 5, 10])
  })

  test('folds the text once, remembering where each character came from', () => {
    const { folded, from, to } = foldForMatching('a —\n\n“b”')
    expect(folded).toBe('a - "b"')
    expect([...from]).toEqual([0, 1, 2, 3, 5, 6, 7])
    expect([...to]).toEqual([1, 2, 3, 5, 6, 7, 8])
  })

  test('stays linear on a 200,000-character article built to trip up a naive search', () => {
    // A naive search would compare ~100,000 characters at each of 200,000 places.
    const body = 'a'.repeat(199_999) + 'b'
    const quote = 'a'.repeat(100_000) + 'b'
    const [span, ...rest] = matchQuote(body, quote)
    expect(rest).toEqual([])
    expect(span).toEqual({ startOffset: 99_999, endOffset: 200_000 })
  })

  test('describes a hundred thousand occurrences with their paragraphs in one pass', () => {
    const body = Array.from({ length: 100_000 }, () => 'x').join('\n')
    const found = findQuoteOccurrences(body, 'x', 2)
    expect(found).toHaveLength(100_000)
    expect(found[99_999]).toMatchObject({ startOffset: 199_998, text: 'x', paragraph: 100_000 })
  })
})

describe('contextAround and paragraphAt', () => {
  test('cuts context at whole words and marks the cut', () => {
    const body = 'one two three four five six seven'
    expect(contextAround(body, { startOffset: 14, endOffset: 18 }, 6)).toEqual({ before: '…three ', after: ' five…' })
  })

  test('numbers paragraphs by non-blank lines', () => {
    const body = 'first\n\nsecond\nthird'
    expect(paragraphAt(body, 0)).toBe(1)
    expect(paragraphAt(body, body.indexOf('second'))).toBe(2)
    expect(paragraphAt(body, body.indexOf('third') + 2)).toBe(3)
  })
})

describe('trimSpan', () => {
  test('drops whitespace at the edges of a selection', () => {
    expect(trimSpan(BODY, { startOffset: 9, endOffset: 27 })).toEqual({ startOffset: 10, endOffset: 26 })
  })

  test('gives nothing for a selection of whitespace only', () => {
    expect(trimSpan(BODY, { startOffset: 9, endOffset: 10 })).toBeNull()
  })
})

describe('newClaimSchema tags', () => {
  const parse = (tags: string) => newClaimSchema.safeParse({ quote: 'x', tags })

  test('gives the tags as a clean list', () => {
    expect(parse('A, b').data?.tags).toEqual(['a', 'b'])
  })

  test('refuses more than 10 tags and tags longer than 40 characters', () => {
    expect(parse('a,b,c,d,e,f,g,h,i,j').success).toBe(true)
    expect(parse('a,b,c,d,e,f,g,h,i,j,k').error?.issues[0]).toMatchObject({
      path: ['tags'],
      message: expect.stringContaining('at most 10'),
    })
    expect(parse('x'.repeat(40)).success).toBe(true)
    expect(parse('x'.repeat(41)).error?.issues[0]).toMatchObject({ path: ['tags'] })
  })

  test('needs both offsets or neither', () => {
    expect(newClaimSchema.safeParse({ quote: 'x', startOffset: 1 }).success).toBe(false)
    expect(newClaimSchema.safeParse({ quote: 'x', startOffset: 1, endOffset: 2 }).success).toBe(true)
  })

  test('refuses a date that does not exist', () => {
    expect(newClaimSchema.safeParse({ quote: 'x', claimDate: '2026-02-30' }).success).toBe(false)
    expect(newClaimSchema.safeParse({ quote: 'x', claimDate: '2024-02-29' }).success).toBe(true)
  })
})

describe('segmentBody', () => {
  const body = '0123456789'

  test('gives the whole body as one plain segment when there are no claims', () => {
    expect(segmentBody(body, [])).toEqual([{ startOffset: 0, endOffset: 10, text: body, claimIds: [] }])
  })

  test('cuts at every boundary and lists each claim covering a segment, outermost first', () => {
    const segments = segmentBody(body, [
      { id: 'inner', startOffset: 4, endOffset: 6 },
      { id: 'outer', startOffset: 2, endOffset: 8 },
      { id: 'tail', startOffset: 7, endOffset: 10 },
    ])
    expect(segments.map((s) => [s.text, s.claimIds])).toEqual([
      ['01', []],
      ['23', ['outer']],
      ['45', ['outer', 'inner']],
      ['6', ['outer']],
      ['7', ['outer', 'tail']],
      ['89', ['tail']],
    ])
    // The segments put back together are the body, character for character.
    expect(segments.map((s) => s.text).join('')).toBe(body)
  })

  test('keeps claims with the same span both visible and clips spans that leave the body', () => {
    const segments = segmentBody(body, [
      { id: 'a', startOffset: 0, endOffset: 3 },
      { id: 'b', startOffset: 0, endOffset: 3 },
      { id: 'c', startOffset: 8, endOffset: 20 },
      { id: 'empty', startOffset: 5, endOffset: 5 },
    ])
    expect(segments.map((s) => [s.text, s.claimIds])).toEqual([
      ['012', ['a', 'b']],
      ['34567', []],
      ['89', ['c']],
    ])
  })

  test('lists, for every character, exactly the claims whose span holds it, however many overlap', () => {
    // A small deterministic generator, so a failure names the same spans every run.
    let seed = 7
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % below
    }
    const text = 'x'.repeat(200)
    for (let round = 0; round < 50; round++) {
      const claims = Array.from({ length: 1 + random(30) }, (_, index) => {
        const startOffset = random(220) - 10
        return { id: `c${index}`, startOffset, endOffset: startOffset + random(60) }
      })
      const segments = segmentBody(text, claims)
      expect(segments.map((s) => s.text).join('')).toBe(text)
      for (const segment of segments) {
        const expected = claims
          .map((claim) => ({
            ...claim,
            startOffset: Math.max(0, claim.startOffset),
            endOffset: Math.min(200, claim.endOffset),
          }))
          .filter((claim) => claim.startOffset <= segment.startOffset && segment.endOffset <= claim.endOffset)
          .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset)
          .map((claim) => claim.id)
        expect(segment.claimIds).toEqual(expected)
      }
    }
  })
})
