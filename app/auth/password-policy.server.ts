// The rules a new password must meet: 12 to 128 characters, not one of the 1,000 most common passwords,
// not the account's own email address or name, not the demo desk's published password, and strong enough
// by zxcvbn's estimate. Server-only so the list and zxcvbn's dictionaries (megabytes) never ship to browsers.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as zxcvbnCommon from '@zxcvbn-ts/language-common'
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en'
import { z } from 'zod'
import { COMMON_PASSWORD_LIST } from './common-passwords'
import { DEMO_ACCOUNT_EMAILS, DEMO_PASSWORD } from './demo-accounts'

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
  if (password === DEMO_PASSWORD && !(email && DEMO_ACCOUNT_EMAILS.has(email))) {
    return refuse('This is the demo desk’s published password, so anyone could sign in with it. Choose your own.')
  }

  return checkStrength(password, context)
}

/** zxcvbn's scores run 0–4; 3 means "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_STRENGTH_SCORE = 3

// zxcvbn's time grows quickly with length and with letter-for-symbol swaps; past these bounds a password is
// judged on its first 64 characters, so no request can keep the server busy estimating.
const ESTIMATED_LENGTH = 64
const MAX_SUBSTITUTIONS = 4

let estimator: ZxcvbnFactory | undefined
function strengthEstimator() {
  estimator ??= new ZxcvbnFactory({
    translations: {
      ...zxcvbnEnglish.translations,
      warnings: {
        ...zxcvbnEnglish.translations.warnings,
        userInputs: 'Passwords made of your name, your email address or the desk’s name are easy to guess.',
      },
    },
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    maxLength: ESTIMATED_LENGTH,
    l33tMaxSubstitutions: MAX_SUBSTITUTIONS,
  })
  return estimator
}

function checkStrength(password: string, context: PasswordContext): PasswordVerdict {
  const email = context.email?.trim().toLowerCase() ?? ''
  const personal = [email, email.split('@')[0] ?? '', ...(context.name ?? '').split(/\s+/), 'factdesk'].filter(
    (word) => word.length > 2,
  )
  const { score, feedback } = strengthEstimator().check(password, personal)
  if (score >= MIN_STRENGTH_SCORE) return { ok: true }
  const because = feedback.warning ? lowerFirst(feedback.warning) : 'it would not take long to guess.'
  const suggestions = feedback.suggestions.length
    ? ` ${feedback.suggestions.join(' ')}`
    : ' Add more words that are less common.'
  return refuse(`This password is too weak, because ${because}${suggestions}`)
}

/** zxcvbn's warnings are sentences ("This is a commonly used password."); this one follows "because". */
function lowerFirst(sentence: string) {
  if (sentence.startsWith('This is ')) return `it is ${sentence.slice('This is '.length)}`
  return /^[A-Z][a-z]/.test(sentence) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence
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
