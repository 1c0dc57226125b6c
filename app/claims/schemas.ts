// The claim forms' schemas, shared by the browser (Conform) and the actions. Whether a quote really
// is the article's text is for the server to say (claims.server.ts); these check the shape of the input.
import { z } from 'zod'
import { calendarDateField } from '~/utils/dates'
import { MAX_TAG_LENGTH, MAX_TAGS, parseTags } from './tags'

export const MAX_QUOTE_LENGTH = 5_000
export const MAX_CLAIM_TEXT_LENGTH = 2_000
export const MAX_CLAIMANT_LENGTH = 200

const offset = z
  .number({ error: 'That position in the article is not valid; select the quote again.' })
  .int('That position in the article is not valid; select the quote again.')
  .min(0, 'That position in the article is not valid; select the quote again.')

const claimText = z
  .string()
  .trim()
  .max(MAX_CLAIM_TEXT_LENGTH, `Keep the claim under ${MAX_CLAIM_TEXT_LENGTH.toLocaleString('en')} characters.`)
  .optional()

const claimant = z
  .string()
  .trim()
  .max(MAX_CLAIMANT_LENGTH, `Keep the claimant under ${MAX_CLAIMANT_LENGTH} characters.`)
  .optional()

const claimDate = calendarDateField('Enter a real date as YYYY-MM-DD.').optional()

const tags = z
  .string()
  .max(2_000, 'That is too many tags.')
  .optional()
  .transform((value, ctx) => {
    const parsed = parseTags(value)
    if (parsed.length > MAX_TAGS) {
      ctx.addIssue({ code: 'custom', message: `Use at most ${MAX_TAGS} tags; there are ${parsed.length}.` })
    }
    const long = parsed.find((tag) => tag.length > MAX_TAG_LENGTH)
    if (long) {
      ctx.addIssue({
        code: 'custom',
        message: `Keep each tag to ${MAX_TAG_LENGTH} characters or fewer (“${long.slice(0, 20)}…” is longer).`,
      })
    }
    return parsed
  })

export const newClaimSchema = z
  .object({
    // Not trimmed: a selected quote is compared with the article character for character.
    quote: z
      .string({ error: 'Enter the quote: the exact words from the article.' })
      .max(
        MAX_QUOTE_LENGTH,
        `A quote can be at most ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters; mark a shorter span.`,
      )
      .refine((value) => value.trim() !== '', 'Enter the quote: the exact words from the article.'),
    text: claimText,
    claimant,
    claimDate,
    tags,
    startOffset: offset.optional(),
    endOffset: offset.optional(),
    /** The start of the occurrence the user picked when a typed quote appears more than once. */
    occurrence: offset.optional(),
  })
  .refine((value) => (value.startOffset === undefined) === (value.endOffset === undefined), {
    path: ['quote'],
    message: 'That position in the article is not valid; select the quote again.',
  })

export type NewClaimInput = z.output<typeof newClaimSchema>

// The values the edit form started from, sent back in hidden fields so a save writes only what the user
// changed. Lenient: a missing or odd base only means every field counts as the user's.
const baseText = z.string().max(MAX_QUOTE_LENGTH).optional()

export const claimBaseSchema = z.object({
  text: baseText,
  claimant: baseText,
  claimDate: baseText,
  tags: z
    .string()
    .max(2_000)
    .optional()
    .transform((value) => parseTags(value)),
})

export const editClaimSchema = z.object({
  intent: z.literal('save').optional(),
  version: z.number({ error: 'Reload the page and try again.' }).int().min(1),
  text: claimText,
  claimant,
  claimDate,
  tags,
  base: claimBaseSchema.optional(),
})

export type EditClaimInput = z.output<typeof editClaimSchema>

export const deleteClaimSchema = z.object({
  intent: z.literal('delete'),
  version: z.number({ error: 'Reload the page and try again.' }).int().min(1),
})

export const suggestionIntents = ['accept', 'split', 'dismiss', 'restore'] as const

export const suggestionActionSchema = z.object({
  intent: z.enum(suggestionIntents, { error: 'Choose accept, split, dismiss or restore.' }),
  startOffset: offset,
  endOffset: offset,
})

export type SuggestionActionInput = z.output<typeof suggestionActionSchema>
