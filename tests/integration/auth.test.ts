import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as account from '~/routes/account'
import * as adminUsers from '~/routes/admin/users'
import * as home from '~/routes/index'
import * as articles from '~/routes/articles/index'
import * as login from '~/routes/login'
import * as logout from '~/routes/logout'
import { middleware } from '~/root'
import { DEMO_PASSWORD } from '~/auth/demo-accounts'
import { hashSessionToken } from '~/auth/session.server'
import { db } from '~/utils/db.server'
import { CLIENT_ADDRESS_HEADER } from '~/utils/client-address'
import { captureLogs } from '~/utils/log.server'
import { RouterContextProvider } from 'react-router'
import { buildRequest, callAction, callLoader, signedOutRedirect } from '../helpers/route'
import { createUser, createUsers, signIn, type TestUser } from '../helpers/users'

let logs: ReturnType<typeof captureLogs>
beforeEach(() => {
  logs = captureLogs()
})
afterEach(() => logs.stop())

function cookieFrom(result: { headers: Headers }) {
  return result.headers.get('Set-Cookie')?.split(';')[0] ?? ''
}

function tokenOf(cookie: string) {
  const value = decodeURIComponent(cookie.split('=')[1] ?? '')
  // The signed cookie is base64 of a JSON string followed by a signature.
  return JSON.parse(Buffer.from(value.split('.')[0]!, 'base64').toString('utf8')) as string
}

function loginWith(
  email: string,
  password: string,
  address = '203.0.113.7',
  extra: Record<string, string> = {},
  cookie?: string,
) {
  return callAction(login.action, {
    url: '/login',
    form: { email, password, ...extra },
    headers: { [CLIENT_ADDRESS_HEADER]: address },
    cookie,
  })
}

/** The device cookie a successful sign-in set, as the Cookie header the browser sends back. */
function deviceCookieFrom(result: { headers: Headers }) {
  return (
    result.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('factdesk_device='))
      ?.split(';')[0] ?? ''
  )
}

function failureRow(scope: 'ACCOUNT' | 'ADDRESS', key: string, ipAddress: string, createdAt = new Date()) {
  return { scope, key, email: scope === 'ACCOUNT' ? key : 'someone@factdesk.test', ipAddress, createdAt }
}

/** Moves every recorded failure back in time, as if the seconds had passed (nothing here waits on a clock). */
/** The account page's password form, sent by `user` with their current password and `newPassword` twice. */
function choosePassword(user: TestUser, newPassword: string) {
  const form = { currentPassword: user.password, newPassword, confirmPassword: newPassword }
  return callAction(account.action, { url: '/account', user, form })
}

async function letTimePass(seconds: number) {
  await db.$executeRaw`UPDATE "LoginFailure" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds}::int)`
}

