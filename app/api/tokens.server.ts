// Personal API tokens: made on the account page, shown once, kept only as a SHA-256 hash (the token is 256
// random bits, so a fast hash is enough), checked on every API request, rate-limited per token in Postgres.
import crypto from 'node:crypto'
import type { ApiScope } from '~/generated/prisma/enums'
import { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'
import { forgetInBatches } from '~/utils/forget-in-batches.server'
import { getEnv } from '~/utils/env.server'
import { logEvent } from '~/utils/log.server'
import { API_SCOPES, scopeNameOf, type ApiScopeName } from './endpoints'

const TOKEN_PREFIX = 'fdk_'
const TOKEN = /^fdk_[A-Za-z0-9_-]{43}$/
/** Characters of the token kept in clear, so a person can tell their tokens apart: "fdk_" and 6 more. */
const SHOWN_CHARACTERS = 10
/** Live tokens one person may hold. */
export const MAX_TOKENS_PER_USER = 20

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

export type ApiTokenListItem = {
  id: string
  name: string
  prefix: string
  scopes: ApiScopeName[]
  createdAt: Date
  expiresAt: Date | null
  lastUsedAt: Date | null
  expired: boolean
}

/** The person's tokens that are not revoked, newest first; expired ones stay listed, marked, until revoked. */
export async function listApiTokens(userId: string, now = new Date()): Promise<ApiTokenListItem[]> {
  const rows = await db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_TOKENS_PER_USER,
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true },
  })
  return rows.map((row) => ({
    ...row,
    scopes: row.scopes.map(scopeNameOf),
    expired: row.expiresAt !== null && row.expiresAt <= now,
  }))
}

export type CreatedApiToken = { ok: true; id: string; name: string; token: string } | { ok: false; message: string }

/** Makes a token and returns it in full: the only time it is ever seen. */
export async function createApiToken(
  user: { id: string },
  input: { name: string; scopes: ApiScopeName[]; expiresInDays: number | null },
  now = new Date(),
): Promise<CreatedApiToken> {
  const live = await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })
  if (live >= MAX_TOKENS_PER_USER) {
    return { ok: false, message: `You have ${MAX_TOKENS_PER_USER} tokens already. Revoke one you no longer use first.` }
  }
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url')
  const scopes: ApiScope[] = [...new Set(input.scopes)].map((name) => API_SCOPES[name].stored)
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000)
  const row = await db.apiToken.create({
    data: {
      userId: user.id,
      name: input.name,
      prefix: token.slice(0, SHOWN_CHARACTERS),
      tokenHash: hashToken(token),
      scopes,
      expiresAt,
    },
    select: { id: true, name: true },
  })
  logEvent('api_token_created', { userId: user.id, tokenId: row.id, scopes: input.scopes })
  return { ok: true, id: row.id, name: row.name, token }
}

/** Revokes one of the person's own tokens; false when they hold no such live token. */
export async function revokeApiToken(user: { id: string }, tokenId: string): Promise<string | null> {
  const token = await db.apiToken.findFirst({
    where: { id: tokenId, userId: user.id, revokedAt: null },
    select: { id: true, name: true },
  })
  if (!token) return null
  await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } })
  logEvent('api_token_revoked', { userId: user.id, tokenId: token.id })
  return token.name
}

// ---------------------------------------------------------------------------------------------
// On each API request

export type TokenCheck =
  | { ok: true; tokenId: string; scopes: ApiScopeName[] }
  /** `tokenId` is set when the token is known (revoked, expired, its owner deactivated): the use is still logged. */
  | { ok: false; tokenId: string | null; message: string }

const BEARER = /^Bearer +(\S{1,200}) *$/i

/** The token the request carries in `Authorization: Bearer …`, checked. Session cookies are never read. */
export async function checkBearerToken(request: Request, now = new Date()): Promise<TokenCheck> {
  const header = request.headers.get('Authorization')
  if (!header) {
    return { ok: false, tokenId: null, message: 'Send a personal API token as `Authorization: Bearer …`.' }
  }
  const token = header.length <= 300 ? BEARER.exec(header)?.[1] : undefined
  if (!token || !TOKEN.test(token)) {
    return {
      ok: false,
      tokenId: null,
      message: 'That is not a Factdesk API token. Copy it again from your account page.',
    }
  }
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, scopes: true, expiresAt: true, revokedAt: true, user: { select: { active: true } } },
  })
  if (!row)
    return { ok: false, tokenId: null, message: 'This token is not known. Make a new one on your account page.' }
  if (row.revokedAt)
    return { ok: false, tokenId: row.id, message: 'This token was revoked. Make a new one on your account page.' }
  if (row.expiresAt && row.expiresAt <= now) {
    return { ok: false, tokenId: row.id, message: 'This token has expired. Make a new one on your account page.' }
  }
  if (!row.user.active)
    return { ok: false, tokenId: row.id, message: 'The account this token belongs to is deactivated.' }
  return { ok: true, tokenId: row.id, scopes: row.scopes.map(scopeNameOf) }
}

export type RateCheck =
  { ok: true; remaining: number; limit: number } | { ok: false; retryAfterSeconds: number; limit: number }

/**
 * Counts the request in the token's current fixed window, in one atomic INSERT … ON CONFLICT, so concurrent
 * requests on any number of app processes are counted exactly. The first request of a window clears the
 * token's older windows.
 */
export async function countRequest(tokenId: string, now = new Date()): Promise<RateCheck> {
  const { API_RATE_LIMIT: limit, API_RATE_WINDOW_SECONDS: seconds } = getEnv()
  const windowMs = seconds * 1000
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  // Passed as text and cast: the column holds UTC wall-clock times, and a zone in the text is ignored.
  const startText = start.toISOString()
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", count) VALUES (${tokenId}, ${startText}::timestamp, 1)
    ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET count = "ApiRateWindow".count + 1
    RETURNING count`
  const count = row?.count ?? 1
  if (count === 1) {
    await db.$executeRaw`DELETE FROM "ApiRateWindow" WHERE "tokenId" = ${tokenId} AND "windowStart" < ${startText}::timestamp`
  }
  if (count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000))
    return { ok: false, retryAfterSeconds, limit }
  }
  return { ok: true, remaining: limit - count, limit }
}

/** Records one request made with the token, and when the token was last used. */
export async function recordTokenUse(use: { tokenId: string; path: string; status: number; used: boolean }) {
  const path = use.path.slice(0, 500)
  await db.$transaction([
    db.apiTokenUse.create({ data: { tokenId: use.tokenId, path, status: use.status } }),
    ...(use.used ? [db.apiToken.update({ where: { id: use.tokenId }, data: { lastUsedAt: new Date() } })] : []),
  ])
}

/** How long each request made with a token is kept. */
export const TOKEN_USE_KEPT_DAYS = 90
/** Forgets requests made with a token more than TOKEN_USE_KEPT_DAYS ago, in batches; returns how many. */
export function forgetOldTokenUses(now = new Date()): Promise<number> {
  // As the UTC wall-clock timestamp Prisma stores DateTime in.
  const cutoff = new Date(now.getTime() - TOKEN_USE_KEPT_DAYS * 24 * 60 * 60 * 1000).toISOString().slice(0, -1)
  return forgetInBatches(
    (limit) => Prisma.sql`
      DELETE FROM "ApiTokenUse" WHERE id IN (
        SELECT id FROM "ApiTokenUse" WHERE "createdAt" < ${cutoff}::timestamp LIMIT ${limit})`,
  )
}
