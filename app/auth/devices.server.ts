// Device cookies, as OWASP recommends against online guessing: a browser that signs in to an account gets a
// signed, httpOnly cookie naming it. Its later sign-ins to that account are counted against that browser alone,
// so nobody else's wrong passwords can slow its owner down. The database keeps only each token's SHA-256.
import crypto from 'node:crypto'
import { db } from '~/utils/db.server'
import { appCookie, hashSessionToken } from './session.server'

/** A browser shared by several people remembers this many of their accounts, the latest first. */
const ACCOUNTS_PER_BROWSER = 5
const DEVICE_DAYS = 180
const TOKEN = /^[A-Za-z0-9_-]{43}$/

const deviceCookie = appCookie('factdesk_device', { maxAge: DEVICE_DAYS * 24 * 60 * 60 })

async function readTokens(request: Request): Promise<string[]> {
  const value: unknown = await deviceCookie().parse(request.headers.get('Cookie'))
  if (!Array.isArray(value)) return []
  return value
    .filter((token): token is string => typeof token === 'string' && TOKEN.test(token))
    .slice(0, ACCOUNTS_PER_BROWSER)
}

/** The id of this browser's device record for the account with this email, when it has signed in to it lately. */
export async function knownDeviceFor(request: Request, email: string): Promise<string | null> {
  const tokens = await readTokens(request)
  if (tokens.length === 0) return null
  const device = await db.signInDevice.findFirst({
    where: {
      id: { in: tokens.map(hashSessionToken) },
      user: { email },
      lastUsedAt: { gt: new Date(Date.now() - DEVICE_DAYS * 24 * 60 * 60_000) },
    },
    select: { id: true },
  })
  return device?.id ?? null
}

/** After a sign-in: the Set-Cookie header that makes (or keeps) this browser a known device of the account. */
export async function rememberDevice(request: Request, userId: string, knownDeviceId: string | null) {
  const tokens = await readTokens(request)
  if (knownDeviceId) {
    await db.signInDevice.update({ where: { id: knownDeviceId }, data: { lastUsedAt: new Date() } })
    // Sending the cookie again restarts its lifetime.
    return deviceCookie().serialize(tokens)
  }
  const token = crypto.randomBytes(32).toString('base64url')
  await db.signInDevice.create({ data: { id: hashSessionToken(token), userId } })
  return deviceCookie().serialize([token, ...tokens].slice(0, ACCOUNTS_PER_BROWSER))
}
