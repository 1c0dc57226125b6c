// common-passwords.ts is SecLists' "10-million-password-list-top-1000", lower-cased, in its order; its two case
// duplicates ("Password", "PASSWORD") give way to the next two entries of the same list's top-1000000.
import { describe, expect, test } from '@jest/globals'
import {
  COMMON_PASSWORDS,
  checkNewPassword,
  isCommonPassword,
  newPasswordSchema,
  newPasswordSchemaFor,
  type PasswordContext,
} from './password-policy.server'
import { COMMON_PASSWORD_LIST } from './common-passwords'

const listLines = [...COMMON_PASSWORD_LIST]

const TOO_SHORT = 'Use at least 12 characters.'
const TOO_LONG = 'Use at most 128 characters.'
const COMMON = 'This password is one of the most common passwords; choose another.'
const EMOJI = '\u{1F600}' // one code point, two UTF-16 units

describe('the common-password list', () => {
  test('holds exactly 1,000 distinct lower-case entries', () => {
    expect(listLines).toHaveLength(1000)
    expect(new Set(listLines.map((line) => line.toLowerCase())).size).toBe(1000)
    expect(listLines.every((line) => line === line.toLowerCase().trim())).toBe(true)
    expect(COMMON_PASSWORDS.size).toBe(1000)
  })

  test('is matched without regard to case', () => {
    expect(isCommonPassword('password')).toBe(true)
    expect(isCommonPassword('PassWord')).toBe(true)
    expect(isCommonPassword('QWERTY123')).toBe(true)
    expect(isCommonPassword('nine ripe plums')).toBe(false)
  })

  test('every password on the list is refused as a common password', () => {
    const messages = new Set(listLines.map((password) => (checkNewPassword(password) as { message?: string }).message))
    expect([...messages]).toEqual([COMMON])
  })

  test('a short common password like "123456" is refused as common, not merely as short', () => {
    expect(checkNewPassword('123456')).toEqual({ ok: false, message: COMMON })
    expect(checkNewPassword('PassWord')).toEqual({ ok: false, message: COMMON })
  })
})

describe('length, counted in code points', () => {
  const accepted = { ok: true }
  const tooShort = { ok: false, message: TOO_SHORT }
  const tooLong = { ok: false, message: TOO_LONG }

  test.each([
    { count: '11 letters', password: 'a'.repeat(10) + 'b', outcome: 'too short', verdict: tooShort },
    { count: '12 letters', password: 'a'.repeat(11) + 'b', outcome: 'accepted', verdict: accepted },
    { count: '128 letters', password: 'a'.repeat(127) + 'b', outcome: 'accepted', verdict: accepted },
    { count: '129 letters', password: 'a'.repeat(128) + 'b', outcome: 'too long', verdict: tooLong },
    { count: '11 emoji (22 UTF-16 units)', password: EMOJI.repeat(11), outcome: 'too short', verdict: tooShort },
    { count: '12 emoji', password: EMOJI.repeat(12), outcome: 'accepted', verdict: accepted },
    { count: '128 emoji (256 UTF-16 units)', password: EMOJI.repeat(128), outcome: 'accepted', verdict: accepted },
    { count: '129 emoji', password: EMOJI.repeat(129), outcome: 'too long', verdict: tooLong },
  ])('$count: $outcome', ({ password, verdict }) => {
    expect(checkNewPassword(password)).toEqual(verdict)
  })
})

describe('the account’s own email and name', () => {
  const account: PasswordContext = { email: 'Jane.Reporter@Example.org', name: 'Jane Q. Reporter' }

  test.each([
    ['the email address', 'jane.reporter@example.org', "Your password can't be your email address."],
    ['the email address in other case', 'JANE.REPORTER@EXAMPLE.ORG', "Your password can't be your email address."],
    ['the part before the @', 'Jane.Reporter', "Your password can't be the part of your email address before the @."],
    ['the name', 'jane q. reporter', "Your password can't be your name."],
  ])('refuses %s', (_label, password, message) => {
    expect(checkNewPassword(password, account)).toEqual({ ok: false, message })
  })

  test('accepts a password that only contains the name', () => {
    expect(checkNewPassword('jane q. reporter 2024', account)).toEqual({ ok: true })
  })

  test('without an account, the same password is accepted', () => {
    expect(checkNewPassword('jane.reporter@example.org')).toEqual({ ok: true })
  })
})

describe('the zod schema', () => {
  const account: PasswordContext = { email: 'jane.reporter@example.org', name: 'Jane Q. Reporter' }

  function schemaMessage(password: unknown, context?: PasswordContext) {
    const schema = context ? newPasswordSchemaFor(context) : newPasswordSchema
    const result = schema.safeParse(password)
    return result.success ? undefined : result.error.issues.map((issue) => issue.message)
  }

  test.each([
    { label: 'a common short one', password: '123456' },
    { label: '129 letters', password: 'a'.repeat(129) },
    { label: '11 emoji', password: EMOJI.repeat(11) },
  ])('gives checkNewPassword’s message for $label', ({ password }) => {
    const verdict = checkNewPassword(password)
    if (verdict.ok) throw new Error('expected a refusal')
    expect(schemaMessage(password)).toEqual([verdict.message])
  })

  test.each(['jane.reporter@example.org', 'jane.reporter', 'JANE Q. REPORTER'])(
    'gives checkNewPassword’s message for the account’s own %s',
    (password) => {
      const verdict = checkNewPassword(password, account)
      if (verdict.ok) throw new Error('expected a refusal')
      expect(schemaMessage(password, account)).toEqual([verdict.message])
    },
  )

  test('accepts what checkNewPassword accepts', () => {
    expect(newPasswordSchema.parse(EMOJI.repeat(12))).toBe(EMOJI.repeat(12))
    expect(newPasswordSchemaFor(account).parse('nine ripe plums')).toBe('nine ripe plums')
  })

  test('asks for a password when none was sent', () => {
    expect(schemaMessage(undefined)).toEqual(['Enter a password.'])
  })
})
