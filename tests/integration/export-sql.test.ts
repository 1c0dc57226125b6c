// PostgreSQL writes the CSV and JSON records of a download (app/exports/export-sql.server.ts); the pure
// mappers in format.ts say what those records must be. Here both write the same generated claims (every
// character class that CSV quoting, formula defusing or JSON escaping treats specially, any verdict,
// dates across years 1000–9999, sources in any order) and the files must be the same bytes.
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { RouterContextProvider } from 'react-router'
import { claimUrl } from '~/exports/exports.server'
import {
  csvChunks,
  jsonArrayChunks,
  toClaimReview,
  toJsonRecord,
  type ExportClaim,
  type ExportSource,
} from '~/exports/format'
import { Verdict } from '~/generated/prisma/enums'
import * as claimReviewRoute from '~/routes/exports/claimreview[.]jsonld'
import * as csvRoute from '~/routes/exports/claims[.]csv'
import * as jsonRoute from '~/routes/exports/claims[.]json'
import { getSettings, updateSettings } from '~/settings/settings.server'
import { db } from '~/utils/db.server'
import { buildRequest } from '../helpers/route'
import { createUsers } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>

beforeAll(async () => {
  users = await createUsers()
  await updateSettings(users.admin, {
    organizationName: 'Desk "Перевірка", Co',
    organizationUrl: 'https://desk.example/about',
    urlImportAllowList: [],
  })
})

// Characters each format treats specially, plus any code point PostgreSQL text can hold (not NUL, no lone surrogates).
const SPECIAL = ['=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', "'", '\\', '/', ' ', '(', ')']
const AWKWARD = ['\u0001', '\b', '\f', '\u001f', '\u007f', '\u2028', '\u2029', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']
const WORDS = ['Київ', 'أوكرانيا', '😀', '🇺🇦', 'é', 'ß', '</script>', '&amp;']
const codePoint = fc
  .integer({ min: 1, max: 0x10ffff })
  .filter((cp) => cp < 0xd800 || cp > 0xdfff)
  .map((cp) => String.fromCodePoint(cp))
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD, ...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcXYZ019') },
  { weight: 2, arbitrary: codePoint },
)
const text = fc.string({ unit, maxLength: 12 })
const moment = fc.date({
  min: new Date('1000-01-01T00:00:00.000Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
})
const day = moment.map((date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00.000Z`))
const stance = fc.constantFrom('SUPPORTS', 'REFUTES', 'CONTEXT' as const)

const claimArb = fc.record({
  quote: text,
  text,
  claimant: text,
  rationale: text,
  tags: fc.array(text, { maxLength: 3 }),
  claimDate: fc.option(day, { nil: null }),
  approved: fc.boolean(),
  verdict: fc.option(fc.constantFrom(...Object.values(Verdict)), { nil: null }),
  approvedAt: moment,
  createdAt: fc.constantFrom(new Date('2026-01-01T00:00:00.000Z'), new Date('2026-01-02T00:00:00.000Z')),
  sources: fc.uniqueArray(fc.record({ index: fc.nat(3), stance, tie: fc.boolean() }), {
    maxLength: 3,
    selector: (source) => source.index,
  }),
})

const deskArb = fc.record({
  article: fc.record({
    title: text,
    url: fc.option(text, { nil: null }),
    outlet: text,
    author: text,
    publishedAt: fc.option(moment, { nil: null }),
  }),
  approverName: text,
  sources: fc.array(fc.record({ title: text, publisher: text, path: text }), { minLength: 4, maxLength: 4 }),
  claims: fc.array(claimArb, { minLength: 0, maxLength: 8 }),
})

type Desk = typeof deskArb extends fc.Arbitrary<infer T> ? T : never

let run = 0

/** Writes the generated desk; returns the article's id. */
async function store(desk: Desk): Promise<string> {
  run++
  const approver = await db.user.create({
    data: { email: `approver-${run}@factdesk.test`, name: desk.approverName, role: 'EDITOR' },
  })
  const article = await db.article.create({ data: { ...desk.article, body: 'Body.', createdById: users.reporter.id } })
  const sources: Array<{ id: string }> = []
  for (const [index, source] of desk.sources.entries()) {
    sources.push(
      await db.source.create({
        data: {
          title: source.title,
          publisher: source.publisher,
          url: `https://s.example/${run}/${index}/${source.path}`,
        },
      }),
    )
  }
  await db.claim.createMany({
    data: desk.claims.map((claim, index) => ({
      id: `gen-${run}-${String(index).padStart(2, '0')}`,
      articleId: article.id,
      quote: claim.quote,
      startOffset: 0,
      endOffset: 1,
      text: claim.text,
      claimant: claim.claimant,
      claimDate: claim.claimDate,
      tags: claim.tags,
      status: claim.approved ? 'APPROVED' : 'IN_RESEARCH',
      verdict: claim.verdict,
      rationale: claim.rationale,
      createdById: users.reporter.id,
      approvedById: claim.approved ? approver.id : null,
      approvedAt: claim.approved ? claim.approvedAt : null,
      createdAt: claim.createdAt,
    })),
  })
  await db.claimSource.createMany({
    data: desk.claims.flatMap((claim, index) =>
      claim.sources.map((source) => ({
        claimId: `gen-${run}-${String(index).padStart(2, '0')}`,
        sourceId: sources[source.index]!.id,
        stance: source.stance,
        addedById: users.checker.id,
        // Ties on the time are broken by the source's URL.
        createdAt: new Date(source.tie ? '2026-03-01T00:00:00.000Z' : `2026-03-0${2 + source.index}T00:00:00.000Z`),
      })),
    ),
  })
  return article.id
}

