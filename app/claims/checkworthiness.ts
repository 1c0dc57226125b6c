// Suggests which sentences of an article are worth fact-checking: splits the body into sentences
// with exact offsets and scores each by the checkable facts it states (numbers, dates, names, sources).
import nlp from 'compromise'

export type Sentence = { startOffset: number; endOffset: number; text: string }

export type Suggestion = Sentence & { score: number; reasons: string[] }

export type CheckWorthiness = { score: number; reasons: string[] }

// Evidence weights. A sentence with no evidence scores 0, however neutral its tone.
const WEIGHT = {
  number: 1.0,
  writtenNumber: 0.5,
  date: 0.8,
  attribution: 0.7,
  comparison: 0.8,
  superlative: 0.6,
  person: 0.6,
  organisation: 0.6,
  named: 0.45,
  place: 0.35,
} as const

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

const PENALTY = {
  sentiment: 0.35,
  opinion: 0.3,
  hedge: 0.3,
  question: 1.2,
  veryShort: 1.0,
  short: 0.4,
} as const

// Each further piece of evidence of one kind counts half as much as the previous one, so a
// sentence listing six cities does not outrank one stating a figure and its source.
const REPEAT_DECAY = 0.5

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
  /\b(?:yesterday|today|tonight|tomorrow|(?:last|next|this) (?:week|month|year|spring|summer|autumn|winter))\b/gi,
]

