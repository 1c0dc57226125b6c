// The canonical form of an export's filters: what is queried, stored on the Export row, put back into
// links and hidden fields, and said in words in the export history. Pure, so the page can use it too.
import { normaliseTag } from '~/claims/tags'
import { VERDICTS, verdictLabel } from '~/claims/verdicts'
import type { ExportFormat, Verdict } from '~/generated/prisma/enums'
import { formatDay } from '~/utils/dates'
import type { ExportChoice, ExportFiltersInput, ExportScope } from './schemas'

export type ExportFilters = {
  scope: ExportScope
  articleId: string | null
  /** In the order of the verdict scale, without repeats. */
  verdicts: Verdict[]
  /** Matched anywhere in the claimant, ignoring case. */
  claimant: string | null
  /** One tag, matched exactly once normalised as tags are stored. */
  tag: string | null
  /** Approval dates, YYYY-MM-DD in UTC, both ends included. */
  approvedFrom: string | null
  approvedTo: string | null
}

/** What the Export row's `filters` column holds: the filters plus what the history needs to say them. */
export type StoredExportFilters = ExportFilters & {
  /** The article's title when exported, so the history reads the same after a rename. */
  articleTitle?: string | null
  /** CSV only: the file started with a byte-order mark (the "for Excel" choice). */
  bom?: boolean
}

export const ALL_CLAIMS: ExportFilters = {
  scope: 'approved',
  articleId: null,
  verdicts: [],
  claimant: null,
  tag: null,
  approvedFrom: null,
  approvedTo: null,
}

const VERDICT_ORDER = VERDICTS.map((info) => info.verdict)

export function toExportFilters(input: ExportFiltersInput): ExportFilters {
  const chosen = new Set(input.verdict)
  return {
    scope: input.scope,
    articleId: input.article || null,
    verdicts: VERDICT_ORDER.filter((verdict) => chosen.has(verdict)),
    claimant: input.claimant || null,
    tag: (input.tag && normaliseTag(input.tag)) || null,
    approvedFrom: input.from ?? null,
    approvedTo: input.to ?? null,
  }
}

/** The filters as form fields, in the names the schemas read; empty filters are left out. */
export function filterFields(filters: ExportFilters): Array<[string, string]> {
  const fields: Array<[string, string]> = [['scope', filters.scope]]
  if (filters.articleId) fields.push(['article', filters.articleId])
  for (const verdict of filters.verdicts) fields.push(['verdict', verdict])
  if (filters.claimant) fields.push(['claimant', filters.claimant])
  if (filters.tag) fields.push(['tag', filters.tag])
  if (filters.approvedFrom) fields.push(['from', filters.approvedFrom])
  if (filters.approvedTo) fields.push(['to', filters.approvedTo])
  return fields
}

export type ExportChoiceInfo = {
  choice: ExportChoice
  label: string
  hint: string
  /** The resource route that streams it. */
  path: string
  format: ExportFormat
  bom: boolean
}

export const EXPORT_CHOICE_INFO: { readonly [C in ExportChoice]: ExportChoiceInfo } = {
  csv: {
    choice: 'csv',
    label: 'CSV',
    hint: 'One row per claim, for spreadsheets and scripts (UTF-8).',
    path: '/exports/claims.csv',
    format: 'CSV',
    bom: false,
  },
  'csv-bom': {
    choice: 'csv-bom',
    label: 'CSV for Excel',
    hint: 'The same CSV with a byte-order mark, so Excel shows Cyrillic, Arabic and emoji correctly.',
    path: '/exports/claims.csv',
    format: 'CSV',
    bom: true,
  },
  json: {
    choice: 'json',
    label: 'JSON',
    hint: 'An array of claims with their sources, for developers.',
    path: '/exports/claims.json',
    format: 'JSON',
    bom: false,
  },
  claimreview: {
    choice: 'claimreview',
    label: 'ClaimReview JSON-LD',
    hint: 'schema.org ClaimReview for search engines. Approved claims with a verdict only.',
    path: '/exports/claimreview.jsonld',
    format: 'CLAIMREVIEW',
    bom: false,
  },
}

/** Whether the export is limited to approved claims: ClaimReview publishes findings, so it always is. */
export function approvedOnly(filters: ExportFilters, format: ExportFormat): boolean {
  return filters.scope === 'approved' || format === 'CLAIMREVIEW'
}

export function formatLabel(format: ExportFormat, bom = false): string {
  if (format === 'CSV') return bom ? 'CSV for Excel' : 'CSV'
  if (format === 'JSON') return 'JSON'
  return 'ClaimReview JSON-LD'
}

function list(items: string[]) {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

/**
 * "Approved claims in “Title”, rated True or False, claimant contains “Zelensk”, tagged “prisoners”,
 * approved 1 Nov 2026 – 28 Nov 2026": what an export covered, for the history list.
 */
export function describeFilters(filters: StoredExportFilters, format: ExportFormat): string {
  const parts: string[] = []
  if (format === 'CLAIMREVIEW') parts.push('Approved claims with a verdict')
  else parts.push(filters.scope === 'approved' ? 'Approved claims' : 'Claims in any status')
  if (filters.articleId) parts.push(`in “${filters.articleTitle ?? filters.articleId}”`)
  if (filters.verdicts.length > 0) parts.push(`rated ${list(filters.verdicts.map(verdictLabel))}`)
  if (filters.claimant) parts.push(`claimant contains “${filters.claimant}”`)
  if (filters.tag) parts.push(`tagged “${filters.tag}”`)
  if (filters.approvedFrom && filters.approvedTo) {
    parts.push(
      filters.approvedFrom === filters.approvedTo
        ? `approved on ${formatDay(filters.approvedFrom)}`
        : `approved ${formatDay(filters.approvedFrom)} – ${formatDay(filters.approvedTo)}`,
    )
  } else if (filters.approvedFrom) parts.push(`approved on or after ${formatDay(filters.approvedFrom)}`)
  else if (filters.approvedTo) parts.push(`approved on or before ${formatDay(filters.approvedTo)}`)
  return parts.length === 1 ? `All ${parts[0]!.charAt(0).toLowerCase()}${parts[0]!.slice(1)}` : parts.join(', ')
}

/** Reads a stored `filters` JSON value back, tolerating rows written by an older version. */
export function readStoredFilters(value: unknown): StoredExportFilters {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof StoredExportFilters, unknown>
  >
  const text = (field: unknown) => (typeof field === 'string' && field ? field : null)
  return {
    scope: raw.scope === 'any' ? 'any' : 'approved',
    articleId: text(raw.articleId),
    articleTitle: text(raw.articleTitle),
    verdicts: Array.isArray(raw.verdicts)
      ? VERDICT_ORDER.filter((verdict) => (raw.verdicts as unknown[]).includes(verdict))
      : [],
    claimant: text(raw.claimant),
    tag: text(raw.tag),
    approvedFrom: text(raw.approvedFrom),
    approvedTo: text(raw.approvedTo),
    bom: raw.bom === true,
  }
}

/**
 * Where a GET of a download address leads: the export page with the same choices. A download
 * records an export, and a GET must change nothing, so only the page's POST form downloads.
 */
export function exportPageUrl(search: URLSearchParams, choice: ExportChoice): string {
  const query = new URLSearchParams(search)
  query.delete('bom')
  query.set('format', choice)
  return `/export?${query}`
}
