// Suggests which sentences of an article are worth fact-checking: splits the body into sentences
// with exact offsets, ranks them by the trained model (checkworthiness-model.ts) and explains each
// with the evidence that fired in it (figures, dates, names, sources, comparisons), found by patterns
// and compromise's word list, never by parsing every sentence.
import nlp from 'compromise'
import { scoreLines } from './checkworthiness-model'

export type Sentence = { startOffset: number; endOffset: number; text: string }

export type Span = { startOffset: number; endOffset: number }

/** A suggested sentence; `parts` are the spans of its checkable facts when it states two of them. */
export type Suggestion = Sentence & { score: number; reasons: string[]; parts: Span[] }

export type CheckWorthiness = { score: number; reasons: string[] }

/**
 * Below this score a sentence is not offered (it can still be marked by hand). Low on purpose: on the
 * seed article it leaves out only hedged asides; the ranking, not this cut, puts the best first.
 */
export const MIN_SUGGESTED_SCORE = 0.1

// A bare title ("the President noted") names a role, not someone a reader could look up.
const TITLE = new RegExp(
  `^(?:${[
    'President',
    'Prime Minister',
    'Minister',
    'Chancellor',
    'King',
    'Queen',
    'Pope',
    'Governor',
    'Mayor',
    'Senator',
    'General',
    'Secretary',
    'Ambassador',
    'Chairman',
    'Chair',
    'Director',
    'Spokesperson',
  ].join('|')})$`,
)

const PARAGRAPH_BREAK = /\r\n|[\n\r\u2028\u2029]/

// Intl.Segmenter breaks after every full stop followed by a capital, so "Dr. Jones" would end a
// sentence. These titles and single initials never close one ("I" is left out: "World War I." can).
const NON_TERMINAL_ABBREVIATION = new RegExp(
  `(?:^|[\\s(“"‘'])(?:${[
    'Mr',
    'Mrs',
    'Ms',
    'Mx',
    'Dr',
    'Prof',
    'Gen',
    'Lt',
    'Col',
    'Maj',
    'Capt',
    'Sgt',
    'Adm',
    'Gov',
    'Sen',
    'Rep',
    'Rev',
    'Hon',
    'St',
    'Jr',
    'Sr',
    'No',
    'Nos',
    'Art',
    'Fig',
    'vs',
    '[A-HJ-Z]',
  ].join('|')})\\.$`,
)

export function splitSentences(body: string): Sentence[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
  const sentences: Sentence[] = []
  for (const paragraph of splitKeepingOffsets(body, PARAGRAPH_BREAK)) {
    let pending: Sentence | null = null
    for (const { segment, index } of segmenter.segment(paragraph.text)) {
      const trimmed = trimSpan(segment, paragraph.start + index)
      if (!trimmed) continue
      if (pending && NON_TERMINAL_ABBREVIATION.test(pending.text)) {
        pending = {
          startOffset: pending.startOffset,
          endOffset: trimmed.endOffset,
          text: body.slice(pending.startOffset, trimmed.endOffset),
        }
        continue
      }
      if (pending) sentences.push(pending)
      pending = trimmed
    }
    if (pending) sentences.push(pending)
  }
  return sentences
}

function splitKeepingOffsets(text: string, separator: RegExp): Array<{ start: number; text: string }> {
  const global = new RegExp(separator.source, 'g')
  const parts: Array<{ start: number; text: string }> = []
  let start = 0
  for (const match of text.matchAll(global)) {
    parts.push({ start, text: text.slice(start, match.index) })
    start = match.index + match[0].length
  }
  parts.push({ start, text: text.slice(start) })
  return parts
}

function trimSpan(segment: string, offset: number): Sentence | null {
  const leading = segment.length - segment.trimStart().length
  const text = segment.trim()
  if (!text) return null
  return { startOffset: offset + leading, endOffset: offset + leading + text.length, text }
}

const YEAR = '(?:1[89]|20)\\d{2}s?'
const DAY = '\\d{1,2}(?:st|nd|rd|th)?'
const MONTH = '(?:January|February|March|April|June|July|August|September|October|November|December)'
const SHORT_MONTH = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)'
const AROUND_A_DATE = '(?:in|on|by|since|until|from|of|early|late|mid|last|next|this)'

