// Forms about sources: attaching one to a claim, detaching it, and rating a source in the library.
import { z } from 'zod'
import { Reliability, SourceKind, Stance } from '~/generated/prisma/enums'
import { calendarDateField } from '~/utils/dates'
import { checkWebAddress, normaliseSourceUrl } from './url'

export const MAX_SOURCE_TITLE_LENGTH = 300
export const MAX_PUBLISHER_LENGTH = 200
export const MAX_EXCERPT_LENGTH = 3_000
export const MAX_SOURCE_NOTE_LENGTH = 2_000

const version = z.number({ error: 'Reload the page and try again.' }).int().min(1)

const isoDate = calendarDateField('Enter a real date as YYYY-MM-DD.')

export const attachSourceSchema = z.object({
  intent: z.literal('attach-source'),
  version,
  url: z
    .string({ error: 'Enter the address of the source, starting with https://.' })
    .trim()
    .superRefine((value, ctx) => {
      const result = normaliseSourceUrl(value)
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message })
    }),
  title: z
    .string({ error: 'Enter the title of the page or document.' })
    .trim()
    .min(1, 'Enter the title of the page or document.')
    .max(MAX_SOURCE_TITLE_LENGTH, `Keep the title under ${MAX_SOURCE_TITLE_LENGTH} characters.`),
  publisher: z
    .string()
    .trim()
    .max(MAX_PUBLISHER_LENGTH, `Keep the publisher under ${MAX_PUBLISHER_LENGTH} characters.`)
    .optional(),
  kind: z.enum(SourceKind, { error: 'Choose what kind of source this is.' }),
  publishedAt: isoDate.optional(),
  archivedUrl: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const result = checkWebAddress(value)
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message })
    })
    .optional(),
  stance: z.enum(Stance, { error: 'Choose whether the source supports, refutes or gives context to the claim.' }),
  excerpt: z
    .string()
    .trim()
    .max(MAX_EXCERPT_LENGTH, `Keep the excerpt under ${MAX_EXCERPT_LENGTH.toLocaleString('en')} characters.`)
    .optional(),
  note: z
    .string()
    .trim()
    .max(MAX_SOURCE_NOTE_LENGTH, `Keep the note under ${MAX_SOURCE_NOTE_LENGTH.toLocaleString('en')} characters.`)
    .optional(),
})

export type AttachSourceInput = z.output<typeof attachSourceSchema>

export const detachSourceSchema = z.object({
  intent: z.literal('detach-source'),
  version,
  sourceId: z.string({ error: 'Reload the page and try again.' }).min(1),
})

export const rateSourceSchema = z.object({
  intent: z.literal('rate'),
  sourceId: z.string({ error: 'Reload the page and try again.' }).min(1),
  reliability: z.enum(Reliability, { error: 'Choose a reliability rating.' }),
})