describe('signing in', () => {
  it('starts a session stored in Postgres and sends the user where they were going', async () => {
    const user = await createUser('FACT_CHECKER')
    const result = await loginWith(user.email, user.password, '203.0.113.7', { redirectTo: '/articles?q=istanbul' })
    expect(result.status).toBe(302)
    expect(result.location).toBe('/articles?q=istanbul')
    const setCookie = result.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^factdesk_session=/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const stored = await db.session.findUnique({ where: { id: hashSessionToken(tokenOf(cookieFrom(result))) } })
    expect(stored?.userId).toBe(user.id)
    expect(logs.lines.map((line) => line.event)).toContain('login')
  })

  it('gives a new session id at every login', async () => {
    const user = await createUser('REPORTER')
    const first = cookieFrom(await loginWith(user.email, user.password))
    const second = cookieFrom(await loginWith(user.email, user.password))
    expect(tokenOf(first)).not.toBe(tokenOf(second))
    expect(tokenOf(first)).toMatch(/^[A-Za-z0-9_-]{43}$/) // 256 random bits
  })

  it('follows only same-site paths after login', async () => {
    const user = await createUser('REPORTER')
    for (const target of [
      '//evil.example/steal',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '/.//evil.example',
      '/%2F%2Fevil.example',
    ]) {
      const result = await loginWith(user.email, user.password, '203.0.113.7', { redirectTo: target })
      expect(result.location).toBe('/')
    }
  })

  it('sends a signed-in visitor of the login page home, not to another site that the redirect names', async () => {
    const user = await createUser('REPORTER')
    for (const target of ['/.//evil.example', '/./\\evil.example', '/..//evil.example/steal']) {
      const result = await callLoader(login.loader, {
        url: `/login?${new URLSearchParams({ redirectTo: target })}`,
        user,
      })
      expect({ target, status: result.status, location: result.location }).toEqual({
        target,
        status: 302,
        location: '/',
      })
    }
    const same = await callLoader(login.loader, {
      url: `/login?${new URLSearchParams({ redirectTo: '/queue.data' })}`,
      user,
    })
    expect(same.location).toBe('/queue')
  })

  it('answers a wrong password and an unknown email identically', async () => {
    const user = await createUser('EDITOR')
    const wrongPassword = await loginWith(user.email, 'not the right password')
    const unknownEmail = await loginWith('nobody-here@factdesk.test', 'not the right password')
    expect(wrongPassword.status).toBe(400)
    expect(unknownEmail.status).toBe(400)
    const strip = (result: typeof wrongPassword) => ({
      ...result.data.result,
      initialValue: { ...result.data.result.initialValue, email: '' },
    })
    expect(strip(wrongPassword)).toEqual(strip(unknownEmail))
    expect(wrongPassword.data.result.error['']).toEqual(['That email and password do not match an active account.'])
    expect(wrongPassword.headers.get('Set-Cookie')).toBeNull()
    expect(logs.lines.filter((line) => line.event === 'login_failed')).toHaveLength(2)
  })

  it('asks for missing fields next to them and keeps the typed email', async () => {
    const result = await callAction(login.action, { url: '/login', form: { email: 'someone@', password: '' } })
    expect(result.status).toBe(400)
    expect(result.data.result.error.email).toEqual(['Enter a valid email address.'])
    expect(result.data.result.error.password).toEqual(['Enter your password.'])
    expect(result.data.result.initialValue.email).toBe('someone@')
  })

  it('refuses a deactivated account with the same answer as a wrong password', async () => {
    const user = await createUser('REPORTER', { active: false })
    const result = await loginWith(user.email, user.password)
    expect(result.status).toBe(400)
    expect(result.data.result.error['']).toEqual(['That email and password do not match an active account.'])
  })
})

