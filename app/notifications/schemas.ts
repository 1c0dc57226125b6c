import { z } from 'zod'
import { NotificationKind } from '~/generated/prisma/enums'

export const notificationListSchema = z.object({
  after: z.string().max(200).optional().catch(undefined),
})

export const notificationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), notificationId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal('read-all') }),
])

export const notificationSettingsSchema = z.object({
  intent: z.literal('notifications'),
  kinds: z.array(z.enum(NotificationKind)).max(20).default([]),
  // The daily digest email's checkbox: sent as "on" when ticked, absent when not.
  digest: z.literal('on').optional(),
})
