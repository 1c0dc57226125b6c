// The export's SELECTs. For CSV, PostgreSQL writes each record itself, so every row is one finished line
// of the file and the app only joins text: an SQL twin of toCsvRecord + csv-stringify in format.ts, byte
// for byte (tests/integration/export-sql.test.ts compares the files on generated claims, JSON and
// ClaimReview too). JSON and ClaimReview rows are the plain fields the app writes them from.
import { VERDICTS, type VerdictInfo } from '~/claims/verdicts'
import { Prisma } from '~/generated/prisma/client'
import type { ExportFormat } from '~/generated/prisma/enums'
import { likePattern } from '~/utils/like-pattern'
import { approvedOnly, type ExportFilters } from './filters'
import { FORMULA_PREFIXES, defuseCell } from './format'

/** The claims an export covers, as SQL over `"Claim" c`. Constants are inlined so an unfiltered export has no parameters. */
export function exportWhereSql(filters: ExportFilters, format: ExportFormat): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."deletedAt" IS NULL`]
  if (approvedOnly(filters, format)) conditions.push(Prisma.sql`c.status = 'APPROVED' AND c."approvedAt" IS NOT NULL`)
  // ClaimReview publishes a finding; a claim approved without a verdict has none to publish.
  if (format === 'CLAIMREVIEW') conditions.push(Prisma.sql`c.verdict IS NOT NULL`)
  if (filters.articleId) conditions.push(Prisma.sql`c."articleId" = ${filters.articleId}`)
  if (filters.verdicts.length > 0) {
    conditions.push(
      Prisma.sql`c.verdict IN (${Prisma.join(filters.verdicts.map((verdict) => Prisma.sql`${verdict}::"Verdict"`))})`,
    )
  }
  if (filters.claimant) conditions.push(Prisma.sql`c.claimant ILIKE ${likePattern(filters.claimant)}`)
  // @> rather than = ANY so the GIN index on tags is used.
  if (filters.tag) conditions.push(Prisma.sql`c.tags @> ARRAY[${filters.tag}]::text[]`)
  // Approval times are stored in UTC; the dates are UTC days, both ends included.
  if (filters.approvedFrom) conditions.push(Prisma.sql`c."approvedAt" >= ${filters.approvedFrom}::date`)
  if (filters.approvedTo) conditions.push(Prisma.sql`c."approvedAt" < ${filters.approvedTo}::date + 1`)
  return Prisma.join(conditions, ' AND ')
}

/** Approved claims leave in the order they were approved; any-status exports in the order they were created. */
export function exportOrderSql(filters: ExportFilters, format: ExportFormat): Prisma.Sql {
  return approvedOnly(filters, format) ? Prisma.raw('c."approvedAt", c.id') : Prisma.raw('c."createdAt", c.id')
}

// ---------------------------------------------------------------------------------------------
// Formatting in SQL. Each helper takes a SQL expression and returns one; none is fed user input.

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`

// Dates are stored as UTC wall-clock values, and the desk only writes years 1–9999 (server clocks,
// YYYY-MM-DD forms), where to_char prints what Date#toISOString does.
const isoTimestamp = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
const isoDay = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD')`

/** The cell for each verdict, and `otherwise` for none, as a CASE over `c.verdict`. */
function byVerdict(cell: (info: VerdictInfo) => string, otherwise: string) {
  const arms = VERDICTS.map((info) => `WHEN ${literal(info.verdict)} THEN ${literal(cell(info))}`)
  return `CASE c.verdict::text ${arms.join(' ')} ELSE ${literal(otherwise)} END`
}

