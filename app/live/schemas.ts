import { z } from 'zod'

export const presenceSchema = z.object({
  intent: z.literal('presence'),
  claimId: z.string().min(1).max(64),
})
