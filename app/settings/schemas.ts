import { z } from 'zod'
import { requiredText } from '~/utils/text-field'
import { parseAllowList } from './allow-list'

export const settingsSchema = z.object({
  organizationName: requiredText('Enter the name your desk publishes under.', 200),
  organizationUrl: z
    .string({ error: 'Enter the address of your desk’s website.' })
    .trim()
    .max(2048, 'That address is too long.')
    .refine((value) => {
      try {
        const url = new URL(value)
        return (
          (url.protocol === 'https:' || url.protocol === 'http:') &&
          !url.username &&
          !url.password &&
          url.hostname.includes('.')
        )
      } catch {
        return false
      }
    }, 'Enter a full web address starting with https://, such as https://factcheck.example.org.'),
  // Conform turns an empty textarea into undefined: an empty list is a valid choice.
  urlImportAllowList: z
    .string()
    .max(20_000, 'The list is too long.')
    .optional()
    .transform((text, ctx) => {
      const { entries, errors } = parseAllowList(text ?? '')
      for (const message of errors) ctx.addIssue({ code: 'custom', message })
      return entries
    }),
})

export type SettingsInput = z.output<typeof settingsSchema>