/** The same claims read through Prisma, as the pure mappers take them. */
async function referenceClaims(articleId: string, approvedOnly: boolean): Promise<ExportClaim[]> {
  const rows = await db.claim.findMany({
    where: { articleId, deletedAt: null, ...(approvedOnly ? { status: 'APPROVED', verdict: { not: null } } : {}) },
    orderBy: approvedOnly ? [{ approvedAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'asc' }, { id: 'asc' }],
    include: {
      article: true,
      approvedBy: { select: { name: true } },
      sources: { include: { source: true }, orderBy: [{ createdAt: 'asc' }, { source: { url: 'asc' } }] },
    },
  })
  return rows.map((row) => ({
    id: row.id,
    article: {
      id: row.article.id,
      title: row.article.title,
      url: row.article.url,
      outlet: row.article.outlet,
      author: row.article.author,
      publishedAt: row.article.publishedAt,
    },
    quote: row.quote,
    text: row.text,
    claimant: row.claimant,
    claimDate: row.claimDate,
    tags: row.tags,
    status: row.status,
    verdict: row.verdict,
    rationale: row.rationale,
    sources: row.sources.map((link): ExportSource => ({
      url: link.source.url,
      title: link.source.title,
      publisher: link.source.publisher,
      stance: link.stance,
    })),
    approvedBy: row.approvedBy?.name ?? null,
    approvedAt: row.approvedAt,
  }))
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

async function download(route: { action: unknown }, url: string, form: Record<string, string>): Promise<string> {
  const response = await (route.action as (args: object) => Promise<Response>)({
    request: buildRequest({ method: 'POST', url, user: users.editor, form }),
    params: {},
    context: new RouterContextProvider(),
  })
  expect(response.status).toBe(200)
  return response.text()
}

describe('the files PostgreSQL writes', () => {
  it('are byte for byte what the pure CSV, JSON and ClaimReview mappers write for the same claims', async () => {
    const settings = await getSettings()
    const org = { name: settings.organizationName, url: settings.organizationUrl }
    await fc.assert(
      fc.asyncProperty(deskArb, async (desk) => {
        const article = await store(desk)
        const all = await referenceClaims(article, false)
        expect(await download(csvRoute, '/exports/claims.csv', { scope: 'any', article })).toBe(
          await collect(csvChunks(all, { bom: false })),
        )
        expect(await download(jsonRoute, '/exports/claims.json', { scope: 'any', article })).toBe(
          await collect(jsonArrayChunks(all, toJsonRecord)),
        )
        const approved = await referenceClaims(article, true)
        expect(await download(claimReviewRoute, '/exports/claimreview.jsonld', { article })).toBe(
          await collect(jsonArrayChunks(approved, (claim) => toClaimReview(claim, org, claimUrl(claim.id)))),
        )
      }),
      { numRuns: 40 },
    )
  })
})
