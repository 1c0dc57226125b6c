// The read-only JSON API through real Requests: personal tokens and their scopes, revocation and expiry, the
// rate limit, every use logged, the export's filters, keyset paging, JSON errors, and the OpenAPI document.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import express from 'express'
import type net from 'node:net'
import { Validator } from '@seriousme/openapi-schema-validator'
import { apiEdgeRefusal } from '~/api/http-edge'
import { openApiDocument } from '~/api/openapi'
import {
  apiArticleDetailSchema,
  apiArticlePageSchema,
  apiClaimPageSchema,
  apiClaimSchema,
  apiErrorSchema,
  apiSourcePageSchema,
  type ClaimsQuery,
} from '~/api/schemas'
import { createApiToken, forgetOldTokenUses, TOKEN_USE_KEPT_DAYS } from '~/api/tokens.server'
import type { ApiScopeName } from '~/api/endpoints'
import routes from '~/routes'
import * as articleRoute from '~/routes/api/v1/articles.$articleId'
import * as articlesRoute from '~/routes/api/v1/articles'
import * as claimRoute from '~/routes/api/v1/claims.$claimId'
import * as claimsRoute from '~/routes/api/v1/claims'
import * as notFoundRoute from '~/routes/api/not-found'
import * as openApiRoute from '~/routes/api/v1/openapi[.]json'
import * as sourcesRoute from '~/routes/api/v1/sources'
import * as accountRoute from '~/routes/account'
import { db } from '~/utils/db.server'
import { resetEnvForTests } from '~/utils/env.server'
import { APP_ROUTES } from '../helpers/app-routes'
import { createArticle, createClaim } from '../helpers/claims'
import { callAction, callLoader } from '../helpers/route'
import { createUsers, type TestUser } from '../helpers/users'
import pg from 'pg'
import { listApiClaims } from '~/api/read.server'
import { captureSql } from '../../scripts/bench/timing'
import { listen, refuseApiMisuse, refuseMalformedRequests } from '../../scripts/lib/http-server'

let checker: TestUser
let editor: TestUser
let articleA: { id: string; body: string }
let articleB: { id: string; body: string }
const approvedA: string[] = []
let openClaimId: string
let falseClaimId: string

const BODY_A = Array.from({ length: 8 }, (_, n) => `Sentence ${n} says ${n + 10} people came.`).join(' ')
const BODY_B = 'The mayor said turnout was 71 percent. The river rose by 3 metres.'

async function tokenFor(user: { id: string }, scopes: ApiScopeName[], expiresInDays: number | null = null) {
  const created = await createApiToken(user, { name: `Token ${scopes.join(' ')}`, scopes, expiresInDays })
  if (!created.ok) throw new Error(created.message)
  return created
}

