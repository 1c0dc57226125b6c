// How alike two claims are, for "Checked before": the database gives the trigram similarity and the
// English lexemes of each text; this weighs them with the figures the texts state, so "1,200 prisoners"
// and "1,000 prisoners" come out near but below the same sentence, and "3%" against "30%" far apart.
// Pure, unit-tested; the threshold was chosen on tests/fixtures/claim-paraphrases.json (see its test).

/** At or above this a match is offered as checked before. */
export const CHECKED_BEFORE_THRESHOLD = 0.55

/** The share of the score that trigram similarity carries; the shared lexemes carry the rest. */
const TRIGRAM_WEIGHT = 0.3

export type TextEvidence = {
  /** pg_trgm similarity() of the two texts, lower-cased: 0–1. */
  trigram: number
  /** The English lexemes of each text, as tsvector_to_array(to_tsvector('english', …)) gives them. */
  queryLexemes: readonly string[]
  candidateLexemes: readonly string[]
}

/** Dice coefficient of the two lexeme sets: 1 when they share every word stem. */
export function lexemeOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a)
  const right = new Set(b)
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const lexeme of left) if (right.has(lexeme)) shared += 1
  return (2 * shared) / (left.size + right.size)
}

type Figure = { value: number; year: boolean }

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
  fifty: 50,
  dozen: 12,
}

// Figures only from the first stretch of a text: claims are short, and the scan stays bounded.
const MAX_SCANNED = 2_000
const MAX_FIGURES = 20

/** The figures a text states: "1,200", "3.5 million", "45%", "twelve"; four-digit years apart. */
export function figuresIn(text: string): Figure[] {
  const figures: Figure[] = []
  const pattern =
    /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|per ?cent|thousand|million|billion|trillion|bn|mn|[km]\b)?|\b([a-z]+)\b/gi
  for (const match of text.slice(0, MAX_SCANNED).matchAll(pattern)) {
    if (figures.length >= MAX_FIGURES) break
    const [, digits, unit, word] = match
    if (word) {
      const value = NUMBER_WORDS[word.toLowerCase()]
      if (value !== undefined) figures.push({ value, year: false })
      continue
    }
    if (!digits) continue
    const value = Number(digits.replace(/,/g, ''))
    if (!Number.isFinite(value)) continue
    const scale = unit ? (MULTIPLIERS[unit.toLowerCase()] ?? 1) : 1
    const year = !unit && /^\d{4}$/.test(digits) && value >= 1800 && value <= 2100
    figures.push({ value: value * scale, year })
  }
  return figures
}

/** How close the nearest figure of `others` is to `figure`: 1 when equal, falling with the relative gap. */
function closeness(figure: Figure, others: readonly Figure[]): number {
  let best = 0
  for (const other of others) {
    if (other.year !== figure.year) continue
    if (other.value === figure.value) return 1
    // A different year is a different claim more often than a different count is.
    if (figure.year) continue
    const gap = Math.abs(figure.value - other.value) / Math.max(Math.abs(figure.value), Math.abs(other.value))
    best = Math.max(best, 1 - 1.5 * gap)
  }
  return Math.max(0, best)
}

/**
 * What the figures do to the score, 0.35–1: 1 when both texts state the same figures (or none), a little
 * less when one states figures the other lacks, and less the further apart the figures they state are.
 */
export function figureFactor(query: string, candidate: string): number {
  const mine = figuresIn(query)
  const theirs = figuresIn(candidate)
  if (mine.length === 0 && theirs.length === 0) return 1
  if (mine.length === 0 || theirs.length === 0) return 0.9
  // Both ways: a figure either text states and the other lacks counts against the match.
  const total =
    mine.reduce((sum, figure) => sum + closeness(figure, theirs), 0) +
    theirs.reduce((sum, figure) => sum + closeness(figure, mine), 0)
  return 0.35 + (0.65 * total) / (mine.length + theirs.length)
}

/** The similarity of a candidate to the query, 0–1. */
export function similarityScore(query: string, candidate: string, evidence: TextEvidence): number {
  // Squared: claims that differ in one word of four ("economy", "population") are different claims.
  const words = lexemeOverlap(evidence.queryLexemes, evidence.candidateLexemes) ** 2
  const text = TRIGRAM_WEIGHT * evidence.trigram + (1 - TRIGRAM_WEIGHT) * words
  return text * figureFactor(query, candidate)
}
