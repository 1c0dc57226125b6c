// How an approved claim leaves Factdesk: CSV rows (RFC 4180, formula-defused), JSON records and
// schema.org ClaimReview JSON-LD. Pure mapping and chunking; the route streams rows from the DB.
import type { ClaimStatus, Stance, Verdict } from '~/generated/prisma/enums'
import { BEST_RATING, WORST_RATING, ratingValueOf, verdictLabel, type RatingValue } from '~/claims/verdicts'
import { isoDay } from '~/utils/dates'

export type ExportSource = {
  url: string
  title: string
  publisher: string
  stance: Stance
}

/** What the database row, the mapped claim and the JSON record all say of a claim in the same words. */
export type ExportedClaimFields = {
  quote: string
  text: string
  claimant: string
  tags: string[]
  status: ClaimStatus
  verdict: Verdict | null
  rationale: string
  /** The approving editor's name. */
  approvedBy: string | null
}

export type ExportClaim = ExportedClaimFields & {
  id: string
  article: {
    id: string
    title: string
    url: string | null
    outlet: string
    /** The article's byline, '' when unknown. */
    author: string
    publishedAt: Date | null
  }
  /** A calendar date (Postgres `date`), which Prisma hands over as midnight UTC. */
  claimDate: Date | null
  sources: ExportSource[]
  approvedAt: Date | null
}

// ---------------------------------------------------------------------------------------------
// CSV

// Spreadsheets run a cell that starts with these as a formula (OWASP "CSV injection"). The
// full-width forms are added because Apple Numbers normalises them to their ASCII twins.
export const FORMULA_PREFIXES = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])

/** Prefix a cell that a spreadsheet would treat as a formula with `'`, so it shows as text. */
export function defuseCell(value: string): string {
  return value.length > 0 && FORMULA_PREFIXES.has(value[0] as string) ? `'${value}` : value
}

export const CSV_COLUMNS = [
  'article_title',
  'article_url',
  'quote',
  'claim_text',
  'claimant',
  'claim_date',
  'verdict',
  'rating_value',
  'rationale',
  'sources',
  'approved_by',
  'approved_at',
] as const

export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** "URL (stance); URL (stance)": normalised URLs hold no spaces, so "; " cannot occur inside one. */
export function formatSourcesCell(sources: readonly ExportSource[]): string {
  return sources.map((source) => `${source.url} (${source.stance.toLowerCase()})`).join('; ')
}

/**
 * One CSV record in CSV_COLUMNS order, every cell defused. The verdict is its label (the file
 * is read by people in spreadsheets); rating_value carries the machine-readable scale.
 */
export function toCsvRecord(claim: ExportClaim): string[] {
  const rating = claim.verdict ? ratingValueOf(claim.verdict) : null
  const cells: Record<CsvColumn, string> = {
    article_title: claim.article.title,
    article_url: claim.article.url ?? '',
    quote: claim.quote,
    claim_text: claim.text,
    claimant: claim.claimant,
    claim_date: claim.claimDate ? isoDay(claim.claimDate) : '',
    verdict: claim.verdict ? verdictLabel(claim.verdict) : '',
    rating_value: rating === null ? '' : String(rating),
    rationale: claim.rationale,
    sources: formatSourcesCell(claim.sources),
    approved_by: claim.approvedBy ?? '',
    approved_at: claim.approvedAt ? claim.approvedAt.toISOString() : '',
  }
  return CSV_COLUMNS.map((column) => defuseCell(cells[column]))
}

// RFC 4180: CRLF between records, fields quoted only when they hold a comma, quote, CR or LF.
// csv-stringify quotes a lone CR or LF only when asked (quote_record_delimiter), and a spreadsheet
// would split the record at one. Formula escaping stays off here because defuseCell has already done it.
const CSV_OPTIONS = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  quoted: false,
  escape_formulas: false,
} as const

/** Excel reads a CSV without a byte-order mark as the local code page and garbles Cyrillic. */
export const UTF8_BOM = '\uFEFF'

