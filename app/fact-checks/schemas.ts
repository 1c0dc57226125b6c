// The forms of "Checked before" and of the fact-check import, shared by the browser and the actions.
import { z } from 'zod'
import { isWebAddress, URL_MAX } from '~/articles/schemas'
import { MAX_IMPORT_BYTES } from './claimreview-import'

const claimId = z.string().trim().min(1).max(100)

export const checkedBeforeSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('use-as-starting-point'),
    fromClaimId: claimId,
    version: z.coerce.number().int().min(1).max(2_147_483_647),
  }),
  z.object({ intent: z.literal('group'), otherClaimId: claimId }),
])

export const importFileSchema = z.object({
  intent: z.literal('file'),
  file: z
    .instanceof(File, { error: 'Choose a ClaimReview file (.json or .jsonld) to import.' })
    .refine((file) => file.size > 0, 'That file is empty.')
    .refine((file) => file.size <= MAX_IMPORT_BYTES, `A file can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`),
})

export const importUrlSchema = z.object({
  intent: z.literal('url'),
  url: z
    .string({ error: 'Enter the address of a fact-check page or a ClaimReview feed.' })
    .trim()
    .max(URL_MAX, `That address is longer than ${URL_MAX} characters.`)
    .refine(isWebAddress, 'Enter a web address that starts with http:// or https://.'),
})
