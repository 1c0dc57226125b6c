// The webhook forms of /admin/webhooks, shared by the browser (Conform) and the action.
import { z } from 'zod'
import { WEBHOOK_EVENT_TYPES } from './events'

export const MAX_WEBHOOK_URL_LENGTH = 2048
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 200

const URL_MESSAGE = 'Enter the full address that receives the webhooks, starting with https:// or http://.'

export const createEndpointSchema = z.object({
  intent: z.literal('create'),
  url: z
    .string({ error: URL_MESSAGE })
    .trim()
    .min(1, URL_MESSAGE)
    .max(MAX_WEBHOOK_URL_LENGTH, 'That address is too long.')
    .refine((value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
      } catch {
        return false
      }
    }, URL_MESSAGE),
  description: z
    .string()
    .trim()
    .max(MAX_WEBHOOK_DESCRIPTION_LENGTH, `Use at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters.`)
    .optional()
    .transform((value) => value ?? ''),
  // One checkbox sends a string, several a list; Conform gives undefined for none.
  events: z
    .union([z.enum(WEBHOOK_EVENT_TYPES), z.array(z.enum(WEBHOOK_EVENT_TYPES)).max(WEBHOOK_EVENT_TYPES.length)], {
      error: 'Choose at least one event from the list.',
    })
    .optional()
    .transform((value, ctx) => {
      const events = value === undefined ? [] : Array.isArray(value) ? value : [value]
      if (events.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'Choose at least one event to send.' })
        return z.NEVER
      }
      return [...new Set(events)]
    }),
})

export type CreateEndpointInput = z.output<typeof createEndpointSchema>

const id = z.string().min(1).max(100)

export const endpointActionSchema = z.object({
  intent: z.enum(['enable', 'disable', 'delete']),
  endpointId: id,
})

export const redeliverSchema = z.object({ intent: z.literal('redeliver'), deliveryId: id })