const DATE_PATTERNS: RegExp[] = [
  // "9/11/2001", "12/25/20"; a bare "9/11" names an event, neither a date nor two numbers.
  /\b\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})\b/g,
  // "March 5, 2021", "5 March 2021", "March 2021", "Dec. 3"
  new RegExp(`\\b(?:${DAY}\\s+)?${MONTH}(?:\\s+${DAY})?(?:,?\\s+${YEAR})?\\b`, 'g'),
  new RegExp(`\\b(?:${DAY}\\s+)?${SHORT_MONTH}(?:\\.?\\s+${DAY}|\\.)(?:,?\\s+${YEAR})?(?!\\w)`, 'g'),
  // "May" is the month only beside a day, a year or a preposition; otherwise it is the verb or a name.
  new RegExp(
    [
      `\\b${DAY}\\s+May\\b(?:,?\\s+${YEAR}\\b)?`,
      `\\bMay\\s+${DAY}\\b(?:,?\\s+${YEAR}\\b)?`,
      `\\bMay,?\\s+${YEAR}\\b`,
      `(?<=\\b${AROUND_A_DATE}\\s)May\\b`,
    ].join('|'),
    'g',
  ),
  new RegExp(`(?<![\\d,.$€£¥])\\b${YEAR}\\b(?![,.]?\\d|%)`, 'g'),
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
  /\b(?:New Year(?:'s|’s)?(?: Eve| Day)?|Christmas(?: Eve| Day)?|Easter|Ramadan|Eid|Hanukkah|Thanksgiving)\b/g,
  // "Tonight" in a debate or speech is the evening of the speech itself, nothing a checker can date;
  // a capital mid-sentence makes "Today" part of a name ("USA Today").
  /(?<![\p{L}\p{N}])(?:(?:yesterday|today|tomorrow)|(?:last|next|this) (?:week|month|year|spring|summer|autumn|winter))\b/gu,
  /^[“"‘']?(?:Yesterday|Today|Tomorrow)\b/g,
]

// A figure with its currency and its unit: "$2.5 million", "40%", "3 per cent", "5bn".
const NUMBER = new RegExp(
  '(?<![\\p{L}\\p{N}_/-])(?:[$€£¥]\\s?)?\\d+(?:[.,]\\d+)*(?![.,]?\\d|\\/\\d)' +
    '(?:\\s?(?:%|per ?cent\\b|(?:million|billion|trillion|thousand|hundred)\\b)|(?:bn|m|k)\\b)?',
  'gu',
)
const VAGUE_QUANTITY = /\b(?:dozens|scores|hundreds|thousands|millions|billions) of\b/gi

// Matches any of the listed words or phrases, whole; a phrase may itself be a small pattern.
function anyOf(phrases: string[], flags: string): RegExp {
  return new RegExp(`\\b(?:${phrases.join('|')})\\b`, flags)
}

// Ambiguous nouns ("the claims", "reports", "states") are left out: they would invent sources.
const ATTRIBUTION_VERB = anyOf(
  [
    'said',
    'says',
    'say',
    'told',
    'tells',
    'announced',
    'announces',
    'noted',
    'claimed',
    'stated',
    'confirmed',
    'confirms',
    'reported',
    'added',
    'insisted',
    'insists',
    'acknowledged',
    'acknowledges',
    'acknowledge',
    'maintains',
    'maintained',
    'warned',
    'warns',
    'estimated',
    'argued',
    'argues',
    'explained',
    'declared',
    'denied',
    'denies',
    'revealed',
    'disclosed',
    'testified',
    'wrote',
    'tweeted',
  ],
  'gi',
)
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.&-]*"
const ACCORDING_TO = new RegExp(
  `\\b[Aa]ccording to\\b(?:\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+(?:of\\s+|for\\s+|and\\s+)?${NAME_WORD})*)?`,
  'gu',
)
// The word before an attribution verb names the source only if it is not part of the verb phrase.
const NOT_A_SOURCE = new Set([
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'also',
  'and',
  'or',
  'but',
  'that',
  'which',
  'then',
  'later',
  'previously',
  'reportedly',
  'recently',
  'once',
  'publicly',
  'not',
  'never',
])

const SUPERLATIVE_WORD = anyOf(
  [
    'first',
    'unprecedented',
    'all-time',
    'ever before',
    '\\p{L}+-ever',
    'record-\\p{L}+',
    // "a record 40%" or "record highs", but not "a criminal record"
    'record(?=\\s+(?:high|low|levels?|numbers?|\\d))',
  ],
  'giu',
)
const COMPARISON = anyOf(
  [
    '(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|longer|shorter|older|younger) than',
    'compared (?:with|to)',
    '(?:up|down) from',
    '(?:twice|(?:three|four|five|ten|\\d+) times) (?:as|more|higher|larger)',
    'doubled',
    'tripled',
    'quadrupled',
    'halved',
    '(?:rose|fell|increased|decreased|dropped|grew|jumped|declined|surged|plunged|climbed) (?:by|to|from)',
  ],
  'gi',
)

const SENTIMENT = anyOf(
  [
    'emotionally charged',
    'emotionally',
    'emotional',
    'tragic(?:ally)?',
    'heartbreaking',
    'heart-wrenching',
    'devastating',
    'terrible',
    'horrific',
    'awful',
    'wonderful',
    'brutal',
    'shocking',
    'outrageous',
    'deeply',
    'painful',
    'optimistic',
    'pessimistic',
    'hopeful',
    'fearful',
    'anxious',
    'remarkable',
    'incredible',
    'amazing',
    'stunning',
    'sadly',
    'unfortunately',
    'fortunately',
    'hopefully',
    'significant',
    'vigil',
  ],
  'gi',
)
const OPINION = anyOf(
  ['should', 'must', 'ought to', 'I think', 'I believe', 'we believe', 'in my view', 'in our view'],
  'g',
)
const HEDGE = anyOf(
  [
    'could',
    'may(?!\\s+\\d)',
    'might',
    'would',
    'perhaps',
    'maybe',
    'possibly',
    'probably',
    'likely',
    'unlikely',
    'apparently',
    'seemingly',
    'seems?',
    'appears?',
    'if',
    'whether',
    'hopes?',
    'hoped',
    'hoping',
  ],
  'g',
)

// compromise's word list (not its parser): what kind of thing a capitalised word names, and which
// words are superlatives or comparatives. Read once, looked up per word.
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon

function tagsOf(word: string): readonly string[] {
  const tags = LEXICON[word.toLowerCase()]
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags
}

const PLACE_TAGS = new Set(['Place', 'City', 'Country', 'Region'])
const PERSON_TAGS = new Set(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'])
const ORGANISATION_TAGS = new Set(['Organization', 'Company', 'School', 'SportsTeam'])
// A capitalised word that is one of these is a date, a nationality or a title, not a name.
const NOT_A_NAME_TAGS = new Set(['Month', 'WeekDay', 'Holiday', 'Date', 'Demonym', 'Honorific'])
// Words that start a sentence with a capital without naming anything ("Despite", "Some", "Analysts").
const PROPER_TAGS = new Set([...PLACE_TAGS, ...PERSON_TAGS, ...ORGANISATION_TAGS, 'ProperNoun', 'Actor'])
const ORGANISATION_WORD =
  /^(?:Council|Ministry|Department|Commission|Committee|Agency|Bank|University|Party|Parliament|Senate|Congress|Court|Army|Navy|Institute|Association|Union|Office|Service|Corporation|Corp\.?|Inc\.?|Ltd\.?|Company|Group|Foundation|Fund|Organisation|Organization|Authority|Bureau|Board|Assembly|Forces|Police|Times|Post|News)$/
const FIRST_PERSON = /^I(?:['’](?:m|ve|d|ll))?$/

const NAME_RUN = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}'’])${NAME_WORD}(?:\\s+(?:of\\s+(?:the\\s+)?)?${NAME_WORD})*`, 'gu')

type NamedThing = { kind: 'person' | 'organisation' | 'place' | 'named'; label: string }

function namedThings(text: string): NamedThing[] {
  const found: NamedThing[] = []
  const sentenceStart = /^[\s“"‘'(]*/.exec(text)![0].length
  for (const match of eachMatch(NAME_RUN, text)) {
    let words = withoutEdgePunctuation(match[0]).split(/\s+/)
    if (match.index === sentenceStart && words.length > 0) {
      const tags = tagsOf(withoutEdgePunctuation(words[0]!))
      if (tags.length > 0 && (tags.includes('Plural') || !tags.some((tag) => PROPER_TAGS.has(tag)))) {
        words = words.slice(1)
      }
    }
    words = words.filter((word) => !FIRST_PERSON.test(word))
    while (words[0] && /^(?:of|the)$/.test(words[0])) words = words.slice(1)
    while (words.length && /^(?:of|the)$/.test(words[words.length - 1]!)) words = words.slice(0, -1)
    if (words.length === 0) continue
    const label = entityName(withoutEdgePunctuation(words.join(' ')))
    if (!/^\p{Lu}/u.test(label) || TITLE.test(label)) continue
    const labelWords = label.split(' ')
    const whole = tagsOf(label)
    if (labelWords.length === 1 && whole.some((tag) => NOT_A_NAME_TAGS.has(tag))) continue
    const wordTags = labelWords.flatMap((word) => tagsOf(word.replace(/['’]s$/u, '')))
    const kind: NamedThing['kind'] =
      whole.some((tag) => ORGANISATION_TAGS.has(tag)) ||
      ORGANISATION_WORD.test(labelWords[labelWords.length - 1]!) ||
      /^(?:\p{Lu}\.){2,}$/u.test(label)
        ? 'organisation'
        : whole.some((tag) => PLACE_TAGS.has(tag)) ||
            (labelWords.length === 1 && wordTags.some((tag) => PLACE_TAGS.has(tag)))
          ? 'place'
          : wordTags.some((tag) => PERSON_TAGS.has(tag))
            ? 'person'
            : 'named'
    found.push({ kind, label })
  }
  return found
}

const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)'
const WRITTEN_NUMBER = new RegExp(
  `\\b${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?${NUMBER_WORD})*(?:\\s+(?:per ?cent|percent)\\b)?\\b`,
  'gi',
)
// "First of all" and "at first" order an argument; they claim nothing.
const NOT_A_SUPERLATIVE = /^first\b(?=\s+(?:of all|and foremost|things first))|^first(?=,)/i
const SUPERLATIVE_OR_MOST = /\b(?:(?:most|least)\s+\p{L}+|\p{L}{2,}est)\b/giu
const COMPARATIVE_THAN = /\b(\p{L}{3,}er)\s+than\b/giu

function isSuperlative(phrase: string): boolean {
  const [first, second] = phrase.toLowerCase().split(/\s+/)
  if (second) return tagsOf(second).some((tag) => tag === 'Adjective' || tag === 'Comparable')
  return tagsOf(first!).includes('Superlative')
}

/**
 * What a fact-checker would see in the sentence, strongest evidence first: figures, dates,
 * comparisons, superlatives, sources and names ("number: 1,200"), then signs of opinion, hedging or
 * a question ("hedge: may"). These explain a suggestion; the model's score ranks it.
 */
export function reasonsFor(text: string): string[] {
  const evidence = new Map<(typeof REASON_ORDER)[number], string[]>()
  const add = (kind: (typeof REASON_ORDER)[number], label: string) => {
    const found = evidence.get(kind) ?? []
    const clean = withoutEdgePunctuation(label.replace(/\s+/g, ' '))
    if (!clean || found.some((f) => f.toLowerCase() === clean.toLowerCase())) return
    found.push(clean)
    evidence.set(kind, found)
  }

  // Dates are taken first and blanked out, so "2022" counts as a date and not again as a number.
  let masked = text
  for (const pattern of DATE_PATTERNS) {
    for (const match of eachMatch(pattern, masked)) {
      add('date', match[0])
      masked = blank(masked, match.index, match[0].length)
    }
  }
  const numberSpans: Array<[number, number]> = []
  for (const match of eachMatch(NUMBER, masked)) {
    add('number', match[0])
    numberSpans.push([match.index, match.index + match[0].length])
  }
  for (const match of eachMatch(VAGUE_QUANTITY, masked)) add('number', match[0])
  for (const match of eachMatch(WRITTEN_NUMBER, masked)) {
    // "one of the largest" and "the two nations" refer; they do not quantify anything checkable.
    if (/^(?:one|a|an)$/i.test(match[0])) continue
    // The "million" of "$2.5 million" is already part of that figure.
    const end = match.index + match[0].length
    if (numberSpans.some(([start, stop]) => match.index < stop && start < end)) continue
    if (/\bthe\s+$/i.test(text.slice(0, match.index))) continue
    add('number', match[0])
  }

  for (const match of eachMatch(ATTRIBUTION_VERB, text))
    add('attribution', attributionLabel(text, match.index, match[0]))
  for (const match of eachMatch(ACCORDING_TO, text)) add('attribution', match[0])

  const superlatives = [
    ...[...eachMatch(SUPERLATIVE_OR_MOST, text)].filter((m) => isSuperlative(m[0])),
    ...eachMatch(SUPERLATIVE_WORD, text),
  ].sort((a, b) => a.index - b.index)
  for (const superlative of superlatives) {
    const at = superlative.index
    if (NOT_A_SUPERLATIVE.test(text.slice(at)) || /\bat\s+$/i.test(text.slice(0, at))) continue
    // "the largest exchange since the war began" is a comparison with a checkable baseline.
    const after = text.slice(at + superlative[0].length)
    if (/^(?:\s+[\p{L}\p{N}'’-]+){0,5}?\s+since\b/u.test(after)) add('comparison', `${superlative[0]} since`)
    else add('superlative', superlative[0])
  }
  for (const match of eachMatch(COMPARISON, text)) add('comparison', match[0])
  for (const match of eachMatch(COMPARATIVE_THAN, text)) {
    if (tagsOf(match[1]!).includes('Comparative')) add('comparison', match[0])
  }

  const dated = evidence.get('date')?.map((d) => d.toLowerCase()) ?? []
  for (const thing of namedThings(text)) {
    if (dated.some((d) => d.includes(thing.label.toLowerCase()))) continue
    add(thing.kind, thing.label)
  }

  const reasons: string[] = []
  for (const kind of REASON_ORDER) {
    for (const label of evidence.get(kind) ?? []) reasons.push(`${REASON_LABEL[kind]}: ${label}`)
  }
  const doubt = (label: string) => {
    if (!reasons.includes(label)) reasons.push(label)
  }
  // A capital at the start of the sentence should not hide "Could" or "If" from the hedge list.
  const lowered = text.charAt(0).toLowerCase() + text.slice(1)
  for (const match of eachMatch(SENTIMENT, text)) doubt(`sentiment: ${match[0].toLowerCase()}`)
  for (const match of eachMatch(OPINION, lowered)) doubt(`opinion: ${match[0]}`)
  for (const match of eachMatch(HEDGE, lowered)) doubt(`hedge: ${match[0]}`)
  if (/\?[”"’')\]]*$/.test(text)) doubt('question')
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  if (words < 8) doubt(`short: ${words} word${words === 1 ? '' : 's'}`)
  return reasons
}

/** One sentence on its own: the model's score (0–1) and the evidence behind the suggestion. */
export function scoreSentence(text: string): CheckWorthiness {
  return { score: roundScore(scoreLines([{ text }])[0]!), reasons: reasonsFor(text) }
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000
}

const REASON_ORDER = [
  'number',
  'date',
  'comparison',
  'superlative',
  'attribution',
  'person',
  'organisation',
  'named',
  'place',
] as const
const REASON_LABEL: Record<(typeof REASON_ORDER)[number], string> = {
  number: 'number',
  date: 'date',
  comparison: 'comparison',
  superlative: 'superlative',
  attribution: 'attribution',
  person: 'named',
  organisation: 'organisation',
  named: 'named',
  place: 'place',
}

// Where a sentence may hold two facts: "…, and …", "…; …", "…, while …".
const PART_BREAK = /\s*(?:;|,\s+(?:and|but|while|whereas)\b|\s+(?:and|while)\s+(?=(?:\p{L}+\s+){0,3}?\p{L}+ed\b))\s*/gu
const FACT_REASON = /^(?:number|date|comparison):/

function statesAFact(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  return words >= 4 && reasonsFor(text).some((reason) => FACT_REASON.test(reason))
}

/**
 * The two checkable facts of a sentence that states two, as spans of the body ("rose from five million
 * to 11 million" / "cut the import bill by 90 per cent"); none when it states fewer.
 */
export function claimParts(sentence: Sentence): Span[] {
  let best: Span[] = []
  let bestBalance = Infinity
  for (const match of eachMatch(PART_BREAK, sentence.text)) {
    const left = sentence.text.slice(0, match.index).replace(/[\s,;:]+$/, '')
    const rightStart = match.index + match[0].length
    const right = sentence.text.slice(rightStart)
    if (!statesAFact(left) || !statesAFact(right)) continue
    const balance = Math.abs(left.length - right.length)
    if (balance >= bestBalance) continue
    bestBalance = balance
    best = [
      { startOffset: sentence.startOffset, endOffset: sentence.startOffset + left.length },
      { startOffset: sentence.startOffset + rightStart, endOffset: sentence.endOffset },
    ]
  }
  return best
}

export type RankedSentence = Sentence & { score: number }

/**
 * Every sentence of the body, best first by the model (ties in the article's order). Explaining them
 * (reasonsFor, claimParts) is left to the few that are shown.
 */
export function rankSentences(body: string): RankedSentence[] {
  const sentences = splitSentences(body)
  const scores = scoreLines(sentences)
  return sentences
    .map((sentence, i) => ({ ...sentence, score: roundScore(scores[i]!) }))
    .sort((a, b) => b.score - a.score || a.startOffset - b.startOffset)
}

/** Every sentence of the body, best first, each explained. */
export function suggestClaims(body: string): Suggestion[] {
  return rankSentences(body).map((sentence) => ({
    ...sentence,
    reasons: reasonsFor(sentence.text),
    parts: claimParts(sentence),
  }))
}

/**
 * The matches of a global pattern, like String#matchAll but without copying the pattern on every
 * call (a copy per pattern per sentence was most of the cost of explaining an article).
 */
function eachMatch(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match)
    if (match[0] === '') pattern.lastIndex++
  }
  pattern.lastIndex = 0
  return found
}

function blank(text: string, start: number, length: number): string {
  return text.slice(0, start) + ' '.repeat(length) + text.slice(start + length)
}

function withoutEdgePunctuation(text: string): string {
  const trimmed = text.replace(/^[\s“"‘'(]+/, '').replace(/[\s,.;:!?”"’')]+$/, '')
  // The final full stop of an initialism ("U.S.") belongs to the name, not to the sentence.
  const initialism = /(?:^|[.\s])\p{Lu}$/u.test(trimmed) && text.charAt(text.indexOf(trimmed) + trimmed.length) === '.'
  return initialism ? `${trimmed}.` : trimmed
}

// "Ukraine’s National Security Council" is the National Security Council; "Kyiv’s" is Kyiv.
function entityName(text: string): string {
  const withoutOwner = text.replace(/^[\p{L}\p{M}.-]+['’]s\s+(?=\p{Lu})/u, '')
  return withoutOwner.replace(/['’]s$/u, '')
}

function attributionLabel(text: string, verbAt: number, verb: string): string {
  const before = text.slice(0, verbAt)
  const properRun = /((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){1,4})$/u.exec(before)
  if (properRun?.[1]) return `${properRun[1].trim()} ${verb}`
  const word = /(\p{Ll}[\p{L}\p{M}'’-]*)\s+$/u.exec(before)?.[1]
  if (word && !NOT_A_SOURCE.has(word)) return `${word} ${verb}`
  return verb
}