function get(loader: unknown, url: string, token?: string, params: Record<string, string> = {}, cookie?: string) {
  return callLoader(loader, {
    url,
    params,
    cookie,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
}

beforeAll(async () => {
  ;({ checker, editor } = await createUsers())
  articleA = await createArticle(checker, 'Crowd count', BODY_A)
  articleB = await createArticle(checker, 'Turnout', BODY_B)
  for (let n = 0; n < 8; n += 1) {
    approvedA.push(
      await createClaim(articleA, `Sentence ${n} says ${n + 10} people came`, checker, {
        status: 'APPROVED',
        verdict: n % 2 === 0 ? 'TRUE' : 'MOSTLY_TRUE',
        approvedById: editor.id,
        approvedAt: new Date(Date.UTC(2026, 10, 1 + n)),
        tags: n < 3 ? ['crowds'] : [],
      }),
    )
  }
  falseClaimId = await createClaim(articleB, 'The mayor said turnout was 71 percent', checker, {
    claimant: 'The Mayor',
    status: 'APPROVED',
    verdict: 'FALSE',
    approvedById: editor.id,
    approvedAt: new Date(Date.UTC(2026, 10, 20)),
  })
  openClaimId = await createClaim(articleB, 'The river rose by 3 metres', checker, { status: 'IN_RESEARCH' })
  const source = await db.source.create({
    data: { url: 'https://example.org/turnout', title: 'Turnout figures', publisher: 'Electoral board' },
  })
  await db.claimSource.create({
    data: { claimId: falseClaimId, sourceId: source.id, stance: 'REFUTES', addedById: checker.id },
  })
})

afterEach(() => {
  delete process.env.API_RATE_LIMIT
  delete process.env.API_RATE_WINDOW_SECONDS
  resetEnvForTests()
})

describe('GET /api/v1/claims', () => {
  it('lists approved claims by default, with their article, verdict and sources, in the documented shape', async () => {
    const { token } = await tokenFor(checker, ['claims:read'])
    const result = await get(claimsRoute.loader, '/api/v1/claims?limit=100', token)
    expect(result.status).toBe(200)
    const page = apiClaimPageSchema.parse(result.data)
    expect(page.data.map((claim) => claim.id).sort()).toEqual([...approvedA, falseClaimId].sort())
    expect(page.next).toBeNull()
    const turnout = page.data.find((claim) => claim.id === falseClaimId)!
    expect(turnout).toMatchObject({
      article: { id: articleB.id, title: 'Turnout', url: null },
      claimant: 'The Mayor',
      status: 'APPROVED',
      verdict: 'FALSE',
      verdictLabel: 'False',
      ratingValue: 1,
      approvedBy: editor.name,
      approvedAt: '2026-11-20T00:00:00.000Z',
      sources: [
        {
          url: 'https://example.org/turnout',
          title: 'Turnout figures',
          publisher: 'Electoral board',
          stance: 'REFUTES',
        },
      ],
    })
    expect(turnout.url).toMatch(new RegExp(`/claims/${falseClaimId}$`))
    expect(result.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(result.headers.get('Cache-Control')).toBe('no-store')
  })

  it('filters as the export page does: scope, article, verdict, claimant, tag and approval dates', async () => {
    const { token } = await tokenFor(checker, ['claims:read'])
    const ids = async (query: string) => {
      const result = await get(claimsRoute.loader, `/api/v1/claims?limit=100&${query}`, token)
      expect({ query, status: result.status }).toEqual({ query, status: 200 })
      return (result.data as { data: Array<{ id: string }> }).data.map((claim) => claim.id).sort()
    }
    expect(await ids('scope=any')).toEqual([...approvedA, falseClaimId, openClaimId].sort())
    expect(await ids(`scope=any&article=${articleB.id}`)).toEqual([falseClaimId, openClaimId].sort())
    expect(await ids('verdict=FALSE')).toEqual([falseClaimId])
    expect(await ids('verdict=FALSE&verdict=MOSTLY_TRUE')).toEqual(
      [falseClaimId, approvedA[1]!, approvedA[3]!, approvedA[5]!, approvedA[7]!].sort(),
    )
    expect(await ids('claimant=mayor')).toEqual([falseClaimId])
    expect(await ids('tag=Crowds')).toEqual(approvedA.slice(0, 3).sort())
    expect(await ids('from=2026-11-02&to=2026-11-03')).toEqual([approvedA[1]!, approvedA[2]!].sort())
  })

  it('gives only the claims changed at or after updatedSince', async () => {
    const { token } = await tokenFor(checker, ['claims:read'])
    await db.claim.update({ where: { id: approvedA[4]! }, data: { rationale: 'Counted from the aerial photos.' } })
    const { updatedAt } = await db.claim.findUniqueOrThrow({
      where: { id: approvedA[4]! },
      select: { updatedAt: true },
    })
    const result = await get(claimsRoute.loader, `/api/v1/claims?updatedSince=${updatedAt.toISOString()}`, token)
    expect(result.status).toBe(200)
    expect((result.data as { data: Array<{ id: string; rationale: string }> }).data).toEqual([
      expect.objectContaining({ id: approvedA[4], rationale: 'Counted from the aerial photos.' }),
    ])
    // The same instant written with an offset.
    const local = new Date(updatedAt.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00')
    const again = await get(claimsRoute.loader, `/api/v1/claims?updatedSince=${encodeURIComponent(local)}`, token)
    expect((again.data as { data: Array<{ id: string }> }).data.map((claim) => claim.id)).toEqual([approvedA[4]])
  })

  it('walks every claim exactly once, page by page, following the next cursor', async () => {
    const { token } = await tokenFor(checker, ['claims:read'])
    // Several claims changed in the same millisecond: the id breaks the tie.
    await db.$executeRaw`UPDATE "Claim" SET "updatedAt" = '2026-11-30 12:00:00' WHERE id IN (${approvedA[0]!}, ${approvedA[1]!}, ${approvedA[2]!})`
    const seen: string[] = []
    let url = '/api/v1/claims?scope=any&limit=3'
    let pages = 0
    for (;;) {
      const result = await get(claimsRoute.loader, url, token)
      expect(result.status).toBe(200)
      const page = apiClaimPageSchema.parse(result.data)
      expect(page.data.length).toBeLessThanOrEqual(3)
      seen.push(...page.data.map((claim) => claim.id))
      pages += 1
      if (!page.next) break
      url = `/api/v1/claims?scope=any&limit=3&cursor=${encodeURIComponent(page.next)}`
    }
    expect(pages).toBe(4)
    expect(seen).toHaveLength(10)
    expect([...seen].sort()).toEqual([...approvedA, falseClaimId, openClaimId].sort())
  })
})

describe('the claim list’s plan', () => {
  it('walks the index Claim(updatedAt, id) in page order, on the first page and after a cursor', async () => {
    const first: ClaimsQuery = { scope: 'any', verdict: [], limit: 50 }
    const later: ClaimsQuery = { ...first, cursor: `2026-11-30T12:00:00.000Z.${approvedA[0]}` }
    for (const query of [first, later]) {
      const statements = await captureSql(() => listApiClaims(query))
      const statement = statements.find((s) => /FROM "Claim" c\b/.test(s.text))!
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await client.connect()
      try {
        // On ten rows a scan and a sort are cheapest; with both off, the planner still scans and sorts when
        // no index gives the rows in page order, so the plan names the index exactly when it can serve the page.
        await client.query('BEGIN')
        await client.query('SET LOCAL enable_seqscan = off')
        await client.query('SET LOCAL enable_sort = off')
        await client.query('ANALYZE "Claim"')
        const { rows } = await client.query<{ 'QUERY PLAN': string }>({
          text: `EXPLAIN ${statement.text}`,
          values: statement.values as unknown[],
        })
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n')
        expect(plan).toContain('Claim_updatedAt_id_idx')
        expect(plan).not.toMatch(/Sort Key: c\."updatedAt"/)
        await client.query('ROLLBACK')
      } finally {
        await client.end()
      }
    }
  })
})

describe('GET /api/v1/claims/:claimId', () => {
  it('gives one claim in any status, and a JSON 404 for an unknown or deleted one', async () => {
    const { token } = await tokenFor(checker, ['claims:read'])
    const open = await get(claimRoute.loader, `/api/v1/claims/${openClaimId}`, token, { claimId: openClaimId })
    expect(open.status).toBe(200)
    expect(apiClaimSchema.parse(open.data)).toMatchObject({ id: openClaimId, status: 'IN_RESEARCH', verdict: null })
    const missing = await get(claimRoute.loader, '/api/v1/claims/nope', token, { claimId: 'nope' })
    expect(missing.status).toBe(404)
    expect(apiErrorSchema.parse(missing.data).error.code).toBe('not_found')
    await db.claim.update({ where: { id: approvedA[7]! }, data: { deletedAt: new Date() } })
    const deleted = await get(claimRoute.loader, `/api/v1/claims/${approvedA[7]}`, token, { claimId: approvedA[7]! })
    expect(deleted.status).toBe(404)
    await db.claim.update({ where: { id: approvedA[7]! }, data: { deletedAt: null } })
  })
})

describe('GET /api/v1/articles and /api/v1/sources', () => {
  it('lists articles with their credibility score and coverage, one page after another', async () => {
    const { token } = await tokenFor(checker, ['articles:read'])
    const first = await get(articlesRoute.loader, '/api/v1/articles?limit=1', token)
    expect(first.status).toBe(200)
    const one = apiArticlePageSchema.parse(first.data)
    expect(one.data.map((article) => article.id)).toEqual([articleA.id])
    // 4 TRUE (1.0) and 4 MOSTLY_TRUE (0.75): 88 based on 8 of 8 claims.
    expect(one.data[0]!.credibility).toEqual({ score: 88, scoredClaims: 8, totalClaims: 8 })
    expect(one.next).not.toBeNull()
    const second = await get(
      articlesRoute.loader,
      `/api/v1/articles?limit=1&cursor=${encodeURIComponent(one.next!)}`,
      token,
    )
    const two = apiArticlePageSchema.parse(second.data)
    expect(two.data.map((article) => article.id)).toEqual([articleB.id])
    expect(two.data[0]!.credibility).toEqual({ score: 0, scoredClaims: 1, totalClaims: 2 })
    expect(two.next).toBeNull()
  })

  it('gives one article with its text, and a JSON 404 for an unknown one', async () => {
    const { token } = await tokenFor(checker, ['articles:read'])
    const result = await get(articleRoute.loader, `/api/v1/articles/${articleB.id}`, token, { articleId: articleB.id })
    expect(result.status).toBe(200)
    expect(apiArticleDetailSchema.parse(result.data)).toMatchObject({ id: articleB.id, body: BODY_B })
    const missing = await get(articleRoute.loader, '/api/v1/articles/nope', token, { articleId: 'nope' })
    expect(missing.status).toBe(404)
    expect(apiErrorSchema.parse(missing.data).error.code).toBe('not_found')
  })

  it('lists sources by keyset', async () => {
    const { token } = await tokenFor(checker, ['claims:read'])
    await db.source.create({ data: { url: 'https://example.org/river', title: 'River gauge', kind: 'DATASET' } })
    const first = apiSourcePageSchema.parse((await get(sourcesRoute.loader, '/api/v1/sources?limit=1', token)).data)
    expect(first.data.map((source) => source.url)).toEqual(['https://example.org/turnout'])
    const url = `/api/v1/sources?limit=1&cursor=${encodeURIComponent(first.next!)}`
    const second = apiSourcePageSchema.parse((await get(sourcesRoute.loader, url, token)).data)
    expect(second.data).toEqual([expect.objectContaining({ url: 'https://example.org/river', kind: 'DATASET' })])
    expect(second.next).toBeNull()
  })
})

describe('API tokens', () => {
  it('refuse a request without a token, with a session cookie only, or with a token that is not one', async () => {
    for (const [token, cookie] of [
      [undefined, undefined],
      [undefined, checker.cookie],
      ['not-a-token', undefined],
      [`fdk_${'A'.repeat(43)}`, undefined],
    ] as const) {
      const result = await get(claimsRoute.loader, '/api/v1/claims', token, {}, cookie)
      expect(result.status).toBe(401)
      expect(apiErrorSchema.parse(result.data).error.code).toBe('unauthorized')
      expect(result.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    }
  })

  it('read only what their scopes allow: a claims token cannot read articles', async () => {
    const claimsOnly = await tokenFor(checker, ['claims:read'])
    const refused = await get(articlesRoute.loader, '/api/v1/articles', claimsOnly.token)
    expect(refused.status).toBe(403)
    expect(apiErrorSchema.parse(refused.data).error.code).toBe('forbidden_scope')
    const articlesOnly = await tokenFor(checker, ['articles:read'])
    expect((await get(claimsRoute.loader, '/api/v1/claims', articlesOnly.token)).status).toBe(403)
    expect((await get(sourcesRoute.loader, '/api/v1/sources', articlesOnly.token)).status).toBe(403)
    expect((await get(articlesRoute.loader, '/api/v1/articles', articlesOnly.token)).status).toBe(200)
  })

  it('stop working once revoked, once expired, or once their owner is deactivated', async () => {
    const revoked = await tokenFor(checker, ['claims:read'])
    expect((await get(claimsRoute.loader, '/api/v1/claims', revoked.token)).status).toBe(200)
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } })
    const afterRevoke = await get(claimsRoute.loader, '/api/v1/claims', revoked.token)
    expect(afterRevoke.status).toBe(401)
    expect((afterRevoke.data as { error: { message: string } }).error.message).toMatch(/revoked/)

    const expiring = await tokenFor(checker, ['claims:read'], 30)
    expect((await get(claimsRoute.loader, '/api/v1/claims', expiring.token)).status).toBe(200)
    await db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const afterExpiry = await get(claimsRoute.loader, '/api/v1/claims', expiring.token)
    expect(afterExpiry.status).toBe(401)
    expect((afterExpiry.data as { error: { message: string } }).error.message).toMatch(/expired/)

    const { reporter } = await createUsers()
    const owned = await tokenFor(reporter, ['claims:read'])
    await db.user.update({ where: { id: reporter.id }, data: { active: false } })
    expect((await get(claimsRoute.loader, '/api/v1/claims', owned.token)).status).toBe(401)
  })

  it('are stored only as a hash, never in clear', async () => {
    const created = await tokenFor(checker, ['claims:read'])
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })
    expect(created.token).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/)
    expect(JSON.stringify(row)).not.toContain(created.token.slice(10))
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.prefix).toBe(created.token.slice(0, 10))
  })

  it('log every use with its address and status, and when the token was last used', async () => {
    const { id, token } = await tokenFor(checker, ['claims:read'])
    await get(claimsRoute.loader, '/api/v1/claims?limit=2', token)
    await get(articlesRoute.loader, '/api/v1/articles', token)
    await get(claimsRoute.loader, '/api/v1/claims?limit=0', token)
    const uses = await db.apiTokenUse.findMany({ where: { tokenId: id }, orderBy: { id: 'asc' } })
    expect(uses.map((use) => [use.path, use.status])).toEqual([
      ['/api/v1/claims', 200],
      ['/api/v1/articles', 403],
      ['/api/v1/claims', 400],
    ])
    const row = await db.apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })
    expect(row.lastUsedAt).not.toBeNull()
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } })
    await get(claimsRoute.loader, '/api/v1/claims', token)
    expect(await db.apiTokenUse.count({ where: { tokenId: id, status: 401 } })).toBe(1)
  })

  it(`keep the record of uses for ${TOKEN_USE_KEPT_DAYS} days: the daily job forgets older ones`, async () => {
    const { id, token } = await tokenFor(checker, ['claims:read'])
    await get(claimsRoute.loader, '/api/v1/claims?limit=1', token)
    const day = 24 * 60 * 60 * 1000
    const now = new Date()
    await db.apiTokenUse.createMany({
      data: [
        { tokenId: id, path: '/api/v1/claims', status: 200, createdAt: new Date(now.getTime() - 91 * day) },
        { tokenId: id, path: '/api/v1/sources', status: 200, createdAt: new Date(now.getTime() - 89 * day) },
      ],
    })
    expect(await forgetOldTokenUses(now)).toBeGreaterThanOrEqual(1)
    const kept = await db.apiTokenUse.findMany({ where: { tokenId: id }, orderBy: { createdAt: 'asc' } })
    expect(kept.map((use) => use.path)).toEqual(['/api/v1/sources', '/api/v1/claims'])
  })

  it('are rate-limited per window: past API_RATE_LIMIT requests the answer is 429 with Retry-After', async () => {
    process.env.API_RATE_LIMIT = '3'
    // A long window, so the five requests cannot straddle two.
    process.env.API_RATE_WINDOW_SECONDS = '3600'
    resetEnvForTests()
    const { id, token } = await tokenFor(checker, ['claims:read'])
    const other = await tokenFor(checker, ['claims:read'])
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => get(claimsRoute.loader, '/api/v1/claims?limit=1', token)),
    )
    expect(statuses.map((result) => result.status).sort()).toEqual([200, 200, 200, 429, 429])
    const limited = statuses.find((result) => result.status === 429)!
    expect(apiErrorSchema.parse(limited.data).error.code).toBe('rate_limited')
    const retryAfter = Number(limited.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    // Another token has its own count.
    expect((await get(claimsRoute.loader, '/api/v1/claims?limit=1', other.token)).status).toBe(200)
    const windows = await db.apiRateWindow.findMany({ where: { tokenId: id } })
    expect(windows.map((window) => window.count)).toEqual([5])
  })
})