describe('brute force', () => {
  it('slows a browser the account does not know after five failures: even the right password is asked to wait', async () => {
    const user = await createUser('FACT_CHECKER')
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await loginWith(user.email, `wrong guess ${attempt}`, `198.51.100.${attempt}`)).status).toBe(400)
    }
    const slowed = await loginWith(user.email, user.password, '198.51.100.99')
    expect(slowed.status).toBe(429)
    const wait = Number(slowed.headers.get('Retry-After'))
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(wait).toBeLessThanOrEqual(5)
    expect(slowed.data.result.error['']).toEqual([
      `Too many failed sign-in attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
    ])
    expect(slowed.headers.get('Set-Cookie')).toBeNull()
    expect(logs.lines.some((line) => line.event === 'login_locked' && line.email === user.email)).toBe(true)
  })

  it('lets the right password in once the delay has passed', async () => {
    const user = await createUser('FACT_CHECKER')
    const old = new Date(Date.now() - 16 * 60_000)
    await db.loginFailure.createMany({
      data: Array.from({ length: 5 }, () => failureRow('ACCOUNT', user.email, '198.51.100.1', old)),
    })
    expect((await loginWith(user.email, user.password)).status).toBe(302)
  })

  it('makes a new browser wait longer after each further failure, and says for how long', async () => {
    const user = await createUser('EDITOR')
    for (let attempt = 0; attempt < 5; attempt++) await loginWith(user.email, `wrong guess ${attempt}`, '198.51.100.20')
    const waits: number[] = []
    for (let round = 0; round < 3; round++) {
      const slowed = await loginWith(user.email, 'yet another guess', '198.51.100.20')
      expect(slowed.status).toBe(429)
      const wait = Number(slowed.headers.get('Retry-After'))
      expect(slowed.data.result.error[''][0]).toBe(`Too many failed sign-in attempts. Try again in ${wait} seconds.`)
      waits.push(wait)
      await letTimePass(wait)
      expect((await loginWith(user.email, 'yet another guess', '198.51.100.20')).status).toBe(400)
    }
    // 5, 10 and 20 seconds, less whatever the requests themselves took.
    expect(waits[0]).toBeLessThanOrEqual(5)
    expect(waits[1]).toBeGreaterThan(5)
    expect(waits[1]).toBeLessThanOrEqual(10)
    expect(waits[2]).toBeGreaterThan(10)
    expect(waits[2]).toBeLessThanOrEqual(20)
  })

  it('does not let an attacker’s 50 wrong passwords from one address stop the owner signing in from a browser that signed in before', async () => {
    const owner = await createUser('ADMIN')
    const officeLaptop = deviceCookieFrom(await loginWith(owner.email, owner.password, '203.0.113.80'))
    expect(officeLaptop).toMatch(/^factdesk_device=/)
    let failures = 0
    while (failures < 50) {
      const guess = await loginWith(owner.email, `guess number ${failures}`, '192.0.2.66')
      if (guess.status === 429) await letTimePass(Number(guess.headers.get('Retry-After')))
      else {
        expect(guess.status).toBe(400)
        failures++
      }
    }
    // The attacker, and any browser the account does not know, must wait…
    expect((await loginWith(owner.email, owner.password, '192.0.2.66')).status).toBe(429)
    expect((await loginWith(owner.email, owner.password, '203.0.113.81')).status).toBe(429)
    // …but the owner's own browser is let straight in, wherever it is, the attacker's address included.
    for (const address of ['203.0.113.80', '192.0.2.66']) {
      const result = await loginWith(owner.email, owner.password, address, {}, officeLaptop)
      expect({ address, status: result.status }).toEqual({ address, status: 302 })
    }
  }, 120_000)

  it('counts a known browser’s own wrong passwords against it alone', async () => {
    const user = await createUser('REPORTER')
    const laptop = deviceCookieFrom(await loginWith(user.email, user.password, '203.0.113.90'))
    const phone = deviceCookieFrom(await loginWith(user.email, user.password, '203.0.113.91'))
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await loginWith(user.email, `slip ${attempt}`, '203.0.113.90', {}, laptop)).status).toBe(400)
    }
    expect((await loginWith(user.email, user.password, '203.0.113.90', {}, laptop)).status).toBe(429)
    expect((await loginWith(user.email, user.password, '203.0.113.91', {}, phone)).status).toBe(302)
    expect((await loginWith(user.email, user.password, '203.0.113.92')).status).toBe(302)
  })

  it('does not treat a device cookie from another account, or a forged one, as a known browser', async () => {
    const [victim, attacker] = [await createUser('EDITOR'), await createUser('REPORTER')]
    const victimsLaptop = deviceCookieFrom(await loginWith(victim.email, victim.password, '203.0.113.60'))
    // Same token, broken signature: the signature's first character, since its last one carries unused bits.
    const signatureAt = victimsLaptop.lastIndexOf('.') + 1
    const flipped = victimsLaptop[signatureAt] === 'A' ? 'B' : 'A'
    const forged = `${victimsLaptop.slice(0, signatureAt)}${flipped}${victimsLaptop.slice(signatureAt + 1)}`
    const attackersOwn = deviceCookieFrom(await loginWith(attacker.email, attacker.password, '192.0.2.70'))
    for (let attempt = 0; attempt < 5; attempt++)
      await loginWith(victim.email, `guess ${attempt}`, '192.0.2.70', {}, attackersOwn)
    for (const cookie of [attackersOwn, forged]) {
      expect((await loginWith(victim.email, victim.password, '192.0.2.70', {}, cookie)).status).toBe(429)
    }
    expect((await loginWith(victim.email, victim.password, '192.0.2.70', {}, victimsLaptop)).status).toBe(302)
  })

  it('gains an attacker nothing by sending many guesses at once', async () => {
    const user = await createUser('EDITOR')
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) => loginWith(user.email, `parallel guess ${index}`, '192.0.2.90')),
    )
    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status !== 400 && status !== 429)).toEqual([])
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(5)
    expect(await db.loginFailure.count({ where: { scope: 'ACCOUNT', key: user.email } })).toBeLessThanOrEqual(5)
  })

  it('remembers a browser that signed in with a signed, httpOnly device cookie', async () => {
    const user = await createUser('REPORTER')
    const result = await loginWith(user.email, user.password)
    const device = result.headers.getSetCookie().find((cookie) => cookie.startsWith('factdesk_device='))!
    expect(device).toMatch(/HttpOnly/i)
    expect(device).toMatch(/SameSite=Lax/i)
    expect(device).toMatch(/Max-Age=\d{7,}/i)
    // Signed: the value carries a signature after the encoded payload.
    expect(decodeURIComponent(device.split(';')[0]!.split('=').slice(1).join('='))).toMatch(/^[^.]+\.[^.]+$/)
    expect(await db.signInDevice.count({ where: { userId: user.id } })).toBe(1)
  })

  it('counts failures per client address across accounts', async () => {
    const victim = await createUser('EDITOR')
    for (let attempt = 0; attempt < 20; attempt++) {
      await loginWith(`guess-${attempt}@factdesk.test`, 'password guess', '192.0.2.50')
    }
    expect((await loginWith(victim.email, victim.password, '192.0.2.50')).status).toBe(429)
    expect((await loginWith(victim.email, victim.password, '192.0.2.51')).status).toBe(302)
  })

  it('keeps the count in Postgres, so another app process sees the same lockout', async () => {
    const user = await createUser('REPORTER')
    await db.loginFailure.createMany({
      data: Array.from({ length: 5 }, () => failureRow('ACCOUNT', user.email, '10.9.8.7')),
    })
    expect((await loginWith(user.email, user.password, '203.0.113.200')).status).toBe(429)
  })
})

describe('sessions', () => {
  it('sends a signed-out visitor to the login page and back', async () => {
    expect(await signedOutRedirect(home.loader, '/?tab=claims')).toBe('/login?redirectTo=%2F%3Ftab%3Dclaims')
  })

  it('ends a session server-side at logout', async () => {
    const user = await createUser('REPORTER')
    expect((await callLoader(home.loader, { user })).status).toBe(200)
    const result = await callAction(logout.action, { url: '/logout', user })
    expect(result.location).toBe('/login')
    expect(result.headers.get('Set-Cookie')).toMatch(/Max-Age=0/i)
    expect((await callLoader(home.loader, { user })).location).toMatch(/^\/login/)
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('refuses a session idle for longer than the idle timeout', async () => {
    const user = await createUser('REPORTER')
    await db.session.updateMany({
      where: { userId: user.id },
      data: { lastSeenAt: new Date(Date.now() - 9 * 60 * 60_000) },
    })
    expect((await callLoader(home.loader, { user })).location).toMatch(/^\/login/)
  })

  it('refuses a session past its absolute lifetime even if it was used a moment ago', async () => {
    const user = await createUser('REPORTER')
    await db.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    })
    expect((await callLoader(home.loader, { user })).location).toMatch(/^\/login/)
  })

  it('refuses the open session of a user who is deactivated, on their very next request', async () => {
    const { admin, checker } = await createUsers()
    expect((await callLoader(home.loader, { user: checker })).status).toBe(200)
    const result = await callAction(adminUsers.action, {
      url: '/admin/users',
      user: admin,
      form: { intent: 'deactivate', userId: checker.id },
    })
    expect(result.status).toBe(302)
    expect((await callLoader(home.loader, { user: checker })).location).toMatch(/^\/login/)
    expect(await db.session.count({ where: { userId: checker.id } })).toBe(0)
    expect(logs.lines.some((line) => line.event === 'user_deactivated' && line.userId === checker.id)).toBe(true)
  })

  it('applies a role change on the user’s next request', async () => {
    const { admin, reporter } = await createUsers()
    expect((await callLoader(adminUsers.loader, { user: reporter })).status).toBe(403)
    await callAction(adminUsers.action, {
      url: '/admin/users',
      user: admin,
      form: { intent: 'role', userId: reporter.id, role: 'ADMIN' },
    })
    expect((await callLoader(adminUsers.loader, { user: reporter })).status).toBe(200)
    expect(logs.lines.some((line) => line.event === 'role_changed' && line.to === 'ADMIN')).toBe(true)
  })
})

describe('the account page', () => {
  it('changes the password only with the current one, and signs out the other sessions', async () => {
    const user = await createUser('FACT_CHECKER')
    const otherDevice = await signIn(user.id)
    const wrong = await callAction(account.action, {
      url: '/account',
      user,
      form: {
        currentPassword: 'not it at all',
        newPassword: 'a brand new passphrase',
        confirmPassword: 'a brand new passphrase',
      },
    })
    expect(wrong.status).toBe(400)
    expect(wrong.data.result.error.currentPassword).toEqual(['That is not your current password.'])

    const changed = await callAction(account.action, {
      url: '/account',
      user,
      form: {
        currentPassword: user.password,
        newPassword: 'a brand new passphrase',
        confirmPassword: 'a brand new passphrase',
      },
    })
    expect(changed.status).toBe(302)
    expect((await callLoader(home.loader, { cookie: otherDevice })).location).toMatch(/^\/login/)
    expect((await callLoader(home.loader, { user })).status).toBe(200)
    expect((await loginWith(user.email, 'a brand new passphrase')).status).toBe(302)
  })

  it('slows guesses of the current password: after five wrong ones even the right one waits, in that session only', async () => {
    const user = await createUser('FACT_CHECKER')
    const otherSession = await signIn(user.id)
    const change = (currentPassword: string) => ({
      currentPassword,
      newPassword: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await callAction(account.action, { url: '/account', user, form: change(`not it ${attempt}`) })).status,
      ).toBe(400)
    }
    const slowed = await callAction(account.action, { url: '/account', user, form: change(user.password) })
    expect(slowed.status).toBe(429)
    const wait = Number(slowed.headers.get('Retry-After'))
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(wait).toBeLessThanOrEqual(5)
    expect(slowed.data.result.error.currentPassword).toEqual([
      `Too many wrong passwords. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
    ])
    expect((await loginWith(user.email, 'a brand new passphrase')).status).toBe(400)

    const elsewhere = await callAction(account.action, {
      url: '/account',
      cookie: otherSession,
      form: change(user.password),
    })
    expect(elsewhere.status).toBe(302)
  })

  it('refuses a common password and a short one with a message', async () => {
    const user = await createUser('REPORTER')
    for (const [password, message] of [
      ['password', 'This password is one of the most common passwords; choose another.'],
      ['short one', 'Use at least 12 characters.'],
    ] as const) {
      const result = await choosePassword(user, password)
      expect(result.status).toBe(400)
      expect(result.data.result.error.newPassword).toEqual([message])
    }
  })

  it('refuses a long but guessable password, saying why next to the field, and keeps the old password working', async () => {
    const user = await createUser('REPORTER')
    for (const [password, reason] of [
      ['password1234', 'it is similar to a commonly used password.'],
      ['123456789012', 'it is a commonly used password.'],
      ['aaaaaaaaaaaa', 'repeated characters like "aaa" are easy to guess.'],
      ['Password123!', 'it is similar to a commonly used password.'],
    ] as const) {
      const result = await choosePassword(user, password)
      expect({ password, status: result.status }).toEqual({ password, status: 400 })
      expect(result.data.result.error.newPassword).toEqual([
        expect.stringMatching(/^This password is too weak, because /),
      ])
      expect(result.data.result.error.newPassword[0]).toContain(reason)
    }
    expect((await loginWith(user.email, user.password)).status).toBe(302)
    expect((await loginWith(user.email, 'password1234')).status).toBe(400)
  })

  it('refuses the demo desk’s published password for an account that is not a demo one', async () => {
    const user = await createUser('EDITOR')
    const result = await choosePassword(user, DEMO_PASSWORD)
    expect(result.status).toBe(400)
    expect(result.data.result.error.newPassword).toEqual([
      'This is the demo desk’s published password, so anyone could sign in with it. Choose your own.',
    ])
  })

  it('signs out everywhere else but here', async () => {
    const user = await createUser('EDITOR')
    const elsewhere = [await signIn(user.id), await signIn(user.id)]
    const result = await callAction(account.action, { url: '/account', user, form: { intent: 'sign-out-others' } })
    expect(result.status).toBe(302)
    for (const cookie of elsewhere) expect((await callLoader(home.loader, { cookie })).location).toMatch(/^\/login/)
    expect((await callLoader(home.loader, { user })).status).toBe(200)
  })
})