// CSV, as csv-stringify writes a cell with CSV_OPTIONS after defuseCell: prefixed with ' when it
// starts like a formula, then quoted (quotes doubled) when it holds a quote, comma, CR or LF.
const FORMULA_STARTS = [...FORMULA_PREFIXES].map(literal).join(', ')
const NEEDS_QUOTES = /[",\r\n]/

function csvCell(expr: string) {
  const prefix = `CASE WHEN left(${expr}, 1) IN (${FORMULA_STARTS}) THEN '''' ELSE '' END`
  return `CASE WHEN ${expr} ~ '[",\\r\\n]' THEN '"' || ${prefix} || replace(${expr}, '"', '""') || '"' ELSE ${prefix} || ${expr} END`
}

/** A cell whose text is known here (a verdict label), written by the same rules. */
function csvConstant(value: string) {
  const cell = defuseCell(value)
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
}

const CSV_RECORD = [
  csvCell('a.title'),
  csvCell(`COALESCE(a.url, '')`),
  csvCell('c.quote'),
  csvCell('c.text'),
  csvCell('c.claimant'),
  `COALESCE(${isoDay('c."claimDate"')}, '')`,
  byVerdict((info) => csvConstant(info.label), ''),
  byVerdict((info) => (info.ratingValue === null ? '' : String(info.ratingValue)), ''),
  csvCell('c.rationale'),
  csvCell(`COALESCE(src.list, '')`),
  csvCell(`COALESCE(approver.name, '')`),
  `COALESCE(${isoTimestamp('c."approvedAt"')}, '')`,
].join(` || ',' || `)

const CSV_SOURCES = `string_agg(s.url || ' (' || lower(cs.stance::text) || ')', '; ' ORDER BY cs."createdAt", s.url)`

// JSON: the app writes each record from these columns (PostgreSQL writing all of it measured slower,
// the formatting then all on its side), except the sources, which PostgreSQL writes as JSON text.
// to_json of a text escapes exactly the characters JSON.stringify does.
const json = (expr: string) => `to_json(${expr})::text`
/** A string that needs no escaping (an enum name), or null. */
const jsonPlain = (expr: string) => `COALESCE('"' || ${expr} || '"', 'null')`

/** The columns of a JSON row, in order, timestamps as toISOString writes them; `sources` is JSON text. */
export type JsonRow = [
  id: string,
  articleId: string,
  articleTitle: string,
  articleUrl: string | null,
  articleOutlet: string,
  articlePublishedAt: string | null,
  quote: string,
  text: string,
  claimant: string,
  claimDate: string | null,
  tags: string[],
  status: string,
  verdict: string | null,
  rationale: string,
  sources: string | null,
  approvedBy: string | null,
  approvedAt: string | null,
]

const JSON_COLUMNS = [
  'c.id',
  'a.id',
  'a.title',
  'a.url',
  'a.outlet',
  isoTimestamp('a."publishedAt"'),
  'c.quote',
  'c.text',
  'c.claimant',
  isoDay('c."claimDate"'),
  'c.tags',
  'c.status::text',
  'c.verdict::text',
  'c.rationale',
  'src.list',
  'approver.name',
  isoTimestamp('c."approvedAt"'),
].join(', ')

const JSON_SOURCES = `string_agg('{"url":' || ${json('s.url')} || ',"title":' || ${json('s.title')} || ',"publisher":' || ${json('s.publisher')} || ',"stance":' || ${jsonPlain('cs.stance::text')} || '}', ',' ORDER BY cs."createdAt", s.url)`

/** The columns of a ClaimReview row, in order: what toClaimReview reads, dates as UTC days. */
export type ClaimReviewRow = [
  id: string,
  text: string,
  verdict: string,
  claimant: string,
  articleTitle: string,
  articleUrl: string | null,
  articleAuthor: string,
  articleOutlet: string,
  claimDate: string | null,
  articlePublishedOn: string | null,
  approvedOn: string | null,
  /** The report's and the claim's public slugs, only while the report is published and the claim approved. */
  reportSlug: string | null,
  claimSlug: string | null,
]

const CLAIMREVIEW_COLUMNS = [
  'c.id',
  'c.text',
  'c.verdict::text',
  'c.claimant',
  'a.title',
  'a.url',
  'a.author',
  'a.outlet',
  isoDay('c."claimDate"'),
  isoDay('a."publishedAt"'),
  isoDay('c."approvedAt"'),
  `CASE WHEN rp."publishedAt" IS NOT NULL AND c.status = 'APPROVED' THEN rp.slug END`,
  `CASE WHEN rp."publishedAt" IS NOT NULL AND c.status = 'APPROVED' THEN pcs.slug END`,
].join(', ')

function sourcesJoin(list: string) {
  return Prisma.raw(`CROSS JOIN LATERAL (
      SELECT ${list} AS list FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId" WHERE cs."claimId" = c.id
    ) src`)
}

/**
 * The rows of a download: for CSV one text column, the finished record with its CRLF; for JSON the
 * columns of JsonRow; for ClaimReview those of ClaimReviewRow.
 */
export function exportRowsSql(filters: ExportFilters, format: ExportFormat): Prisma.Sql {
  const where = exportWhereSql(filters, format)
  const order = exportOrderSql(filters, format)
  if (format === 'CLAIMREVIEW') {
    return Prisma.sql`SELECT ${Prisma.raw(CLAIMREVIEW_COLUMNS)}
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      LEFT JOIN "ReportPublication" rp ON rp."articleId" = c."articleId"
      LEFT JOIN "PublicClaimSlug" pcs ON pcs."claimId" = c.id
      WHERE ${where} ORDER BY ${order}`
  }
  const record = Prisma.raw(format === 'CSV' ? `${CSV_RECORD} || E'\\r\\n'` : JSON_COLUMNS)
  return Prisma.sql`SELECT ${record}
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "User" approver ON approver.id = c."approvedById"
    ${sourcesJoin(format === 'CSV' ? CSV_SOURCES : JSON_SOURCES)}
    WHERE ${where} ORDER BY ${order}`
}