// Small enough to keep memory flat, large enough that the response is not thousands of
// tiny writes.
const CHUNK_CHARS = 16 * 1024

/**
 * The CSV file as string chunks: optional BOM, header, then the records, in batches.
 *
 * An async generator rather than csv-stringify's Node Transform: it is pulled, so a web
 * ReadableStream built on it (see `readableStreamOf`) asks for the next rows only when the
 * client has taken the last ones, all the way back to the database cursor; and when the client
 * goes away, cancelling the stream calls `return()` here, which closes the source iterator
 * (its `finally` runs). A Transform would need a Node⇄web bridge and its own error and abort
 * plumbing to get the same.
 */
export async function* csvChunks(
  claims: AsyncIterable<ExportClaim> | Iterable<ExportClaim>,
  options: { bom: boolean },
): AsyncGenerator<string, void, undefined> {
  // Loaded here, not at the top: csv-stringify touches Node's Buffer when it loads, and the
  // ClaimReview and JSON mappers below must stay importable from code bundled for the browser.
  const { stringify } = await import('csv-stringify/sync')
  let buffer = (options.bom ? UTF8_BOM : '') + stringify([[...CSV_COLUMNS]], CSV_OPTIONS)
  for await (const claim of claims) {
    buffer += stringify([toCsvRecord(claim)], CSV_OPTIONS)
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer
      buffer = ''
    }
  }
  if (buffer.length > 0) yield buffer
}

// ---------------------------------------------------------------------------------------------
// JSON

export type ClaimJsonRecord = ExportedClaimFields & {
  id: string
  article: { id: string; title: string; url: string | null; outlet: string; publishedAt: string | null }
  /** YYYY-MM-DD */
  claimDate: string | null
  verdictLabel: string | null
  ratingValue: RatingValue | null
  sources: ExportSource[]
  /** ISO 8601 timestamp, UTC */
  approvedAt: string | null
}

/** Field names are a public contract for whoever consumes the export: add, never rename. */
export function toJsonRecord(claim: ExportClaim): ClaimJsonRecord {
  return {
    id: claim.id,
    article: {
      id: claim.article.id,
      title: claim.article.title,
      url: claim.article.url,
      outlet: claim.article.outlet,
      publishedAt: claim.article.publishedAt ? claim.article.publishedAt.toISOString() : null,
    },
    quote: claim.quote,
    text: claim.text,
    claimant: claim.claimant,
    claimDate: claim.claimDate ? isoDay(claim.claimDate) : null,
    tags: [...claim.tags],
    status: claim.status,
    verdict: claim.verdict,
    verdictLabel: claim.verdict ? verdictLabel(claim.verdict) : null,
    ratingValue: claim.verdict ? ratingValueOf(claim.verdict) : null,
    rationale: claim.rationale,
    sources: claim.sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher, stance: s.stance })),
    approvedBy: claim.approvedBy,
    approvedAt: claim.approvedAt ? claim.approvedAt.toISOString() : null,
  }
}

/**
 * A JSON array streamed item by item (for the JSON and JSON-LD exports), pulled like csvChunks.
 * Always a complete, parseable array, `[]` when there is nothing to export.
 */
export async function* jsonArrayChunks<T>(
  items: AsyncIterable<T> | Iterable<T>,
  toRecord: (item: T) => unknown,
): AsyncGenerator<string, void, undefined> {
  let buffer = '['
  let first = true
  for await (const item of items) {
    buffer += (first ? '\n' : ',\n') + JSON.stringify(toRecord(item))
    first = false
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer
      buffer = ''
    }
  }
  yield buffer + (first ? ']\n' : '\n]\n')
}

/**
 * The CSV file from batches of finished records (each ending with CRLF, as the export's SELECT
 * writes them): optional BOM and the header, then one chunk per batch. The same bytes csvChunks
 * writes for the same claims.
 */
