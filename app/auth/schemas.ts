// The account forms' schemas, shared by the browser (Conform) and the actions.
import { z } from 'zod'

export const loginSchema = z.object({
  email: z.string({ error: 'Enter your email address.' }).trim().email('Enter a valid email address.'),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(1024, 'That password is too long.'),
  redirectTo: z.string().optional(),
})

// Length and the common-password list are checked on the server (password-policy.server.ts), in the order that
// gives the most useful message: a common password is named as such, not merely as too short.
const passwordPair = {
  newPassword: z.string({ error: 'Choose a new password.' }).max(1024, 'Use at most 128 characters.'),
  confirmPassword: z.string({ error: 'Type the new password again.' }),
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password.' }),
    ...passwordPair,
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords are not the same.',
  })

/** An admin clearing a lockout on /admin/sign-ins. */
export const clearLockoutSchema = z.object({
  lockoutId: z.string({ error: 'That request was incomplete; reload the page and try again.' }).min(1).max(64),
})

/** The lockout list's address: which runs to show, and where the page starts. */
export const lockoutListSchema = z.object({
  show: z.enum(['current', 'all']).catch('current'),
  after: z.string().max(64).optional().catch(undefined),
})
