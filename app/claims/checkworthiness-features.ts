// The features the trained check-worthiness model reads, shared by training (scripts/checkworthiness)
// and scoring, so both see exactly the same numbers. Hashed word and character n-grams, a few rule
// features and the neighbouring sentences; no NLP library, so it stays fast enough for the hot path.

/** One line to score, in document order; the speaker is optional (debates have one, articles do not). */
export type ScoringLine = { text: string; speaker?: string }

/** Which feature families are on, and how strongly each counts; stored with the model. */
export type FeatureConfig = {
  /** log2 of the number of hash buckets. */
  bits: number
  words: number
  bigrams: number
  chars: number
  /** Character n-gram lengths, inclusive. */
  charMin: number
  charMax: number
  rules: number
  context: number
  speaker: number
}

/** A sparse, L2-normalised feature vector: bucket indexes and their values. */
export type FeatureVector = { index: Int32Array; value: Float32Array }

// Sentences longer than this are scored on their first part: the cost of a line stays bounded.
export const MAX_SCORED_CHARS = 2_000

const NS = {
  word: 0x9e3779b1,
  bigram: 0x85ebca77,
  char: 0xc2b2ae3d,
  rule: 0x27d4eb2f,
  prev: 0x165667b1,
  next: 0xd3a2646c,
}
const NS_SPEAKER = 0xfd7046c5

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function hashString(seed: number, text: string): number {
  let h = seed ^ FNV_OFFSET
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h >>> 0
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b >>> 0), 0x9e3779b1)
  h ^= h >>> 15
  return Math.imul(h, 0x85ebca77) >>> 0
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

function isWordChar(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
  // Latin letters with accents, then General Punctuation (quotes, dashes), without a regex.
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7
  if (code >= 0x2000 && code <= 0x206f) return false
  return WORD_CHAR.test(text.charAt(at))
}

/**
 * Hashes of the words of a lower-cased text; an apostrophe between letters stays in the word, and
 * every digit counts as 0, so "1,200" and "3,500" share features.
 */
function wordHashes(text: string): number[] {
  const hashes: number[] = []
  let h = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isWordChar(code, text, i)) {
      if (!inWord) h = FNV_OFFSET
      inWord = true
      h = Math.imul(h ^ (code >= 48 && code <= 57 ? 48 : code), FNV_PRIME)
    } else if (
      inWord &&
      (code === 39 || code === 0x2019) &&
      i + 1 < text.length &&
      isWordChar(text.charCodeAt(i + 1), text, i + 1)
    ) {
      h = Math.imul(h ^ 39, FNV_PRIME)
    } else if (inWord) {
      hashes.push(h >>> 0)
      inWord = false
    }
  }
  if (inWord) hashes.push(h >>> 0)
  return hashes
}

