// How a claim's quote relates to the article body: offsets are checked against the exact text, a typed
// quote is found by exact search, and the body is cut into segments at every claim boundary so
// overlapping claims can all be drawn. Pure: the server and the highlighter share it.

export type Span = { startOffset: number; endOffset: number }

export type QuoteCheck =
  | { ok: true }
  | { ok: false; reason: 'outside' | 'mismatch'; message: string }

export const QUOTE_OUTSIDE_MESSAGE = 'A claim must lie inside the article text; select the quote again.'
export const QUOTE_MISMATCH_MESSAGE = 'The quote does not match the article text at that position.'
export const QUOTE_NOT_FOUND_MESSAGE = 'That quote does not appear in the article; copy it exactly.'

/** True when 0 ≤ start < end ≤ body length, with whole-number offsets. */
export function spanInside(bodyLength: number, span: Span): boolean {
  const { startOffset, endOffset } = span
  return (
    Number.isInteger(startOffset) &&
    Number.isInteger(endOffset) &&
    startOffset >= 0 &&
    startOffset < endOffset &&
    endOffset <= bodyLength
  )
}

/** The quote must be exactly the body's text at the offsets: no trimming, no normalising. */
export function checkQuoteAt(body: string, quote: string, span: Span): QuoteCheck {
  if (!spanInside(body.length, span)) return { ok: false, reason: 'outside', message: QUOTE_OUTSIDE_MESSAGE }
  if (body.slice(span.startOffset, span.endOffset) !== quote) {
    return { ok: false, reason: 'mismatch', message: QUOTE_MISMATCH_MESSAGE }
  }
  return { ok: true }
}

export type QuoteOccurrence = Span & {
  /** Up to `contextChars` of the body before the quote, cut at a word boundary where possible. */
  before: string
  after: string
  /** 1 for the first paragraph: "in paragraph 3" tells a reader where to look. */
  paragraph: number
}

/**
 * Every place the quote appears in the body, overlapping ones included ("aa" twice in "aaa"),
 * each with a little surrounding text so a person can tell them apart.
 */
export function findQuoteOccurrences(body: string, quote: string, contextChars = 60): QuoteOccurrence[] {
  if (!quote) return []
  const found: QuoteOccurrence[] = []
  for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) {
    const span = { startOffset: at, endOffset: at + quote.length }
    found.push({ ...span, ...contextAround(body, span, contextChars), paragraph: paragraphAt(body, at) })
  }
  return found
}

/** Which paragraph (counting non-blank lines from 1) the offset falls in. */
export function paragraphAt(body: string, offset: number): number {
  return body
    .slice(0, offset)
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.trim() !== '').length + 1
}

/** The text either side of a span, on one line, trimmed to whole words and marked with "…" when cut. */
export function contextAround(body: string, span: Span, chars = 60): { before: string; after: string } {
  const from = Math.max(0, span.startOffset - chars)
  const to = Math.min(body.length, span.endOffset + chars)
  let before = body.slice(from, span.startOffset)
  let after = body.slice(span.endOffset, to)
  // Drop a word the cut went through, unless the cut fell between words already.
  if (from > 0) before = `…${/\s/.test(body.charAt(from - 1)) ? before : before.replace(/^\S*\s/, '')}`
  if (to < body.length) after = `${/\s/.test(body.charAt(to)) ? after : after.replace(/\s\S*$/, '')}…`
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ¶ ')
  return { before: oneLine(before), after: oneLine(after) }
}

/** Moves the span's edges inwards past whitespace, so a sloppy selection still quotes words. */
export function trimSpan(body: string, span: Span): Span | null {
  let { startOffset, endOffset } = span
  while (startOffset < endOffset && /\s/.test(body.charAt(startOffset))) startOffset++
  while (endOffset > startOffset && /\s/.test(body.charAt(endOffset - 1))) endOffset--
  return startOffset < endOffset ? { startOffset, endOffset } : null
}

export type ClaimSpan = Span & { id: string }

export type BodySegment = Span & {
  text: string
  /** The claims covering this stretch, outermost first (earlier start, then longer span). */
  claimIds: string[]
}

/** Outermost first: the order in which overlapping highlights nest. */
export function compareSpans(a: Span, b: Span): number {
  return a.startOffset - b.startOffset || b.endOffset - a.endOffset
}

/**
 * Cuts the body at every claim boundary. Each segment lists the claims covering it, so a stretch
 * inside two claims shows both. Claims that fall outside the body are clipped to it; empty ones are skipped.
 */
export function segmentBody(body: string, claims: readonly ClaimSpan[]): BodySegment[] {
  const spans = claims
    .map((claim) => ({
      id: claim.id,
      startOffset: Math.max(0, Math.min(body.length, claim.startOffset)),
      endOffset: Math.max(0, Math.min(body.length, claim.endOffset)),
    }))
    .filter((claim) => claim.startOffset < claim.endOffset)
    .sort(compareSpans)
  const cuts = new Set<number>([0, body.length])
  for (const span of spans) {
    cuts.add(span.startOffset)
    cuts.add(span.endOffset)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: BodySegment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const startOffset = points[i]!
    const endOffset = points[i + 1]!
    if (startOffset === endOffset) continue
    const claimIds = spans
      .filter((span) => span.startOffset <= startOffset && endOffset <= span.endOffset)
      .map((span) => span.id)
    segments.push({ startOffset, endOffset, text: body.slice(startOffset, endOffset), claimIds })
  }
  return segments
}
