import { describe, expect, it } from '@jest/globals'
import { splitSentences } from '~/claims/checkworthiness'
import { CONTEXT_MAX_CHARS, quoteInContext } from './context'

function contextOf(body: string, quote: string) {
  const startOffset = body.indexOf(quote)
  return quoteInContext(body, { startOffset, endOffset: startOffset + quote.length }, splitSentences(body))
}

describe('quoteInContext', () => {
  it('gives the sentence around the quote, and nothing of the others', () => {
    const body = 'First sentence here. The ministry said 1,200 people were freed on Monday. Last one.'
    expect(contextOf(body, '1,200 people were freed')).toEqual({
      before: 'The ministry said ',
      quote: '1,200 people were freed',
      after: ' on Monday.',
    })
  })

  it('spans every sentence a quote runs across', () => {
    const body = 'One. Two begins here. And ends here. Three.'
    expect(contextOf(body, 'here. And')).toEqual({ before: 'Two begins ', quote: 'here. And', after: ' ends here.' })
  })

  it('shortens a very long sentence at a word, with an ellipsis', () => {
    const body = `${'word '.repeat(200)}QUOTE ${'more '.repeat(200)}.`
    const context = contextOf(body, 'QUOTE')
    expect(context.before.startsWith('…')).toBe(true)
    expect(context.after.endsWith('…')).toBe(true)
    expect(context.before.length).toBeLessThanOrEqual(CONTEXT_MAX_CHARS + 1)
    expect(context.after.length).toBeLessThanOrEqual(CONTEXT_MAX_CHARS + 1)
  })
})