describe('the account page’s API tokens', () => {
  it('make a token shown once, list it without its secret, and revoke it', async () => {
    const made = await callAction(accountRoute.action, {
      url: '/account',
      user: checker,
      form: { intent: 'create-token', name: 'Newsletter script', scopes: ['claims:read'], expiry: '30' },
    })
    expect(made.status).toBe(200)
    const token = (made.data as { created: { token: string } }).created.token
    expect(token).toMatch(/^fdk_/)
    expect(made.headers.get('Cache-Control')).toBe('no-store')
    const page = await callLoader(accountRoute.loader, { url: '/account', user: checker })
    const listed = (page.data as { tokens: Array<{ id: string; name: string; prefix: string; scopes: string[] }> })
      .tokens
    const row = listed.find((item) => item.name === 'Newsletter script')!
    expect(row).toMatchObject({ prefix: token.slice(0, 10), scopes: ['claims:read'] })
    expect(JSON.stringify(page.data)).not.toContain(token)
    expect((await get(claimsRoute.loader, '/api/v1/claims', token)).status).toBe(200)

    // Someone else cannot revoke it.
    const { reporter } = await createUsers()
    const foreign = await callAction(accountRoute.action, {
      url: '/account',
      user: reporter,
      form: { intent: 'revoke-token', tokenId: row.id },
    })
    expect(foreign.status).toBe(404)
    const revoked = await callAction(accountRoute.action, {
      url: '/account',
      user: checker,
      form: { intent: 'revoke-token', tokenId: row.id },
    })
    expect(revoked.status).toBe(302)
    expect((await get(claimsRoute.loader, '/api/v1/claims', token)).status).toBe(401)
  })

  it('refuse a token without a name or a scope, with the reason beside the field', async () => {
    const before = await db.apiToken.count()
    const result = await callAction(accountRoute.action, {
      url: '/account',
      user: checker,
      form: { intent: 'create-token', name: '  ', expiry: 'forever' },
    })
    expect(result.status).toBe(400)
    const errors = (result.data as { tokenResult: { error: Record<string, string[]> } }).tokenResult.error
    expect(Object.keys(errors).sort()).toEqual(['expiry', 'name', 'scopes'])
    expect(await db.apiToken.count()).toBe(before)
  })
})