describe('user administration', () => {
  it('creates a user with a one-time password shown once, who must choose their own at first login', async () => {
    const { admin } = await createUsers()
    const result = await callAction(adminUsers.action, {
      url: '/admin/users',
      user: admin,
      form: { intent: 'create', name: 'Nadia Kovalenko', email: 'Nadia@Factdesk.test', role: 'FACT_CHECKER' },
    })
    expect(result.status).toBe(200)
    const { password, email } = result.data.created
    expect(email).toBe('nadia@factdesk.test')
    expect(password).toMatch(/^[\w-]{20,}$/)
    const stored = await db.password.findFirst({ where: { user: { email } } })
    expect(stored?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(stored?.hash).not.toContain(password)

    const firstLogin = await loginWith(email, password)
    expect(firstLogin.location).toBe('/account')
    const cookie = cookieFrom(firstLogin)
    expect((await callLoader(home.loader, { cookie })).location).toBe('/account')
    const changed = await callAction(account.action, {
      url: '/account',
      cookie,
      form: {
        currentPassword: password,
        newPassword: 'sunflower ledger canyon',
        confirmPassword: 'sunflower ledger canyon',
      },
    })
    expect(changed.location).toBe('/')
    expect((await callLoader(home.loader, { cookie })).status).toBe(200)
  })

  it('refuses a duplicate email next to the field', async () => {
    const { admin, editor } = await createUsers()
    const result = await callAction(adminUsers.action, {
      url: '/admin/users',
      user: admin,
      form: { intent: 'create', name: 'Copy', email: editor.email, role: 'EDITOR' },
    })
    expect(result.status).toBe(400)
    expect(result.data.result.error.email).toEqual(['A user with this email already exists.'])
  })

  it('never demotes or deactivates the last active admin', async () => {
    const admin = await createUser('ADMIN')
    await db.user.updateMany({ where: { role: 'ADMIN', id: { not: admin.id } }, data: { active: false } })
    const demote = await callAction(adminUsers.action, {
      url: '/admin/users',
      user: admin,
      form: { intent: 'role', userId: admin.id, role: 'EDITOR' },
    })
    expect(demote.status).toBe(409)
    expect(demote.data.error).toBe('This is the last active admin. Make someone else an admin first.')
    expect((await db.user.findUnique({ where: { id: admin.id } }))?.role).toBe('ADMIN')
  })

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const [first, second] = [await createUser('ADMIN'), await createUser('ADMIN')]
    await db.user.updateMany({
      where: { role: 'ADMIN', id: { notIn: [first.id, second.id] } },
      data: { active: false },
    })
    const results = await Promise.all([
      callAction(adminUsers.action, {
        url: '/admin/users',
        user: first,
        form: { intent: 'role', userId: second.id, role: 'EDITOR' },
      }),
      callAction(adminUsers.action, {
        url: '/admin/users',
        user: second,
        form: { intent: 'role', userId: first.id, role: 'EDITOR' },
      }),
    ])
    expect(results.map((result) => result.status).sort()).toEqual([302, 409])
    expect(await db.user.count({ where: { role: 'ADMIN', active: true } })).toBe(1)
  })
})

