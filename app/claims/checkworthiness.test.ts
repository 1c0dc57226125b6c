import { readFileSync } from 'node:fs'
import { describe, expect, it, test } from '@jest/globals'
import { claimParts, reasonsFor, scoreSentence, splitSentences, suggestClaims } from './checkworthiness.ts'

const article = readFileSync(new URL('../../prisma/fixtures/ukraine-prisoner-exchange.txt', import.meta.url), 'utf8')

function sentenceStarting(prefix: string): string {
  const found = splitSentences(article).find((s) => s.text.startsWith(prefix))
  if (!found) throw new Error(`no sentence of the seed article starts with "${prefix}"`)
  return found.text
}

const prisonersSentence = 'Kyiv: Ukraine has launched an urgent diplomatic effort'
const istanbulSentence = 'Both countries have previously facilitated sensitive negotiations'
const umerovTalksSentence = 'Ukraine’s National Security Council head, Rustem Umerov'
const sentimentSentences = [
  'For many Ukrainian families, the prospect of a large-scale exchange is emotionally charged.',
  'Some have kept vigil for months',
  'A successful negotiation could mark a significant humanitarian breakthrough',
  'Beyond the humanitarian impact, it would deliver a major morale boost',
  'For the families of the detained, the stakes are deeply personal',
]

describe('splitSentences', () => {
  it('gives offsets that slice the body back to exactly each sentence of the seed article', () => {
    const sentences = splitSentences(article)
    expect(sentences).toHaveLength(23)
    for (const sentence of sentences) {
      expect(article.slice(sentence.startOffset, sentence.endOffset)).toBe(sentence.text)
      expect(sentence.text).toBe(sentence.text.trim())
      expect(sentence.text).not.toMatch(/\n/)
    }
  })

  it('trims the whitespace around sentences and skips blank paragraphs', () => {
    const body = '  The port reopened on Monday.   Ships queued.  \r\n\r\n\n  Grain left.  '
    const sentences = splitSentences(body)
    expect(sentences.map((s) => s.text)).toEqual(['The port reopened on Monday.', 'Ships queued.', 'Grain left.'])
    for (const s of sentences) expect(body.slice(s.startOffset, s.endOffset)).toBe(s.text)
    expect(sentences[0]?.startOffset).toBe(2)
  })

  it('counts offsets in UTF-16 code units, as JavaScript string indexes do', () => {
    // The flag is two code points, four UTF-16 code units.
    const body = 'Drones hit Odesa 🇺🇦. Kyiv said 300 drones were launched.'
    const [first, second] = splitSentences(body)
    expect(first?.text).toBe('Drones hit Odesa 🇺🇦.')
    expect(first?.endOffset).toBe(22)
    expect(second?.startOffset).toBe(23)
    expect(second && body.slice(second.startOffset, second.endOffset)).toBe('Kyiv said 300 drones were launched.')
  })

  test.each([
    [
      'ends a sentence at a paragraph break even without a full stop',
      'Casualty figures are disputed\nThe ministry said 40 soldiers died.',
      ['Casualty figures are disputed', 'The ministry said 40 soldiers died.'],
    ],
    [
      'does not end a sentence after a title such as "Dr." or "Gen."',
      'Gen. Oleksandr Syrskyi met Dr. Jones in Kyiv. Talks continued.',
      ['Gen. Oleksandr Syrskyi met Dr. Jones in Kyiv.', 'Talks continued.'],
    ],
  ])('%s', (_case, body, sentences) => {
    expect(splitSentences(body).map((s) => s.text)).toEqual(sentences)
  })

  it('returns no sentences for an empty or blank body', () => {
    expect(splitSentences('')).toEqual([])
    expect(splitSentences(' \n\n \t')).toEqual([])
  })
})

