// The account page's API token forms, shared by the browser (Conform) and the action.
import { z } from 'zod'

export const TOKEN_SCOPE_CHOICES = {
  'claims:read': { label: 'Read claims', hint: 'Claims, their verdicts and the sources they cite.' },
  'articles:read': { label: 'Read articles', hint: 'Articles with their credibility score.' },
} as const

export const TOKEN_EXPIRY_CHOICES = [
  { value: 'never', label: 'Never', days: null },
  { value: '30', label: 'In 30 days', days: 30 },
  { value: '90', label: 'In 90 days', days: 90 },
  { value: '365', label: 'In a year', days: 365 },
] as const

type ScopeChoice = keyof typeof TOKEN_SCOPE_CHOICES
const SCOPES = Object.keys(TOKEN_SCOPE_CHOICES) as [ScopeChoice, ...ScopeChoice[]]
const EXPIRIES = TOKEN_EXPIRY_CHOICES.map((choice) => choice.value) as [string, ...string[]]

export const createTokenSchema = z.object({
  name: z
    .string({ error: 'Name the token after what will use it, such as “Newsletter script”.' })
    .trim()
    .min(1, 'Name the token after what will use it, such as “Newsletter script”.')
    .max(100, 'Use at most 100 characters.'),
  scopes: z
    .array(z.enum(SCOPES, { error: 'Choose from the list.' }), { error: 'Choose what the token may read.' })
    .min(1, 'Choose what the token may read.')
    .max(SCOPES.length, 'Choose from the list.'),
  expiry: z.enum(EXPIRIES, { error: 'Choose when the token expires.' }).default('never'),
})

export const revokeTokenSchema = z.object({
  tokenId: z.string({ error: 'Choose a token to revoke.' }).trim().min(1).max(64, 'That is not a token.'),
})

export function expiryDays(value: string): number | null {
  return TOKEN_EXPIRY_CHOICES.find((choice) => choice.value === value)?.days ?? null
}