// Rule features: the evidence a fact-checker looks for, as cheap patterns. Most read the lower-cased
// text; those that need capitals read the sentence as written.
const RULES: Array<[name: string, pattern: RegExp, asWritten?: true]> = [
  ['digit', /\d/],
  ['percent', /\d\s?(?:%|per ?cent)|percent/],
  ['money', /[$€£¥]\s?\d|\b\d+(?:\.\d+)?\s?(?:million|billion|trillion)\b|\bdollars?\b/],
  ['year', /\b(?:1[89]|20)\d{2}s?\b/, true],
  ['bigNumber', /\b(?:million|billion|trillion|thousands?|hundreds?)\b/],
  ['comparison', /\b(?:more|less|fewer|higher|lower|larger|bigger|smaller) than\b|\b(?:doubled|tripled|halved)\b/],
  ['change', /\b(?:rose|fell|increased|decreased|dropped|grew|jumped|declined|cut|raised|lost|created|added)\b/],
  ['superlative', /\b(?:most|least|largest|biggest|highest|lowest|best|worst|record)\b/],
  ['attribution', /\b(?:said|says|according to|reported|announced|confirmed|stated|claimed)\b/],
  ['firstPerson', /\b(?:I|I'm|I’m|I've|me|my)\b/, true],
  ['we', /\b(?:we|our|us)\b/],
  ['you', /\b(?:you|your)\b/],
  ['question', /\?\s*["”’')]*\s*$/],
  ['hedge', /\b(?:could|might|may|would|perhaps|maybe|probably|think|believe|hope|feel)\b/],
  ['opinion', /\b(?:should|must|great|wonderful|terrible|disaster|love|thank|thanks)\b/],
  ['law', /\b(?:law|bill|voted?|tax(?:es)?|budget|deficit|debt|jobs?|unemployment)\b/],
  ['capitalised', /\s\p{Lu}\p{Ll}+/u, true],
  [
    'sentiment',
    /\b(?:emotional(?:ly)?|tragic(?:ally)?|heartbreaking|devastating|terrible|horrific|awful|wonderful|brutal|shocking|outrageous|deeply|painful|optimistic|pessimistic|hopeful|fearful|anxious|remarkable|incredible|amazing|stunning|sadly|unfortunately|fortunately|hopefully|significant)\b/,
  ],
]

// Names: capitalised words after the first, counted (none, one, two or three, four or more).
const UPPER = /\p{Lu}/u

function namesBucket(text: string): number {
  let count = 0
  for (let i = 1; i < text.length && count < 4; i++) {
    const before = text.charCodeAt(i - 1)
    if (before !== 32 && before !== 0x201c && before !== 34 && before !== 40) continue
    const code = text.charCodeAt(i)
    if (code >= 65 && code <= 90 ? true : code >= 128 && UPPER.test(text.charAt(i))) count++
  }
  return count === 0 ? 0 : count === 1 ? 1 : count < 4 ? 2 : 3
}

function lengthBucket(words: number): number {
  if (words < 4) return 0
  if (words < 8) return 1
  if (words < 14) return 2
  if (words < 25) return 3
  return 4
}

// Counts features of one family into a dense scratch array, remembering which buckets it touched,
// so building a sentence's vector costs what the sentence has, not what the model has.
class Accumulator {
  readonly counts: Float64Array
  touched = new Int32Array(1024)
  size = 0
  constructor(
    dimensions: number,
    private readonly mask: number,
  ) {
    this.counts = new Float64Array(dimensions)
  }
  add(hash: number, value = 1) {
    const index = hash & this.mask
    if (this.counts[index] === 0) {
      if (this.size === this.touched.length) {
        const grown = new Int32Array(this.size * 2)
        grown.set(this.touched)
        this.touched = grown
      }
      this.touched[this.size++] = index
    }
    this.counts[index]! += value
  }
  /** Adds this family to `into`, normalised to length `weight`, and empties it. */
  drainInto(into: Accumulator, weight: number) {
    let norm = 0
    for (let i = 0; i < this.size; i++) norm += this.counts[this.touched[i]!]! ** 2
    const scale = norm > 0 ? weight / Math.sqrt(norm) : 0
    for (let i = 0; i < this.size; i++) {
      const index = this.touched[i]!
      if (scale !== 0) into.add(index, this.counts[index]! * scale)
      this.counts[index] = 0
    }
    this.size = 0
  }
  /** w·x for these weights, and empties it: scoring without building the vector. */
  dotAndClear(weights: Float32Array): number {
    let sum = 0
    for (let i = 0; i < this.size; i++) {
      const at = this.touched[i]!
      sum += weights[at]! * this.counts[at]!
      this.counts[at] = 0
    }
    this.size = 0
    return sum
  }
  build(): FeatureVector {
    const index = new Int32Array(this.size)
    const value = new Float32Array(this.size)
    let kept = 0
    for (let i = 0; i < this.size; i++) {
      const at = this.touched[i]!
      // A bucket can cancel to zero only through float rounding; it carries nothing either way.
      if (this.counts[at] !== 0) {
        index[kept] = at
        value[kept++] = this.counts[at]!
      }
      this.counts[at] = 0
    }
    this.size = 0
    return kept === index.length ? { index, value } : { index: index.slice(0, kept), value: value.slice(0, kept) }
  }
}

const BIGRAM_START = hashString(NS.bigram, '<s>')
const BIGRAM_END = hashString(NS.bigram, '</s>')
const RULE_HASHES = RULES.map(([name]) => hashString(NS.rule, name))
const LENGTH_HASHES = [0, 1, 2, 3, 4].map((bucket) => hashString(NS.rule, `length${bucket}`))
const NAMES_HASHES = [0, 1, 2, 3].map((bucket) => hashString(NS.rule, `names${bucket}`))
const SHARE_HASHES = [0, 1, 2, 3, 4].map((bucket) => hashString(NS_SPEAKER, `share${bucket}`))
const TURN_START = hashString(NS_SPEAKER, 'turnStart')
const TURN_GOES_ON = hashString(NS_SPEAKER, 'turnGoesOn')

function addChars(into: Accumulator, padded: string, min: number, max: number) {
  for (let i = 0; i < padded.length; i++) {
    let h = NS.char ^ FNV_OFFSET
    for (let n = 1; n <= max && i + n <= padded.length; n++) {
      h = Math.imul(h ^ padded.charCodeAt(i + n - 1), FNV_PRIME)
      if (n >= min) into.add(mix(h >>> 0, n))
    }
  }
}

const accumulators = new Map<number, { whole: Accumulator; part: Accumulator }>()

function accumulatorsFor(bits: number) {
  let found = accumulators.get(bits)
  if (!found) {
    const dimensions = 1 << bits
    found = { whole: new Accumulator(dimensions, dimensions - 1), part: new Accumulator(dimensions, dimensions - 1) }
    accumulators.set(bits, found)
  }
  return found
}

/**
 * Feature vectors for a document's lines, in order. Each line may also see its neighbours' words and
 * how much of the document its speaker speaks (moderators speak often and rarely state facts).
 */
export function featuresOfDocument(lines: readonly ScoringLine[], config: FeatureConfig): FeatureVector[] {
  const vectors: FeatureVector[] = []
  walkDocument(lines, config, (features) => vectors.push(features.build()))
  return vectors
}

/** The linear model's margin (bias + w·x) for each line of a document: the same features, unbuilt. */
export function marginsOfDocument(
  lines: readonly ScoringLine[],
  config: FeatureConfig,
  weights: Float32Array,
  bias: number,
): number[] {
  const margins: number[] = []
  walkDocument(lines, config, (features) => margins.push(bias + features.dotAndClear(weights)))
  return margins
}

function walkDocument(lines: readonly ScoringLine[], config: FeatureConfig, take: (features: Accumulator) => void) {
  const { whole, part } = accumulatorsFor(config.bits)
  const texts = lines.map((line) => line.text.slice(0, MAX_SCORED_CHARS))
  const lowered = texts.map((text) => text.toLowerCase())
  const words = lowered.map(wordHashes)
  const speakerLines = new Map<string, number>()
  for (const line of lines) {
    if (line.speaker) speakerLines.set(line.speaker, (speakerLines.get(line.speaker) ?? 0) + 1)
  }
  let topSpeaker = 0
  for (const count of speakerLines.values()) topSpeaker = Math.max(topSpeaker, count)

  for (let i = 0; i < lines.length; i++) {
    const text = texts[i]!
    const own = words[i]!
    for (const word of own) part.add(mix(word, NS.word))
    part.drainInto(whole, config.words)
    if (config.bigrams) {
      let previous = BIGRAM_START
      for (const word of own) {
        part.add(mix(previous, word))
        previous = word
      }
      part.add(mix(previous, BIGRAM_END))
      part.drainInto(whole, config.bigrams)
    }
    if (config.chars) {
      addChars(part, ` ${lowered[i]!.replace(/\d/g, '0').replace(/\s+/g, ' ').trim()} `, config.charMin, config.charMax)
      part.drainInto(whole, config.chars)
    }
    if (config.rules) {
      const lower = lowered[i]!
      RULES.forEach(([, pattern, asWritten], r) => {
        if (pattern.test(asWritten ? text : lower)) part.add(RULE_HASHES[r]!)
      })
      part.add(LENGTH_HASHES[lengthBucket(own.length)]!)
      part.add(NAMES_HASHES[namesBucket(text)]!)
      part.drainInto(whole, config.rules)
    }
    if (config.context) {
      if (i > 0) for (const word of words[i - 1]!) part.add(mix(word, NS.prev))
      else part.add(NS.prev)
      if (i + 1 < lines.length) for (const word of words[i + 1]!) part.add(mix(word, NS.next))
      else part.add(NS.next)
      part.drainInto(whole, config.context)
    }
    const speaker = lines[i]!.speaker
    if (config.speaker && speaker) {
      const share = speakerLines.get(speaker)! / topSpeaker
      part.add(SHARE_HASHES[Math.min(4, Math.floor(share * 5))]!)
      part.add(i === 0 || lines[i - 1]!.speaker !== speaker ? TURN_START : TURN_GOES_ON)
      part.drainInto(whole, config.speaker)
    }
    take(whole)
  }
}
