import { z } from 'zod'
import { Role } from '~/generated/prisma/enums'
import { requiredText } from '~/utils/text-field'

export const ROLE_OPTIONS = Object.values(Role)

export const createUserSchema = z.object({
  intent: z.literal('create'),
  name: requiredText('Enter the person’s name.', 120),
  email: z
    .string({ error: 'Enter an email address.' })
    .trim()
    .email('Enter a valid email address.')
    .max(254, 'That email address is too long.'),
  role: z.enum(Role, { error: 'Choose a role.' }),
})

export const changeRoleSchema = z.object({
  intent: z.literal('role'),
  userId: z.string().min(1),
  role: z.enum(Role, { error: 'Choose a role.' }),
})

export const setActiveSchema = z.object({
  intent: z.enum(['deactivate', 'reactivate']),
  userId: z.string().min(1),
})
