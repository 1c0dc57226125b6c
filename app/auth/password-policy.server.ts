// The rules a new password must meet: 12 to 128 characters, not one of the 1,000 most common passwords,
// not the account's own email address or name. Server-only so the list never ships to browsers.
import { z } from 'zod'
import { COMMON_PASSWORD_LIST } from './common-passwords'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 128

export type PasswordContext = { email?: string; name?: string }
export type PasswordVerdict = { ok: true } | { ok: false; message: string }

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(COMMON_PASSWORD_LIST)

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase())
}

export function checkNewPassword(password: string, context: PasswordContext = {}): PasswordVerdict {
  // Code points, not UTF-16 units, so an emoji or an astral-plane letter counts as the one character a person sees.
  // The common list is checked first: its entries are all short, and "one of the most common passwords"
  // tells a person more than "too short" does.
  if (isCommonPassword(password)) {
    return refuse('This password is one of the most common passwords; choose another.')
  }
  const length = [...password].length
  if (length < MIN_PASSWORD_LENGTH) return refuse(`Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  if (length > MAX_PASSWORD_LENGTH) return refuse(`Use at most ${MAX_PASSWORD_LENGTH} characters.`)

  const lowered = password.toLowerCase()
  const email = context.email?.trim().toLowerCase()
  if (email) {
    if (lowered === email) return refuse("Your password can't be your email address.")
    const at = email.lastIndexOf('@')
    if (at > 0 && lowered === email.slice(0, at)) {
      return refuse("Your password can't be the part of your email address before the @.")
    }
  }
  const name = context.name?.trim().toLowerCase()
  if (name && lowered === name) return refuse("Your password can't be your name.")

  return { ok: true }
}

function refuse(message: string): PasswordVerdict {
  return { ok: false, message }
}

/** The password field of a form, without the account's email or name (use `newPasswordSchemaFor` when they are known). */
export const newPasswordSchema = newPasswordSchemaFor({})

/** The password field of a form whose account is known, so the email and name rules apply too. */
export function newPasswordSchemaFor(context: PasswordContext) {
  return z.string({ error: 'Enter a password.' }).superRefine((password, ctx) => {
    const verdict = checkNewPassword(password, context)
    if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.message })
  })
}