describe('scoreSentence', () => {
  it('cites the 1,200 prisoners and the "largest since" comparison', () => {
    const { score, reasons } = scoreSentence(sentenceStarting(prisonersSentence))
    expect(reasons).toContain('number: 1,200')
    expect(reasons).toContain('comparison: largest since')
    expect(reasons).toContain('place: Russia')
    expect(score).toBeGreaterThan(0.8)
  })

  it('cites who said it', () => {
    const { reasons } = scoreSentence(sentenceStarting('Zelenskiy said Kyiv is working'))
    expect(reasons).toContain('attribution: Zelenskiy said')
    expect(scoreSentence(sentenceStarting('Umerov said his team')).reasons).toContain('attribution: Umerov said')
    expect(scoreSentence('According to the United Nations, 5 million people have fled.').reasons).toContain(
      'attribution: According to the United Nations',
    )
    expect(scoreSentence('The strike cost $3 billion, according to the Pentagon.').reasons).toContain(
      'attribution: according to the Pentagon',
    )
  })

  it('cites the people, organisations and places named', () => {
    const { reasons } = scoreSentence(sentenceStarting(umerovTalksSentence))
    expect(reasons).toEqual(
      expect.arrayContaining([
        'named: Rustem Umerov',
        'organisation: National Security Council',
        'place: Turkey',
        'place: United Arab Emirates',
      ]),
    )
    expect(scoreSentence(sentenceStarting('President Volodymyr Zelenskiy')).reasons).toContain(
      'named: President Volodymyr Zelenskiy',
    )
    expect(scoreSentence('Officials met the U.N. envoy in Kyiv.').reasons).toContain('organisation: U.N.')
  })

  it('cites the year of the Istanbul agreements as a date, not a number', () => {
    const { reasons } = scoreSentence(sentenceStarting(istanbulSentence))
    expect(reasons).toContain('date: 2022')
    expect(reasons).toContain('place: Istanbul')
    expect(reasons.some((r) => r.startsWith('number:'))).toBe(false)
  })

  it('recognises money, percentages, written numbers, full dates and superlatives', () => {
    const { reasons } = scoreSentence(
      'The ministry spent $2.5 million, or 40% of its budget, on twelve hundred tents on March 5, 2021, ' +
        'the highest outlay on record.',
    )
    expect(reasons).toEqual(
      expect.arrayContaining([
        'number: $2.5 million',
        'number: 40%',
        'number: twelve hundred',
        'date: March 5, 2021',
        'superlative: highest',
      ]),
    )
    expect(reasons).not.toContain('number: million')
  })

  it('reads "may" as a hedge, and as a month only next to a date', () => {
    expect(scoreSentence('Moscow may be weighing its response to the offer.').reasons).toContain('hedge: may')
    expect(scoreSentence('The last exchange took place in May, officials said.').reasons).toContain('date: May')
  })

  it('cites nothing for a sentence with no checkable feature, and the model scores it low', () => {
    const calm = 'The mood in the room was calm and everyone listened carefully.'
    expect(reasonsFor(calm)).toEqual([])
    expect(scoreSentence(calm).score).toBeLessThan(0.2)
    expect(scoreSentence('Kyiv said 1,200 prisoners are held in 40 camps in Russia.').score).toBeGreaterThan(0.7)
  })

  it('names hedged, emotional, questioning and very short sentences as such', () => {
    expect(reasonsFor('The army said 40 tanks could have been destroyed near Bakhmut.')).toContain('hedge: could')
    expect(reasonsFor('The army said, tragically, 40 tanks were destroyed.')).toContain('sentiment: tragically')
    expect(reasonsFor('Did the army say 40 tanks were destroyed near Bakhmut?')).toContain('question')
    expect(reasonsFor('Kyiv agreed.')).toContain('short: 2 words')
  })

  test.each([
    ['“I”, “I’m” and “I’ve” as names', "I'm sure, and I’ve said it: I know this country.", /^named: I/],
    ['9/11 as the numbers 9 and 11', 'The 9/11 Commission put out a report that said America is safer.', /^number:/],
    [
      '“first of all” as a superlative',
      'First of all, we will lower taxes for the middle class.',
      /^superlative: first/i,
    ],
    ['“at first” as a superlative', 'At first, the talks in Geneva went nowhere.', /^superlative/],
    ['the “Today” of USA Today as a date', 'I read it in USA Today, the newspaper, every morning.', /^date: Today/i],
    ['“tonight” as a date', 'Tonight, we are going to talk about jobs in Ohio.', /^date: tonight/i],
    [
      'a plural noun that starts the sentence as a name',
      'Analysts say Moscow may be weighing its response.',
      /^named: Analysts/,
    ],
  ])('does not cite %s', (_case, sentence, wrong) => {
    expect(reasonsFor(sentence).filter((reason) => wrong.test(reason))).toEqual([])
  })

  it('still cites the real evidence beside those false friends', () => {
    expect(reasonsFor('I read it in USA Today, the newspaper, every morning.')).toContain('organisation: USA Today')
    expect(reasonsFor('Analysts say Moscow may be weighing its response.')).toContain('place: Moscow')
    expect(reasonsFor('Prices rose 4% today, the ministry said.')).toEqual(
      expect.arrayContaining(['number: 4%', 'date: today', 'attribution: ministry said']),
    )
    expect(reasonsFor('The attacks of 9/11/2001 killed 2,977 people.')).toEqual(
      expect.arrayContaining(['date: 9/11/2001', 'number: 2,977']),
    )
    expect(reasonsFor('It was the first time since 1998 that prices were higher than wages.')).toEqual(
      expect.arrayContaining(['date: 1998', 'comparison: first since', 'comparison: higher than']),
    )
  })

  it('keeps every score of the seed article within 0 and 1', () => {
    for (const sentence of splitSentences(article)) {
      const { score } = scoreSentence(sentence.text)
      expect(score).toBeGreaterThanOrEqual(0)
      expect(score).toBeLessThanOrEqual(1)
    }
  })
})