describe('API errors', () => {
  it('answer a bad query with a JSON 400 naming the problem, never a 500', async () => {
    const { token } = await tokenFor(checker, ['claims:read', 'articles:read'])
    const cases: Array<[unknown, string]> = [
      [claimsRoute.loader, '/api/v1/claims?limit=0'],
      [claimsRoute.loader, '/api/v1/claims?limit=101'],
      [claimsRoute.loader, '/api/v1/claims?limit=ten'],
      [claimsRoute.loader, '/api/v1/claims?limit=1&limit=2'],
      [claimsRoute.loader, '/api/v1/claims?cursor=garbage'],
      [claimsRoute.loader, '/api/v1/claims?cursor=-.abc'],
      [claimsRoute.loader, `/api/v1/claims?cursor=${'x'.repeat(300)}`],
      [claimsRoute.loader, '/api/v1/claims?updatedSince=yesterday'],
      [claimsRoute.loader, '/api/v1/claims?verdict=MAYBE'],
      [claimsRoute.loader, '/api/v1/claims?from=2026-12-02&to=2026-12-01'],
      [claimsRoute.loader, '/api/v1/claims?colour=red'],
      [claimsRoute.loader, `/api/v1/claims?claimant=${'a'.repeat(2100)}`],
      [articlesRoute.loader, '/api/v1/articles?cursor=2026-13-45T00:00:00.000Z.abc'],
      [sourcesRoute.loader, '/api/v1/sources?limit=-1'],
    ]
    for (const [loader, url] of cases) {
      const result = await get(loader, url, token)
      expect({ url, status: result.status, code: (result.data as { error?: { code: string } }).error?.code }).toEqual({
        url,
        status: 400,
        code: 'invalid_query',
      })
    }
    const unknown = await get(claimsRoute.loader, '/api/v1/claims?colour=red', token)
    expect((unknown.data as { error: { message: string } }).error.message).toMatch(/colour/)
  })

  it('answer any other /api address with a JSON 404', async () => {
    const result = await callLoader(notFoundRoute.loader, { url: '/api/v2/claims' })
    expect(result.status).toBe(404)
    expect(apiErrorSchema.parse(result.data).error.code).toBe('not_found')
    expect(routes.some((route) => route.path === 'api/*' && route.file === 'routes/api/not-found.ts')).toBe(true)
    expect(routes.some((route) => route.path === 'api' && route.file === 'routes/api/not-found.ts')).toBe(true)
  })

  it('answer anything but GET and HEAD with a JSON 405, in the app and at the HTTP server', async () => {
    for (const module of [
      claimsRoute,
      claimRoute,
      articlesRoute,
      articleRoute,
      sourcesRoute,
      openApiRoute,
      notFoundRoute,
    ]) {
      const result = await callAction(module.action, { url: '/api/v1/claims', form: {} })
      expect(result.status).toBe(405)
      expect(apiErrorSchema.parse(result.data).error.code).toBe('method_not_allowed')
      expect(result.headers.get('Allow')).toBe('GET, HEAD')
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const refused = apiEdgeRefusal({ method, path: '/api/v1/claims', readable: true })
      expect(refused?.status).toBe(405)
      expect(JSON.parse(refused!.body).error.code).toBe('method_not_allowed')
    }
    expect(apiEdgeRefusal({ method: 'GET', path: '/api/v1/claims', readable: false })?.status).toBe(400)
    expect(apiEdgeRefusal({ method: 'GET', path: '/api/v1/claims', readable: true })).toBeNull()
    expect(apiEdgeRefusal({ method: 'POST', path: '/login', readable: true })).toBeNull()
  })
})