export async function* csvFileChunks(
  batches: AsyncIterable<readonly string[]>,
  options: { bom: boolean },
): AsyncGenerator<string, void, undefined> {
  const { stringify } = await import('csv-stringify/sync')
  // Goes out with the first batch, so the first chunk the client gets means the rows are coming.
  let head = (options.bom ? UTF8_BOM : '') + stringify([[...CSV_COLUMNS]], CSV_OPTIONS)
  for await (const batch of batches) {
    yield head + batch.join('')
    head = ''
  }
  if (head) yield head
}

/** The JSON array from batches of finished records, one chunk per batch: the same bytes jsonArrayChunks writes. */
export async function* jsonArrayOfBatches(
  batches: AsyncIterable<readonly string[]>,
): AsyncGenerator<string, void, undefined> {
  let first = true
  for await (const batch of batches) {
    if (batch.length === 0) continue
    yield (first ? '[\n' : ',\n') + batch.join(',\n')
    first = false
  }
  yield first ? '[]\n' : '\n]\n'
}

// ---------------------------------------------------------------------------------------------
// ClaimReview JSON-LD (https://schema.org/ClaimReview)

export type ClaimReviewRating = {
  '@type': 'Rating'
  alternateName: string
  ratingValue?: number
  bestRating?: number
  worstRating?: number
}

export type ClaimAuthor = { '@type': 'Person' | 'Organization'; name: string; description?: string }

export type ClaimReview = {
  '@context': 'https://schema.org'
  '@type': 'ClaimReview'
  url: string
  claimReviewed: string
  datePublished?: string
  author: { '@type': 'Organization'; name: string; url: string }
  reviewRating: ClaimReviewRating
  itemReviewed: {
    '@type': 'Claim'
    author?: ClaimAuthor
    datePublished?: string
    appearance: { '@type': 'CreativeWork'; url?: string; headline: string }
  }
}

// Words that mark a claimant as a body rather than a person ("Russian Defence Ministry",
// "Coordination Headquarters ..."). A guess from the name alone, since claimant is free text;
// it errs towards Person, which is what most claimants are.
const ORGANISATION_WORDS = [
  'ministry',
  'ministries',
  'government',
  'department',
  'agency',
  'office',
  'council',
  'committee',
  'commission',
  'parliament',
  'senate',
  'congress',
  'assembly',
  'party',
  'police',
  'army',
  'armed forces',
  'military',
  'navy',
  'headquarters',
  'general staff',
  'service',
  'bureau',
  'administration',
  'authority',
  'embassy',
  'union',
  'association',
  'organisation',
  'organization',
  'institute',
  'foundation',
  'university',
  'company',
  'corporation',
  'inc',
  'ltd',
  'llc',
  'plc',
  'group',
  'bank',
  'fund',
  'kremlin',
  'white house',
  'united nations',
  'nato',
  'red cross',
  'court',
  // Ukrainian and Russian, for the desk's own beat.
  'міністерство',
  'уряд',
  'штаб',
  'служба',
  'офіс',
  'верховна рада',
  'министерство',
  'правительство',
  'кремль',
]
const ORGANISATION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ORGANISATION_WORDS.join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
)

export function claimantType(claimant: string): 'Person' | 'Organization' {
  return ORGANISATION_PATTERN.test(claimant) ? 'Organization' : 'Person'
}

/** Who stands in for an unnamed claimant, in this order. */
const STAND_INS = [
  { field: 'author', type: 'Person', role: 'Author' },
  { field: 'outlet', type: 'Organization', role: 'Publisher' },
] as const

/**
 * Who made the claim: the claimant; failing that, the article's author (a Person) or its outlet (an
 * Organization), with a description saying it stands in for an unnamed claimant, so no reader takes
 * the byline for an attribution the desk made.
 */
export function claimAuthor(claim: {
  claimant: string
  article: Pick<ExportClaim['article'], 'author' | 'outlet'>
}): ClaimAuthor | null {
  const claimant = claim.claimant.trim()
  if (claimant) return { '@type': claimantType(claimant), name: claimant }
  for (const { field, type, role } of STAND_INS) {
    const name = claim.article[field].trim()
    if (name)
      return { '@type': type, name, description: `${role} of the article the claim appears in; no claimant is named.` }
  }
  return null
}