// A figure with its currency and its unit: "$2.5 million", "40%", "3 per cent", "5bn".
const NUMBER = new RegExp(
  '(?<![\\p{L}\\p{N}_-])(?:[$€£¥]\\s?)?\\d+(?:[.,]\\d+)*' +
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

export function scoreSentence(text: string): CheckWorthiness {
  const evidence = new Map<string, Array<{ label: string; weight: number }>>()
  const add = (kind: string, label: string, weight: number) => {
    const found = evidence.get(kind) ?? []
    const clean = withoutEdgePunctuation(label.replace(/\s+/g, ' '))
    if (!clean || found.some((f) => f.label.toLowerCase() === clean.toLowerCase())) return
    found.push({ label: clean, weight })
    evidence.set(kind, found)
  }

  // Dates are taken first and blanked out, so "2022" counts as a date and not again as a number.
  let masked = text
  for (const pattern of DATE_PATTERNS) {
    for (const match of masked.matchAll(pattern)) {
      add('date', match[0], WEIGHT.date)
      masked = blank(masked, match.index, match[0].length)
    }
  }
  const numberSpans: Array<[number, number]> = []
  for (const match of masked.matchAll(NUMBER)) {
    add('number', match[0], WEIGHT.number)
    numberSpans.push([match.index, match.index + match[0].length])
  }
  for (const match of masked.matchAll(VAGUE_QUANTITY)) add('number', match[0], WEIGHT.writtenNumber)

  const doc = nlp(text)
  for (const written of matchesOf(doc.match('#TextValue+ percent?').not('#Ordinal'), text)) {
    // "one of the largest" and "the two nations" refer; they do not quantify anything checkable.
    if (/^(?:one|a|an)$/i.test(written.text)) continue
    // The "million" of "$2.5 million" is already part of that figure.
    const writtenEnd = written.start + written.text.length
    if (numberSpans.some(([start, end]) => written.start < end && start < writtenEnd)) continue
    if (/\bthe\s+$/i.test(text.slice(0, written.start))) continue
    add('number', written.text, WEIGHT.writtenNumber)
  }

  for (const match of text.matchAll(ATTRIBUTION_VERB)) {
    add('attribution', attributionLabel(text, match.index, match[0]), WEIGHT.attribution)
  }
  for (const match of text.matchAll(ACCORDING_TO)) {
    add('attribution', match[0], WEIGHT.attribution)
  }

  const superlatives = [
    ...matchesOf(doc.match('(#Superlative|most #Adjective|least #Adjective)'), text),
    ...[...text.matchAll(SUPERLATIVE_WORD)].map((m) => ({ text: m[0], start: m.index })),
  ].sort((a, b) => a.start - b.start)
  for (const superlative of superlatives) {
    // "the largest exchange since the war began" is a comparison with a checkable baseline.
    const after = text.slice(superlative.start + superlative.text.length)
    if (/^(?:\s+[\p{L}\p{N}'’-]+){0,5}?\s+since\b/u.test(after)) {
      add('comparison', `${superlative.text} since`, WEIGHT.comparison)
    } else {
      add('superlative', superlative.text, WEIGHT.superlative)
    }
  }
  for (const match of text.matchAll(COMPARISON)) add('comparison', match[0], WEIGHT.comparison)
  for (const comparative of matchesOf(doc.match('#Comparative than'), text)) {
    add('comparison', comparative.text, WEIGHT.comparison)
  }

  const people = doc.people()
  const places = doc.places()
  const organisations = doc.organizations()
  for (const person of matchesOf(people, text)) add('person', entityName(person.text), WEIGHT.person)
  for (const organisation of matchesOf(organisations, text)) {
    add('organisation', entityName(organisation.text), WEIGHT.organisation)
  }
  for (const place of matchesOf(places, text)) add('place', entityName(place.text), WEIGHT.place)
  // compromise knows many names but not every one ("Rustem Umerov"): a run of proper nouns that is
  // not a person, place, organisation, nationality or date still names something checkable.
  const otherNames = doc
    .match('#ProperNoun+')
    .not(people)
    .not(places)
    .not(organisations)
    .not('(#Demonym|#Date|#Month|#WeekDay|#Holiday|#Honorific)')
  const dated = evidence.get('date')?.map((d) => d.label.toLowerCase()) ?? []
  for (const name of matchesOf(otherNames, text)) {
    const label = entityName(name.text)
    if (!/^\p{Lu}/u.test(label) || TITLE.test(label)) continue
    if (dated.some((d) => d.includes(label.toLowerCase()))) continue
    add('named', label, WEIGHT.named)
  }

  const penalties: Array<{ label: string; weight: number }> = []
  const penalise = (label: string, weight: number) => {
    if (!penalties.some((p) => p.label === label)) penalties.push({ label, weight })
  }
  // A capital at the start of the sentence should not hide "Could" or "If" from the hedge list.
  const lowered = text.charAt(0).toLowerCase() + text.slice(1)
  for (const match of text.matchAll(SENTIMENT)) {
    penalise(`sentiment: ${match[0].toLowerCase()}`, PENALTY.sentiment)
  }
  for (const match of lowered.matchAll(OPINION)) penalise(`opinion: ${match[0]}`, PENALTY.opinion)
  for (const match of lowered.matchAll(HEDGE)) penalise(`hedge: ${match[0]}`, PENALTY.hedge)
  if (/\?[”"’')\]]*$/.test(text)) penalise('question', PENALTY.question)
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  const length = `short: ${words} word${words === 1 ? '' : 's'}`
  if (words < 5) penalise(length, PENALTY.veryShort)
  else if (words < 8) penalise(length, PENALTY.short)

  const reasons: string[] = []
  let support = 0
  for (const kind of REASON_ORDER) {
    const found = evidence.get(kind)
    if (!found) continue
    for (const f of found) reasons.push(`${REASON_LABEL[kind]}: ${f.label}`)
    const strongestFirst = found.map((f) => f.weight).sort((a, b) => b - a)
    for (const [i, weight] of strongestFirst.entries()) support += weight * REPEAT_DECAY ** i
  }
  let drag = 0
  for (const p of penalties) {
    reasons.push(p.label)
    drag += p.weight
  }

  // 1 - e^-x saturates towards 1 as evidence accumulates; e^-y shrinks it as doubts accumulate.
  const score = Math.round((1 - Math.exp(-support)) * Math.exp(-drag) * 1000) / 1000
  return { score, reasons }
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

export function suggestClaims(body: string): Suggestion[] {
  return splitSentences(body)
    .map((sentence) => ({ ...sentence, ...scoreSentence(sentence.text) }))
    .sort((a, b) => b.score - a.score || a.startOffset - b.startOffset)
}

function blank(text: string, start: number, length: number): string {
  return text.slice(0, start) + ' '.repeat(length) + text.slice(start + length)
}

// Every compromise view (people, places, matches) can report where its matches sit in the text.
type Matches = { json(options: { offset: true }): unknown }

// Slices the sentence itself rather than using compromise's normalised text, so a reason quotes
// the article ("Mr. Smith", not "Mr Smith").
function matchesOf(view: Matches, text: string): Array<{ text: string; start: number }> {
  const found: Array<{ text: string; start: number }> = []
  const matches = view.json({ offset: true }) as Array<{ offset: { start: number; length: number } }>
  for (const match of matches) {
    const raw = text.slice(match.offset.start, match.offset.start + match.offset.length)
    const cleaned = withoutEdgePunctuation(raw)
    if (cleaned) found.push({ text: cleaned, start: match.offset.start + raw.indexOf(cleaned) })
  }
  return found
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