describe('the HTTP server in front of the API', () => {
  it('answers writes and unreadable addresses under /api/ in JSON, before the app sees them', async () => {
    const app = express()
    app.use(refuseApiMisuse)
    app.use(refuseMalformedRequests)
    app.all(/.*/, (_req, res) => {
      res.type('text/plain').send('reached the app')
    })
    const server = await listen(app, 0, '127.0.0.1')
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
    try {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const response = await fetch(`${base}/api/v1/claims`, {
          method,
          body: method === 'OPTIONS' ? undefined : 'x=1',
        })
        expect({ method, status: response.status, type: response.headers.get('Content-Type') }).toEqual({
          method,
          status: 405,
          type: expect.stringMatching(/^application\/json/),
        })
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed')
        expect(response.headers.get('Allow')).toBe('GET, HEAD')
      }
      const broken = await fetch(`${base}/api/v1/claims/%E0%A4%A`)
      expect(broken.status).toBe(400)
      expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_query')
      expect(await (await fetch(`${base}/api/v1/claims`)).text()).toBe('reached the app')
      // Pages keep their own answers.
      expect((await fetch(`${base}/login`, { method: 'PUT' })).headers.get('Content-Type')).toMatch(/^text\/plain/)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('the OpenAPI document', () => {
  it('is served without a token and is a valid OpenAPI 3.1 document', async () => {
    const result = await callLoader(openApiRoute.loader, { url: '/api/v1/openapi.json' })
    expect(result.status).toBe(200)
    expect(result.data).toEqual(JSON.parse(JSON.stringify(openApiDocument())))
    const validator = new Validator()
    const outcome = await validator.validate(result.data as Parameters<Validator['validate']>[0])
    expect(outcome.errors ?? []).toEqual([])
    expect(outcome.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes every /api/v1 route of app/routes.ts, and no other', () => {
    const routed = APP_ROUTES.map((route) => route.path)
      .filter((path) => path.startsWith('/api/v1/'))
      .map((path) => path.replace(/:(\w+)/g, '{$1}'))
      .sort()
    expect(Object.keys(openApiDocument().paths).sort()).toEqual(routed)
  })

  it('documents the query parameters the API reads, generated from its zod schemas', () => {
    const claims = openApiDocument().paths['/api/v1/claims'] as { get: { parameters: Array<{ name: string }> } }
    expect(claims.get.parameters.map((parameter) => parameter.name)).toEqual([
      'scope',
      'article',
      'verdict',
      'claimant',
      'tag',
      'from',
      'to',
      'updatedSince',
      'limit',
      'cursor',
    ])
    const limit = claims.get.parameters.find((parameter) => parameter.name === 'limit') as unknown as { schema: object }
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 })
  })
})