/** What a ClaimReview says of a claim, dates already as UTC days (YYYY-MM-DD): a claim or an export row. */
export type ClaimReviewFields = Pick<ExportClaim, 'text' | 'claimant'> & {
  id: string
  verdict: Verdict | null
  article: Pick<ExportClaim['article'], 'title' | 'url' | 'author' | 'outlet'>
  claimDay: string | null
  articlePublishedDay: string | null
  approvedDay: string | null
}

/**
 * Google's ClaimReview shape. Verdicts off the 1–5 scale (Unproven, Not a factual claim) keep
 * their label in alternateName but carry no ratingValue, so no reader mistakes them for a rating.
 * Only claims with a verdict can be reviewed: export queries must select approved claims.
 */
export function toClaimReview(claim: ExportClaim, org: { name: string; url: string }, claimUrl: string): ClaimReview {
  return claimReviewOf(
    {
      id: claim.id,
      text: claim.text,
      claimant: claim.claimant,
      verdict: claim.verdict,
      article: claim.article,
      claimDay: claim.claimDate ? isoDay(claim.claimDate) : null,
      articlePublishedDay: claim.article.publishedAt ? isoDay(claim.article.publishedAt) : null,
      approvedDay: claim.approvedAt ? isoDay(claim.approvedAt) : null,
    },
    org,
    claimUrl,
  )
}

/** toClaimReview over the plain fields an export row carries. */
export function claimReviewOf(
  claim: ClaimReviewFields,
  org: { name: string; url: string },
  claimUrl: string,
): ClaimReview {
  if (!claim.verdict) throw new Error(`Claim ${claim.id} has no verdict and cannot be published as a ClaimReview`)
  const rating = ratingValueOf(claim.verdict)
  const reviewRating: ClaimReviewRating = { '@type': 'Rating', alternateName: verdictLabel(claim.verdict) }
  if (rating !== null) {
    reviewRating.ratingValue = rating
    reviewRating.bestRating = BEST_RATING
    reviewRating.worstRating = WORST_RATING
  }

  const appearance: ClaimReview['itemReviewed']['appearance'] = {
    '@type': 'CreativeWork',
    headline: claim.article.title,
  }
  if (claim.article.url) appearance.url = claim.article.url
  const itemReviewed: ClaimReview['itemReviewed'] = { '@type': 'Claim', appearance }
  const author = claimAuthor(claim)
  if (author) itemReviewed.author = author
  const said = claim.claimDay ?? claim.articlePublishedDay
  if (said) itemReviewed.datePublished = said

  const review: ClaimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimUrl,
    claimReviewed: claim.text,
    author: { '@type': 'Organization', name: org.name, url: org.url },
    reviewRating,
    itemReviewed,
  }
  if (claim.approvedDay) review.datePublished = claim.approvedDay
  return review
}

/**
 * ClaimReviews as a `<script type="application/ld+json">` element to paste into a published page:
 * always an array (search engines read an array of ClaimReviews as well as a single one).
 * `<`, `>` and `&` are written as JSON escapes, so a claim that quotes "</script>" cannot end the
 * element early and inject markup into the publisher's page; JSON parsers read the same text.
 */
export function claimReviewScriptTag(reviews: readonly ClaimReview[]): string {
  return `<script type="application/ld+json">\n${jsonForScript(reviews)}\n</script>`
}

/** JSON to write inside a `<script>` element (a page's JSON-LD): `<`, `>` and `&` as JSON escapes. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

// ---------------------------------------------------------------------------------------------
// Streaming

/**
 * A byte stream for a Response body that pulls one chunk per read, so the source advances
 * only as fast as the client reads; cancelling (client gone) closes the source generator.
 */
export function readableStreamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]()
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      },
      async cancel() {
        await iterator.return?.()
      },
    },
    // Buffer nothing ahead: the generators already batch rows into sizeable chunks.
    { highWaterMark: 0 },
  )
}
