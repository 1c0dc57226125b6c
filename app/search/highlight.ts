// The matched words of a search result, as plain segments the page renders inside <mark>: no HTML
// travels, so nothing in a claim or a title can be injected. PostgreSQL's ts_headline marks the full-text
// matches (between START and STOP); a result found only by its spelling gets its near words marked here.
// Pure and bounded: at most MAX_SNIPPET characters are read.

export const START = '\u0001'
export const STOP = '\u0002'
export const MAX_SNIPPET = 600

export type Segment = { text: string; match: boolean }

/** Splits ts_headline's output at its markers; a snippet without any gets the words near `words` marked. */
export function highlightSegments(snippet: string, words: readonly string[]): Segment[] {
  const text = snippet.slice(0, MAX_SNIPPET)
  const segments: Segment[] = []
  let match = false
  for (const part of text.split(/([\u0001\u0002])/)) {
    if (part === START) match = true
    else if (part === STOP) match = false
    else if (part) segments.push({ text: part, match })
  }
  if (segments.some((segment) => segment.match)) return merge(segments)
  return merge(markNearWords(segments.map((segment) => segment.text).join(''), words))
}

function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = []
  for (const segment of segments) {
    const last = merged[merged.length - 1]
    if (last && last.match === segment.match) last.text += segment.text
    else merged.push({ ...segment })
  }
  return merged
}

/** Marks each word of `text` that starts with a searched word or is spelt within a typo or two of one. */
export function markNearWords(text: string, words: readonly string[]): Segment[] {
  const wanted = words.filter((word) => word.length >= 3)
  if (!wanted.length) return [{ text, match: false }]
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .filter(Boolean)
    .map((part) => {
      const lower = part.toLowerCase()
      return { text: part, match: /[\p{L}\p{N}]/u.test(part) && wanted.some((word) => isNear(lower, word)) }
    })
}

function isNear(candidate: string, word: string): boolean {
  if (candidate.startsWith(word)) return true
  if (candidate.length < 4 || Math.abs(candidate.length - word.length) > 2) return false
  return editDistance(candidate, word, word.length >= 7 ? 2 : 1) !== null
}

/** Levenshtein distance when it is at most `limit`, else null; words are short, so this stays cheap. */
export function editDistance(a: string, b: string, limit: number): number | null {
  if (a.length > 40 || b.length > 40) return a === b ? 0 : null
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      best = Math.min(best, current[j]!)
    }
    if (best > limit) return null
    previous = current
  }
  const distance = previous[b.length]!
  return distance <= limit ? distance : null
}
