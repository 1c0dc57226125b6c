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
import { DEMO_ACCOUNT_EMAILS, DEMO_PASSWORD } from './demo-accounts'
import { DEMO_PASSWORD as SEED_DEMO_PASSWORD, DEMO_USERS } from '../../prisma/seed'

const listLines = [...COMMON_PASSWORD_LIST]

/** A password of `length` code points with no word, sequence, repeat or keyboard run for zxcvbn to find. */
function unguessable(length: number, kind: 'ascii' | 'emoji' = 'ascii') {
  const alphabet =
    kind === 'ascii'
      ? [...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789#%&*+=?']
      : Array.from({ length: 768 }, (_, index) => String.fromCodePoint(0x1f300 + index))
  // Stepping through the alphabet by a stride coprime with its size never repeats within a run and never
  // moves by less than the stride, so zxcvbn sees neither a repeat nor an "abc" sequence.
  const stride = kind === 'ascii' ? 29 : 97
  return Array.from({ length }, (_, index) => alphabet[(index * stride + 7) % alphabet.length]).join('')
}

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
    { count: '11 letters', password: unguessable(11), outcome: 'too short', verdict: tooShort },
    { count: '12 letters', password: unguessable(12), outcome: 'accepted', verdict: accepted },
    { count: '128 letters', password: unguessable(128), outcome: 'accepted', verdict: accepted },
    { count: '129 letters', password: unguessable(129), outcome: 'too long', verdict: tooLong },
    {
      count: '11 emoji (22 UTF-16 units)',
      password: unguessable(11, 'emoji'),
      outcome: 'too short',
      verdict: tooShort,
    },
    { count: '12 emoji', password: unguessable(12, 'emoji'), outcome: 'accepted', verdict: accepted },
    {
      count: '128 emoji (256 UTF-16 units)',
      password: unguessable(128, 'emoji'),
      outcome: 'accepted',
      verdict: accepted,
    },
    { count: '129 emoji', password: unguessable(129, 'emoji'), outcome: 'too long', verdict: tooLong },
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
    expect(newPasswordSchema.parse(unguessable(12, 'emoji'))).toBe(unguessable(12, 'emoji'))
    expect(newPasswordSchemaFor(account).parse('nine ripe plums')).toBe('nine ripe plums')
  })

  test('asks for a password when none was sent', () => {
    expect(schemaMessage(undefined)).toEqual(['Enter a password.'])
  })
})

describe('strength, as zxcvbn estimates it', () => {
  const account: PasswordContext = { email: 'jane.reporter@example.org', name: 'Jane Q. Reporter' }

  test.each([
    [
      'password1234',
      'This password is too weak, because it is similar to a commonly used password. Add more words that are less common.',
    ],
    [
      '123456789012',
      'This password is too weak, because it is a commonly used password. Add more words that are less common.',
    ],
    [
      'aaaaaaaaaaaa',
      'This password is too weak, because repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.',
    ],
    [
      'Password123!',
      'This password is too weak, because it is similar to a commonly used password. Add more words that are less common. Capitalize more than the first letter.',
    ],
  ])('refuses %j and says why', (password, message) => {
    expect(checkNewPassword(password, account)).toEqual({ ok: false, message })
  })

  test.each([
    'qwertyuiop[]',
    '1q2w3e4r5t6y',
    'abcdefghijkl',
    'P@ssw0rd2024',
    'Welcome2024!',
    'iloveyou1234',
    'letmeinletme',
  ])('refuses %j, 12 characters of a well-known pattern, as too weak', (password) => {
    const verdict = checkNewPassword(password, account)
    expect(verdict.ok).toBe(false)
    expect((verdict as { message: string }).message).toMatch(/^This password is too weak, because \S.+\. \S.+\.$/)
  })

  test('refuses a password built from the account’s own name, saying so', () => {
    expect(checkNewPassword('Jane.Reporter1', account)).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'because passwords made of your name, your email address or the desk’s name are easy to guess.',
      ),
    })
    expect(checkNewPassword('Factdesk2026!', account)).toMatchObject({
      ok: false,
      message: expect.stringContaining('the desk’s name'),
    })
  })

  test.each(['sunflower ledger canyon', 'a brand new passphrase', 'nine ripe plums', 'correct horse battery staple'])(
    'accepts a few unrelated words such as %j',
    (password) => {
      expect(checkNewPassword(password, account)).toEqual({ ok: true })
    },
  )

  test('judges a long password on its start, so a weak one stays weak however it ends', () => {
    expect(checkNewPassword('a'.repeat(100) + unguessable(20), account)).toMatchObject({ ok: false })
    expect(checkNewPassword(unguessable(64) + 'a'.repeat(64), account)).toEqual({ ok: true })
  })
})

describe('the demo desk’s published password', () => {
  test('is refused for an account of the desk', () => {
    expect(checkNewPassword(DEMO_PASSWORD, account())).toEqual({
      ok: false,
      message: 'This is the demo desk’s published password, so anyone could sign in with it. Choose your own.',
    })
    expect(checkNewPassword(DEMO_PASSWORD)).toMatchObject({ ok: false })
  })

  test('is accepted for the seeded demo accounts, which the seed gives it', () => {
    for (const demo of DEMO_USERS) {
      expect(checkNewPassword(DEMO_PASSWORD, { email: demo.email.toUpperCase(), name: demo.name })).toEqual({
        ok: true,
      })
    }
  })

  test('is the one the seed gives, to exactly the accounts it seeds', () => {
    expect(SEED_DEMO_PASSWORD).toBe(DEMO_PASSWORD)
    expect(new Set(DEMO_USERS.map((demo) => demo.email))).toEqual(DEMO_ACCOUNT_EMAILS)
  })

  function account(): PasswordContext {
    return { email: 'nadia@factdesk.test', name: 'Nadia Kovalenko' }
  }
})
