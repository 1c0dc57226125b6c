// The quote as a reader meets it in the article: the sentence (or sentences) it sits in, with the quote
// marked. Pure: takes the body and the claim's offsets, returns three strings to print in a row.
import type { Sentence } from '~/claims/checkworthiness'

/** Past this, the words around the quote are cut at a word and shown with an ellipsis. */
export const CONTEXT_MAX_CHARS = 320

export type QuoteInContext = { before: string; quote: string; after: string }

export function quoteInContext(
  body: string,
  span: { startOffset: number; endOffset: number },
  sentences: readonly Sentence[],
): QuoteInContext {
  const start = Math.max(0, Math.min(span.startOffset, body.length))
  const end = Math.max(start, Math.min(span.endOffset, body.length))
  const touching = sentences.filter(
    (sentence) => sentence.endOffset > start && sentence.startOffset < Math.max(end, start + 1),
  )
  const from = Math.min(start, ...touching.map((sentence) => sentence.startOffset))
  const to = Math.max(end, ...touching.map((sentence) => sentence.endOffset))
  return {
    before: keepEnd(body.slice(from, start)),
    quote: body.slice(start, end),
    after: keepStart(body.slice(end, to)),
  }
}

function keepStart(text: string): string {
  if (text.length <= CONTEXT_MAX_CHARS) return text
  const cut = text.slice(0, CONTEXT_MAX_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${space > CONTEXT_MAX_CHARS / 2 ? cut.slice(0, space) : cut}…`
}

function keepEnd(text: string): string {
  if (text.length <= CONTEXT_MAX_CHARS) return text
  const cut = text.slice(-CONTEXT_MAX_CHARS)
  const space = cut.indexOf(' ')
  return `…${space >= 0 && space < CONTEXT_MAX_CHARS / 2 ? cut.slice(space + 1) : cut}`
}