describe('request safety', () => {
  const [guard] = middleware

  async function runGuard(request: Request) {
    let reached = false
    try {
      const response = await guard!(
        { request, params: {}, context: new RouterContextProvider() } as never,
        async () => {
          reached = true
          return new Response('ok')
        },
      )
      return { reached, status: (response as Response).status, headers: (response as Response).headers }
    } catch (error) {
      return { reached, status: (error as { init?: { status?: number } }).init?.status ?? 500, headers: new Headers() }
    }
  }

  it('refuses a cross-origin POST before any action runs', async () => {
    const outcome = await runGuard(
      buildRequest({ method: 'POST', url: '/logout', headers: { Origin: 'https://evil.example' } }),
    )
    expect(outcome).toMatchObject({ reached: false, status: 403 })
  })

  it('refuses a cross-site POST without Origin when Fetch Metadata or the Referer says so', async () => {
    const bySite = new Request('http://localhost:3000/logout', {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    })
    const byReferer = new Request('http://localhost:3000/logout', {
      method: 'POST',
      headers: { Referer: 'https://evil.example/page' },
    })
    expect(await runGuard(bySite)).toMatchObject({ reached: false, status: 403 })
    expect(await runGuard(byReferer)).toMatchObject({ reached: false, status: 403 })
  })

  it('lets same-origin posts and every GET through, with security headers on the response', async () => {
    const post = await runGuard(buildRequest({ method: 'POST', url: '/logout' }))
    expect(post).toMatchObject({ reached: true, status: 200 })
    const get = await runGuard(
      new Request('http://localhost:3000/', { headers: { Origin: 'https://elsewhere.example' } }),
    )
    expect(get.reached).toBe(true)
    expect(get.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(get.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(get.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
  })
})

// In client-side navigation the browser asks for `/account.data` and posts to `/admin/users.data`:
// every redirect and every "which page is this" check must see the page, not the data address.
describe('client-side navigation', () => {
  it('lets a user with a one-time password load the account page they are sent to', async () => {
    const user = await createUser('REPORTER', { mustChangePassword: true })
    const result = await callLoader(account.loader, { url: '/account.data', user })
    expect(result.status).toBe(200)
    expect(result.data.user.mustChangePassword).toBe(true)
  })

  it('sends a user with a one-time password from any other page to the account page', async () => {
    const user = await createUser('REPORTER', { mustChangePassword: true })
    const result = await callLoader(home.loader, { url: '/_.data', user })
    expect(result.location).toBe('/account')
  })

  it('brings an admin back to the users page they were on after changing a role', async () => {
    const { admin, reporter } = await createUsers()
    const result = await callAction(adminUsers.action, {
      url: `/admin/users.data?q=${encodeURIComponent(reporter.email)}`,
      user: admin,
      form: { intent: 'role', userId: reporter.id, role: 'EDITOR' },
    })
    expect(result.location).toBe(`/admin/users?${new URLSearchParams({ q: reporter.email })}`)
    expect((await db.user.findUnique({ where: { id: reporter.id } }))?.role).toBe('EDITOR')
  })

  it('brings an admin back to the users page after deactivating and reactivating someone', async () => {
    const { admin, checker } = await createUsers()
    for (const intent of ['deactivate', 'reactivate']) {
      const result = await callAction(adminUsers.action, {
        url: '/admin/users.data',
        user: admin,
        form: { intent, userId: checker.id },
      })
      expect(result.location).toBe('/admin/users')
    }
    expect((await db.user.findUnique({ where: { id: checker.id } }))?.active).toBe(true)
  })

  it('sends a user whose session timed out to sign in again, back to the page they clicked, saying why', async () => {
    const user = await createUser('REPORTER')
    await db.session.updateMany({
      where: { userId: user.id },
      data: { lastSeenAt: new Date(Date.now() - 9 * 60 * 60_000) },
    })
    const result = await callLoader(articles.loader, { url: '/articles.data?q=war&_routes=root', user })
    const target = new URL(result.location!, 'http://localhost')
    expect(target.pathname).toBe('/login')
    expect(target.searchParams.get('redirectTo')).toBe('/articles?q=war')
    expect(target.searchParams.get('reason')).toBe('expired')
    expect(result.headers.get('Set-Cookie')).toMatch(/Max-Age=0/i)

    const page = await callLoader(login.loader, { url: result.location! })
    expect(page.data).toEqual({ sessionExpired: true })
    const signedIn = await loginWith(user.email, user.password, '203.0.113.50', {
      redirectTo: target.searchParams.get('redirectTo')!,
    })
    expect(signedIn.location).toBe('/articles?q=war')
  })

  it('does not tell a visitor who never signed in that a session expired', async () => {
    const result = await callLoader(home.loader, { url: '/_.data' })
    expect(result.location).toBe('/login?redirectTo=%2F')
    expect((await callLoader(login.loader, { url: result.location! })).data).toEqual({ sessionExpired: false })
  })

  it('follows an old login link that points at a data address to the page itself', async () => {
    const user = await createUser('EDITOR')
    const signedIn = await loginWith(user.email, user.password, '203.0.113.51', { redirectTo: '/dashboard.data' })
    expect(signedIn.location).toBe('/dashboard')
  })
})

describe('deactivating someone', () => {
  it('asks first: the Deactivate button opens a confirmation for that person only', async () => {
    const { admin, checker } = await createUsers()
    const page = await callLoader(adminUsers.loader, {
      url: `/admin/users?q=${encodeURIComponent(checker.email)}&deactivate=${checker.id}`,
      user: admin,
    })
    expect(page.data.confirming).toBe(checker.id)
    expect((await db.user.findUnique({ where: { id: checker.id } }))?.active).toBe(true)
    const unknown = await callLoader(adminUsers.loader, { url: '/admin/users?deactivate=nobody', user: admin })
    expect(unknown.data.confirming).toBeNull()
  })

  it('closes the confirmation once the person is deactivated, keeping the search', async () => {
    const { admin, checker } = await createUsers()
    const result = await callAction(adminUsers.action, {
      url: `/admin/users.data?q=checker&deactivate=${checker.id}`,
      user: admin,
      form: { intent: 'deactivate', userId: checker.id },
    })
    expect(result.location).toBe('/admin/users?q=checker')
    expect((await db.user.findUnique({ where: { id: checker.id } }))?.active).toBe(false)
  })
})
