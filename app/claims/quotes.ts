// How a claim's quote relates to the article body: offsets are checked against the exact text, a typed
// quote is found by a search that lets straight and curly quotes, dashes and runs of whitespace stand in
// for each other (the claim keeps the body's own characters), and the body is cut into segments at every
// claim boundary so overlapping claims can all be drawn. Pure: the server and the highlighter share it.

export type Span = { startOffset: number; endOffset: number }

export type QuoteCheck = { ok: true } | { ok: false; reason: 'outside' | 'mismatch'; message: string }

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
  /** The body's own text at the span, which may differ from what was typed in quote marks, dashes or spacing. */
  text: string
  /** Up to `contextChars` of the body before the quote, cut at a word boundary where possible. */
  before: string
  after: string
  /** 1 for the first paragraph: "in paragraph 3" tells a reader where to look. */
  paragraph: number
}

// Characters a person types for one another: a keyboard gives ' " -, the article may have ‘ ’ “ ” – —.
const SINGLE_QUOTES = "'‘’‚‛′ʹʼ"
const DOUBLE_QUOTES = '"“”„‟″'
const DASHES = '-‐‑‒–—―−'

function foldChar(char: string): string {
  if (SINGLE_QUOTES.includes(char)) return "'"
  if (DOUBLE_QUOTES.includes(char)) return '"'
  if (DASHES.includes(char)) return '-'
  return char
}

/**
 * The text with every quote mark, dash and run of whitespace made one uniform character, and for each
 * character of the result the span of the original it stands for. One pass, so linear in the text.
 */
export function foldForMatching(text: string): { folded: string; from: Int32Array; to: Int32Array } {
  const from = new Int32Array(text.length)
  const to = new Int32Array(text.length)
  let folded = ''
  let length = 0
  for (let at = 0; at < text.length;) {
    let end = at + 1
    let char = text.charAt(at)
    if (/\s/.test(char)) {
      while (end < text.length && /\s/.test(text.charAt(end))) end++
      char = ' '
    } else {
      char = foldChar(char)
    }
    folded += char
    from[length] = at
    to[length] = end
    length++
    at = end
  }
  return { folded, from: from.subarray(0, length), to: to.subarray(0, length) }
}

/** Where `pattern` starts in `text`, every time, overlapping ones included: Knuth–Morris–Pratt, linear in both. */
function allMatches(text: string, pattern: string): number[] {
  if (!pattern) return []
  const fallback = new Int32Array(pattern.length)
  for (let i = 1, k = 0; i < pattern.length; i++) {
    while (k > 0 && pattern.charCodeAt(i) !== pattern.charCodeAt(k)) k = fallback[k - 1]!
    if (pattern.charCodeAt(i) === pattern.charCodeAt(k)) k++
    fallback[i] = k
  }
  const starts: number[] = []
  for (let i = 0, k = 0; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== pattern.charCodeAt(k)) k = fallback[k - 1]!
    if (text.charCodeAt(i) === pattern.charCodeAt(k)) k++
    if (k === pattern.length) {
      starts.push(i - pattern.length + 1)
      k = fallback[k - 1]!
    }
  }
  return starts
}

/**
 * Every span of the body that reads as the typed quote, overlapping ones included ("aa" twice in "aaa").
 * Straight and curly quotes, the different dashes and any run of whitespace (a line break included)
 * match one another; letters, digits and other punctuation must be exactly as in the body.
 * Whitespace around the typed quote is ignored. Linear in the body and the quote.
 */
export function matchQuote(body: string, quote: string): Span[] {
  const wanted = foldForMatching(quote.trim()).folded
  if (!wanted) return []
  const { folded, from, to } = foldForMatching(body)
  return allMatches(folded, wanted).map((at) => ({ startOffset: from[at]!, endOffset: to[at + wanted.length - 1]! }))
}

/** The spans with their text, a little surrounding text and their paragraph, in one pass over the body. */
export function describeOccurrences(body: string, spans: readonly Span[], contextChars = 60): QuoteOccurrence[] {
  const paragraphOf = paragraphCounter(body)
  return spans.map((span) => ({
    ...span,
    text: body.slice(span.startOffset, span.endOffset),
    ...contextAround(body, span, contextChars),
    paragraph: paragraphOf(span.startOffset),
  }))
}

/**
 * Every place the typed quote appears in the body (see `matchQuote`), each with a little surrounding
 * text so a person can tell them apart.
 */
export function findQuoteOccurrences(body: string, quote: string, contextChars = 60): QuoteOccurrence[] {
  return describeOccurrences(body, matchQuote(body, quote), contextChars)
}

/** Which paragraph (counting non-blank lines from 1) the offset falls in. */
export function paragraphAt(body: string, offset: number): number {
  return paragraphCounter(body)(offset)
}

/** `paragraphAt` for offsets asked in increasing order, reading the body once however many are asked. */
function paragraphCounter(body: string): (offset: number) => number {
  let at = 0
  let lines = 0
  let lineHasText = false
  return (offset) => {
    for (; at < offset; at++) {
      const char = body.charAt(at)
      if (char === '\n') {
        if (lineHasText) lines++
        lineHasText = false
      } else if (!/\s/.test(char)) {
        lineHasText = true
      }
    }
    return lines + 1
  }
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
  // One sweep along the body: the claims covering a stretch are those begun and not yet ended, kept in
  // the spans' order (outermost first). Every claim's end is a cut, so none ends inside a stretch.
  let covering: typeof spans = []
  let next = 0
  for (let i = 0; i < points.length - 1; i++) {
    const startOffset = points[i]!
    const endOffset = points[i + 1]!
    if (covering.some((span) => span.endOffset <= startOffset))
      covering = covering.filter((span) => span.endOffset > startOffset)
    while (next < spans.length && spans[next]!.startOffset <= startOffset) covering.push(spans[next++]!)
    segments.push({
      startOffset,
      endOffset,
      text: body.slice(startOffset, endOffset),
      claimIds: covering.map((span) => span.id),
    })
  }
  return segments
}