describe('claimParts', () => {
  const sentence = (text: string, startOffset = 0) => ({ text, startOffset, endOffset: startOffset + text.length })

  it('splits a sentence that states two checkable facts into the spans of each', () => {
    const body =
      'Intro. Rice output rose from five million to 11 million tonnes, and the new mills cut the import bill by 90 per cent.'
    const [, two] = splitSentences(body)
    const parts = claimParts(two!)
    expect(parts.map((part) => body.slice(part.startOffset, part.endOffset))).toEqual([
      'Rice output rose from five million to 11 million tonnes',
      'the new mills cut the import bill by 90 per cent.',
    ])
  })

  it('leaves whole a sentence with one fact, or two halves of which one states nothing checkable', () => {
    expect(claimParts(sentence('Kyiv said 1,200 prisoners are held in Russia.'))).toEqual([])
    expect(claimParts(sentence('Exports rose by 40% in 2023, and everyone in the room was delighted.'))).toEqual([])
  })
})

describe('suggestClaims', () => {
  const suggestions = suggestClaims(article)
  const rankOf = (prefix: string) => suggestions.findIndex((s) => s.text.startsWith(prefix))

  it('ranks the prisoners, Istanbul and Umerov sentences above every sentence of pure sentiment', () => {
    const factual = [prisonersSentence, istanbulSentence, umerovTalksSentence].map(rankOf)
    const sentiment = sentimentSentences.map(rankOf)
    expect([...factual, ...sentiment]).not.toContain(-1)
    expect(Math.max(...factual)).toBeLessThan(Math.min(...sentiment))
    expect(rankOf(prisonersSentence)).toBe(0)
  })

  it('orders by score, then by position in the article', () => {
    for (let i = 1; i < suggestions.length; i++) {
      const [before, after] = [suggestions[i - 1]!, suggestions[i]!]
      expect(before.score >= after.score).toBe(true)
      if (before.score === after.score) expect(before.startOffset).toBeLessThan(after.startOffset)
    }
    const repeated = suggestClaims('Kyiv said 1,200 prisoners are held. Kyiv said 1,200 prisoners are held.')
    expect(repeated.map((s) => s.startOffset)).toEqual([0, 36])
  })

  it('offers every sentence once, with offsets into the body', () => {
    expect(suggestions).toHaveLength(splitSentences(article).length)
    for (const s of suggestions) expect(article.slice(s.startOffset, s.endOffset)).toBe(s.text)
  })

  it('gives the same suggestions every time', () => {
    expect(suggestClaims(article)).toEqual(suggestions)
  })

  it('suggests nothing for an empty body', () => {
    expect(suggestClaims('')).toEqual([])
    expect(suggestClaims('\n\n')).toEqual([])
  })
})
