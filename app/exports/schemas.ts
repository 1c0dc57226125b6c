// What an export covers: the filters on /export and in the download forms, one zod schema shared by
// the page (Conform, in the browser too) and the resource routes' actions.
import { z } from 'zod'
import { Verdict } from '~/generated/prisma/enums'

export const EXPORT_SCOPES = ['approved', 'any'] as const
export type ExportScope = (typeof EXPORT_SCOPES)[number]

/** What a person picks on /export; `csv-bom` is the same CSV with a byte-order mark for Excel. */
export const EXPORT_CHOICES = ['csv', 'csv-bom', 'json', 'claimreview'] as const
export type ExportChoice = (typeof EXPORT_CHOICES)[number]

const day = z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' })

const filterFields = {
  scope: z.enum(EXPORT_SCOPES, { error: 'Choose approved claims or claims in any status.' }).default('approved'),
  article: z.string().trim().max(64, 'That is not an article id.').optional(),
  verdict: z.array(z.enum(Verdict, { error: 'Choose verdicts from the list.' })).default([]),
  claimant: z.string().trim().max(200, 'Use at most 200 characters.').optional(),
  tag: z.string().trim().max(100, 'Use at most 100 characters.').optional(),
  from: day.optional(),
  to: day.optional(),
}

function dateRangeInOrder(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  // ISO dates compare correctly as strings.
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date is before the start date.' })
  }
}

/** The filters alone: what the JSON and ClaimReview downloads read from their form. */
export const exportFiltersSchema = z.object(filterFields).superRefine(dateRangeInOrder)

/** The CSV download: the filters, and whether to start the file with a byte-order mark. */
export const csvDownloadSchema = z
  .object({ ...filterFields, bom: z.boolean().default(false) })
  .superRefine(dateRangeInOrder)

/** The /export page's GET form: the filters, the format, and a search that narrows the article list. */
export const exportQuerySchema = z
  .object({
    ...filterFields,
    format: z.enum(EXPORT_CHOICES, { error: 'Choose a format.' }).default('csv'),
    articleSearch: z.string().trim().max(200, 'Use at most 200 characters.').optional(),
  })
  .superRefine(dateRangeInOrder)

export type ExportFiltersInput = z.infer<typeof exportFiltersSchema>

/**
 * The page's query with the defaults written in (approved claims, as CSV), so the form shows them
 * ticked: Conform takes a reply's submitted values over the form's defaults.
 */
export function withExportDefaults(search: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams(search)
  if (!query.get('scope')) query.set('scope', 'approved')
  if (!query.get('format')) query.set('format', 'csv')
  return query
}
