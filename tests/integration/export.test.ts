// Exporting claims through the routes, with real Requests against a real database: what the files hold
// (every field, through CSV, JSON and ClaimReview parsers), the filters, the count before download, the
// export history, who may export, and that a download streams in batches and stops when cancelled.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'csv-parse/sync'
import { RouterContextProvider } from 'react-router'
import { EXPORT_BATCH_SIZE, observeExportBatches } from '~/exports/cursor.server'
import { claimReviewsForArticle, EXPORTS_PAGE_SIZE } from '~/exports/exports.server'
import { CSV_COLUMNS } from '~/exports/format'
import type { Verdict } from '~/generated/prisma/enums'
import * as rootRoute from '~/root'
import * as exportPage from '~/routes/export'
import * as claimReviewRoute from '~/routes/exports/claimreview[.]jsonld'
import * as csvRoute from '~/routes/exports/claims[.]csv'
import * as jsonRoute from '~/routes/exports/claims[.]json'
import { updateSettings } from '~/settings/settings.server'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { bulkClaimId, insertBulkClaims } from '../helpers/bulk-claims'
import { buildRequest, callAction, callLoader } from '../helpers/route'
import { createUsers, type TestUser } from '../helpers/users'

type Form = Record<string, string | string[]>
type RouteModule = { loader: unknown; action: unknown }

const ROUTES = {
  csv: { module: csvRoute as RouteModule, url: '/exports/claims.csv' },
  json: { module: jsonRoute as RouteModule, url: '/exports/claims.json' },
  claimreview: { module: claimReviewRoute as RouteModule, url: '/exports/claimreview.jsonld' },
} as const
type Kind = keyof typeof ROUTES

const ORG = { organizationName: 'Перевірка фактів, "Desk" & Co', organizationUrl: 'https://factcheck.example.org' }

let users: Awaited<ReturnType<typeof createUsers>>
let articleA: { id: string; title: string; url: string }
let articleB: { id: string; title: string; url: null }
let editorName: string

type Fixture = {
  id: string
  article: 'A' | 'B'
  quote: string
  text: string
  claimant: string
  claimDate?: string
  tags: string[]
  status: 'APPROVED' | 'IN_RESEARCH' | 'NEEDS_REVIEW'
  verdict: Verdict | null
  rationale: string
  approvedAt?: string
  deleted?: boolean
  sources?: Array<{ key: 'gov' | 'ngo'; stance: 'SUPPORTS' | 'REFUTES' | 'CONTEXT' }>
}

const SOURCES = {
  gov: { url: 'https://gov.example/statement?id=1,2', title: 'Statement, "official"', publisher: 'Government' },
  ngo: { url: 'https://ngo.example/report', title: 'Звіт 📄', publisher: 'منظمة' },
}

// Approved claims carrying every awkward thing a cell can hold, plus claims that must stay out.
const FIXTURES: Fixture[] = [
  {
    id: 'fx-comma',
    article: 'A',
    quote: 'prisoners, soldiers, and civilians',
    text: 'He said "all fronts", twice',
    claimant: 'Volodymyr Zelenskiy',
    claimDate: '2026-01-05',
    tags: ['prisoners', 'diplomacy'],
    status: 'APPROVED',
    verdict: 'MOSTLY_TRUE',
    rationale: 'Lists put it at "about 1,200", close to independent counts.',
    approvedAt: '2026-01-10T12:00:00.000Z',
    sources: [
      { key: 'gov', stance: 'SUPPORTS' },
      { key: 'ngo', stance: 'CONTEXT' },
    ],
  },
  {
    id: 'fx-newline',
    article: 'A',
    quote: 'First line\nsecond line',
    text: 'A claim over\r\ntwo lines',
    claimant: 'Russian Defence Ministry',
    tags: ['diplomacy'],
    status: 'APPROVED',
    verdict: 'FALSE',
    rationale: 'First line.\nSecond line.\r\nThird line.\rFourth.',
    approvedAt: '2026-02-15T23:59:59.999Z',
    sources: [{ key: 'ngo', stance: 'REFUTES' }],
  },
  {
    id: 'fx-formula',
    article: 'A',
    quote: '=HYPERLINK("http://evil.example","click")',
    text: '+380 is the dialling code',
    claimant: '-anonymous',
    tags: ['formula'],
    status: 'APPROVED',
    verdict: 'UNPROVEN',
    rationale: '@mention the desk',
    approvedAt: '2026-03-01T00:00:00.000Z',
  },
  {
    id: 'fx-control',
    article: 'A',
    quote: '\tTabbed at the start',
    text: '\rCarriage return first',
    claimant: '',
    tags: [],
    status: 'APPROVED',
    verdict: 'NOT_A_CLAIM',
    rationale: '',
    approvedAt: '2026-03-02T09:30:00.000Z',
  },
  {
    id: 'fx-unicode',
    article: 'B',
    quote: 'Україна розпочала термінові дипломатичні зусилля',
    text: 'أوكرانيا تسعى للإفراج عن 1200 أسير 🇺🇦',
    claimant: 'Рустем Умєров',
    claimDate: '2026-03-04',
    tags: ['обмін', 'prisoners'],
    status: 'APPROVED',
    verdict: 'TRUE',
    rationale: 'Confirmed 🇺🇦 ✅ — see sources 📄',
    approvedAt: '2026-03-05T08:00:00.000Z',
    sources: [{ key: 'gov', stance: 'SUPPORTS' }],
  },
  {
    id: 'fx-research',
    article: 'A',
    quote: 'In research',
    text: 'Still in research',
    claimant: 'Rustem Umerov',
    tags: ['prisoners'],
    status: 'IN_RESEARCH',
    verdict: null,
    rationale: '',
  },
  {
    id: 'fx-review',
    article: 'B',
    quote: 'Under review',
    text: 'Waiting for an editor',
    claimant: 'Kremlin',
    tags: [],
    status: 'NEEDS_REVIEW',
    verdict: 'HALF_TRUE',
    rationale: 'Proposed.',
  },
  {
    id: 'fx-deleted',
    article: 'A',
    quote: 'Deleted',
    text: 'A deleted approved claim',
    claimant: 'Nobody',
    tags: ['prisoners'],
    status: 'APPROVED',
    verdict: 'TRUE',
    rationale: 'Gone.',
    approvedAt: '2026-01-20T00:00:00.000Z',
    deleted: true,
  },
]

const APPROVED = FIXTURES.filter((fixture) => fixture.status === 'APPROVED' && !fixture.deleted)
const byId = (id: string) => FIXTURES.find((fixture) => fixture.id === id)!

beforeAll(async () => {
  users = await createUsers()
  editorName = users.editor.name
  await updateSettings(users.admin, { ...ORG, urlImportAllowList: [] })
  const a = await db.article.create({
    data: {
      title: 'Обмін полоненими: Київ, "1,200" and more',
      url: 'https://news.example/world/exchange',
      outlet: 'Wire',
      body: 'Body.',
      createdById: users.reporter.id,
    },
  })
  const b = await db.article.create({
    data: { title: 'Second article', body: 'Body.', createdById: users.reporter.id },
  })
  articleA = { id: a.id, title: a.title, url: a.url! }
  articleB = { id: b.id, title: b.title, url: null }
  const sourceIds: Record<string, string> = {}
  for (const [key, source] of Object.entries(SOURCES)) sourceIds[key] = (await db.source.create({ data: source })).id
  for (const fixture of FIXTURES) {
    await db.claim.create({
      data: {
        id: fixture.id,
        articleId: fixture.article === 'A' ? articleA.id : articleB.id,
        quote: fixture.quote,
        startOffset: 0,
        endOffset: 5,
        text: fixture.text,
        claimant: fixture.claimant,
        claimDate: fixture.claimDate ? new Date(`${fixture.claimDate}T00:00:00Z`) : null,
        tags: fixture.tags,
        status: fixture.status,
        verdict: fixture.verdict,
        rationale: fixture.rationale,
        createdById: users.reporter.id,
        proposedById: fixture.verdict ? users.checker.id : null,
        approvedById: fixture.approvedAt ? users.editor.id : null,
        approvedAt: fixture.approvedAt ? new Date(fixture.approvedAt) : null,
        deletedAt: fixture.deleted ? new Date() : null,
        sources: {
          create: (fixture.sources ?? []).map((source, index) => ({
            sourceId: sourceIds[source.key]!,
            stance: source.stance,
            addedById: users.checker.id,
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
          })),
        },
      },
    })
  }
})

function actionRequest(kind: Kind, user: { cookie: string }, form: Form = {}, headers?: Record<string, string>) {
  return buildRequest({ method: 'POST', url: ROUTES[kind].url, user, form, headers })
}

/** Posts the download form and returns the streamed Response, as the browser would receive it. */
async function download(kind: Kind, form: Form = {}, user: TestUser = users.editor): Promise<Response> {
  const action = ROUTES[kind].module.action as (args: object) => Promise<Response>
  const response = await action({
    request: actionRequest(kind, user, form),
    params: {},
    context: new RouterContextProvider(),
  })
  expect(response).toBeInstanceOf(Response)
  return response
}

async function jsonRecords(form: Form = {}) {
  const response = await download('json', form)
  expect(response.status).toBe(200)
  return JSON.parse(await response.text()) as Array<Record<string, any>>
}

async function claimReviews(form: Form = {}) {
  const response = await download('claimreview', form)
  expect(response.status).toBe(200)
  return JSON.parse(await response.text()) as Array<Record<string, any>>
}

const exportCount = () => db.export.count()

// Formula-looking cells are prefixed with ' in CSV only; JSON and JSON-LD carry the text as it is.
const defused = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

const LABELS: Record<Verdict, string> = {
  TRUE: 'True',
  MOSTLY_TRUE: 'Mostly true',
  HALF_TRUE: 'Half true',
  MISLEADING: 'Misleading',
  MOSTLY_FALSE: 'Mostly false',
  FALSE: 'False',
  UNPROVEN: 'Unproven',
  NOT_A_CLAIM: 'Not a factual claim',
}
const RATINGS: Partial<Record<Verdict, number>> = {
  TRUE: 5,
  MOSTLY_TRUE: 4,
  HALF_TRUE: 3,
  MISLEADING: 2,
  MOSTLY_FALSE: 2,
  FALSE: 1,
}

function articleOf(fixture: Fixture) {
  return fixture.article === 'A' ? articleA : articleB
}

describe('the files', () => {
  it('CSV: a header, then one record per approved claim in approval order, every cell intact and formula-defused', async () => {
    const response = await download('csv')
    expect(response.headers.get('Content-Type')).toMatch(/^text\/csv; charset=utf-8/)
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="factdesk-claims-\d{4}-\d\d-\d\d\.csv"$/,
    )
    const text = await response.text()
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
    const [header] = parse(text) as string[][]
    expect(header).toEqual([...CSV_COLUMNS])
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>
    expect(rows.map((row) => row.claim_text)).toEqual(APPROVED.map((fixture) => defused(fixture.text)))
    for (const [index, fixture] of APPROVED.entries()) {
      const article = articleOf(fixture)
      expect(rows[index]).toEqual({
        article_title: article.title,
        article_url: article.url ?? '',
        quote: defused(fixture.quote),
        claim_text: defused(fixture.text),
        claimant: defused(fixture.claimant),
        claim_date: fixture.claimDate ?? '',
        verdict: LABELS[fixture.verdict!],
        rating_value: RATINGS[fixture.verdict!] ? String(RATINGS[fixture.verdict!]) : '',
        rationale: defused(fixture.rationale),
        sources: (fixture.sources ?? [])
          .map((source) => `${SOURCES[source.key].url} (${source.stance.toLowerCase()})`)
          .join('; '),
        approved_by: editorName,
        approved_at: fixture.approvedAt,
      })
    }
    // Spot checks in plain words, so a mistake in the expectations above cannot hide one in the file.
    const formula = rows.find((row) => row.claim_text === "'+380 is the dialling code")!
    expect(formula.quote).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(formula.claimant).toBe("'-anonymous")
    expect(formula.rationale).toBe("'@mention the desk")
    expect(rows.find((row) => row.quote === "'\tTabbed at the start")!.claim_text).toBe("'\rCarriage return first")
    expect(rows.find((row) => row.claimant === 'Рустем Умєров')!.claim_text).toBe(
      'أوكرانيا تسعى للإفراج عن 1200 أسير 🇺🇦',
    )
    expect(rows.find((row) => row.claimant === 'Russian Defence Ministry')!.rationale).toBe(
      'First line.\nSecond line.\r\nThird line.\rFourth.',
    )
  })

  it('CSV for Excel starts with a UTF-8 byte-order mark and is otherwise the same file', async () => {
    const plain = new Uint8Array(await (await download('csv')).arrayBuffer())
    const withBom = new Uint8Array(await (await download('csv', { bom: 'on' })).arrayBuffer())
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect([...plain.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf])
    expect(Buffer.from(withBom.subarray(3)).equals(Buffer.from(plain))).toBe(true)
    const rows = parse(Buffer.from(withBom).toString('utf8'), { columns: true, bom: true }) as Array<
      Record<string, string>
    >
    expect(Object.keys(rows[0]!)[0]).toBe('article_title')
    expect(rows).toHaveLength(APPROVED.length)
  })

  it('JSON: an array of claims with every field exactly as stored, nothing defused', async () => {
    const response = await download('json')
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/filename="factdesk-claims-\d{4}-\d\d-\d\d\.json"$/)
    const records = JSON.parse(await response.text()) as Array<Record<string, any>>
    expect(records.map((record) => record.id)).toEqual(APPROVED.map((fixture) => fixture.id))
    for (const [index, fixture] of APPROVED.entries()) {
      const article = articleOf(fixture)
      expect(records[index]).toEqual({
        id: fixture.id,
        article: {
          id: article.id,
          title: article.title,
          url: article.url,
          outlet: fixture.article === 'A' ? 'Wire' : '',
          publishedAt: null,
        },
        quote: fixture.quote,
        text: fixture.text,
        claimant: fixture.claimant,
        claimDate: fixture.claimDate ?? null,
        tags: fixture.tags,
        status: 'APPROVED',
        verdict: fixture.verdict,
        verdictLabel: LABELS[fixture.verdict!],
        ratingValue: RATINGS[fixture.verdict!] ?? null,
        rationale: fixture.rationale,
        sources: (fixture.sources ?? []).map((source) => ({ ...SOURCES[source.key], stance: source.stance })),
        approvedBy: editorName,
        approvedAt: fixture.approvedAt,
      })
    }
  })

  it('ClaimReview: one review per approved claim with the settings’ organization as author and the claim’s page as url', async () => {
    const response = await download('claimreview')
    expect(response.headers.get('Content-Type')).toBe('application/ld+json; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      /filename="factdesk-claimreview-\d{4}-\d\d-\d\d\.jsonld"$/,
    )
    const reviews = JSON.parse(await response.text()) as Array<Record<string, any>>
    expect(reviews).toHaveLength(APPROVED.length)
    const origin = getEnv().APP_ORIGIN.replace(/\/$/, '')
    for (const [index, fixture] of APPROVED.entries()) {
      const review = reviews[index]!
      const article = articleOf(fixture)
      expect(review['@context']).toBe('https://schema.org')
      expect(review['@type']).toBe('ClaimReview')
      expect(review.url).toBe(`${origin}/claims/${fixture.id}`)
      expect(review.claimReviewed).toBe(fixture.text)
      expect(review.datePublished).toBe(fixture.approvedAt!.slice(0, 10))
      expect(review.author).toEqual({ '@type': 'Organization', name: ORG.organizationName, url: ORG.organizationUrl })
      const rating = RATINGS[fixture.verdict!]
      expect(review.reviewRating).toEqual(
        rating
          ? {
              '@type': 'Rating',
              alternateName: LABELS[fixture.verdict!],
              ratingValue: rating,
              bestRating: 5,
              worstRating: 1,
            }
          : { '@type': 'Rating', alternateName: LABELS[fixture.verdict!] },
      )
      expect(review.itemReviewed['@type']).toBe('Claim')
      expect(review.itemReviewed.appearance).toEqual({
        '@type': 'CreativeWork',
        headline: article.title,
        ...(article.url ? { url: article.url } : {}),
      })
      // No claimant: the article's outlet stands in (article A is Wire's; article B names nobody).
      if (fixture.claimant) expect(review.itemReviewed.author.name).toBe(fixture.claimant)
      else if (fixture.article === 'A')
        expect(review.itemReviewed.author).toMatchObject({ '@type': 'Organization', name: 'Wire' })
      else expect(review.itemReviewed).not.toHaveProperty('author')
      if (fixture.claimDate) expect(review.itemReviewed.datePublished).toBe(fixture.claimDate)
      else expect(review.itemReviewed).not.toHaveProperty('datePublished')
    }
    expect(reviews.find((review) => review.url.endsWith('/fx-newline'))!.itemReviewed.author['@type']).toBe(
      'Organization',
    )
    expect(reviews.find((review) => review.url.endsWith('/fx-comma'))!.itemReviewed.author['@type']).toBe('Person')
  })

  it('ClaimReview never publishes a claim without an approved verdict, even when asked for any status', async () => {
    const reviews = await claimReviews({ scope: 'any' })
    expect(reviews.map((review) => review.url.split('/').pop())).toEqual(APPROVED.map((fixture) => fixture.id))
  })

  it('gives the article’s ClaimReview JSON-LD as a script element to paste', async () => {
    const snippet = await claimReviewsForArticle(articleB.id)
    expect(snippet.count).toBe(1)
    expect(snippet.html.startsWith('<script type="application/ld+json">')).toBe(true)
    const reviews = JSON.parse(snippet.html.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))
    expect(reviews).toHaveLength(1)
    expect(reviews[0].claimReviewed).toBe(byId('fx-unicode').text)
    expect(reviews[0].author.name).toBe(ORG.organizationName)
    // The organisation name holds "&": written as \u0026, so the HTML of the page cannot be disturbed.
    expect(snippet.html).not.toContain('&')
    expect((await claimReviewsForArticle(articleA.id)).count).toBe(4)
  })
})

describe('the filters', () => {
  const ids = async (form: Form) => (await jsonRecords(form)).map((record) => record.id as string)

  it('narrows by verdict, several at once', async () => {
    expect(await ids({ verdict: ['FALSE', 'TRUE'] })).toEqual(['fx-newline', 'fx-unicode'])
    expect(await ids({ verdict: 'UNPROVEN' })).toEqual(['fx-formula'])
  })

  it('narrows by tag, matched exactly', async () => {
    expect(await ids({ tag: 'prisoners' })).toEqual(['fx-comma', 'fx-unicode'])
    expect(await ids({ tag: 'обмін' })).toEqual(['fx-unicode'])
    expect(await ids({ tag: 'prison' })).toEqual([])
  })

  it('narrows by tag whatever case and spacing it is typed in, as tags are stored lower-case', async () => {
    expect(await ids({ tag: 'Prisoners' })).toEqual(['fx-comma', 'fx-unicode'])
    expect(await ids({ tag: ' ОБМІН ' })).toEqual(['fx-unicode'])
  })

  it('narrows by claimant, anywhere in the name and ignoring case; % and _ are plain characters', async () => {
    expect(await ids({ claimant: 'zelensk' })).toEqual(['fx-comma'])
    expect(await ids({ claimant: 'УМЄРОВ' })).toEqual(['fx-unicode'])
    expect(await ids({ claimant: '%' })).toEqual([])
    expect(await ids({ claimant: '_' })).toEqual([])
  })

  it('narrows by article', async () => {
    expect(await ids({ article: articleB.id })).toEqual(['fx-unicode'])
  })

  it('narrows by approval date, both days included (UTC)', async () => {
    expect(await ids({ from: '2026-02-15', to: '2026-03-01' })).toEqual(['fx-newline', 'fx-formula'])
    expect(await ids({ from: '2026-03-02' })).toEqual(['fx-control', 'fx-unicode'])
    expect(await ids({ to: '2026-01-10' })).toEqual(['fx-comma'])
  })

  it('includes claims in any status when asked, never deleted ones', async () => {
    const all = await ids({ scope: 'any' })
    expect(new Set(all)).toEqual(new Set(FIXTURES.filter((fixture) => !fixture.deleted).map((fixture) => fixture.id)))
    expect(await ids({ scope: 'any', article: articleB.id, verdict: 'HALF_TRUE' })).toEqual(['fx-review'])
    expect(await ids({ scope: 'any', tag: 'prisoners', claimant: 'umerov' })).toEqual(['fx-research'])
  })

  it('refuses filters that make no sense with 400, records nothing', async () => {
    const before = await exportCount()
    for (const [kind, form] of [
      ['csv', { from: '2026-03-01', to: '2026-02-01' }],
      ['json', { verdict: 'PROBABLY' }],
      ['claimreview', { from: 'yesterday' }],
      ['csv', { scope: 'everything' }],
      ['json', { article: 'no-such-article' }],
    ] as Array<[Kind, Form]>) {
      const response = await download(kind, form)
      expect({ kind, form, status: response.status }).toEqual({ kind, form, status: 400 })
      expect(await response.text()).toMatch(/export was not started|no such article/)
    }
    expect(await exportCount()).toBe(before)
  })
})

describe('the export page', () => {
  async function page(search: string, user: TestUser = users.editor) {
    return callLoader(exportPage.loader, { url: `/export${search}`, user })
  }

  it('counts the approved claims by default, as CSV', async () => {
    const result = await page('')
    expect(result.status).toBe(200)
    expect(result.data.selection).toMatchObject({
      count: APPROVED.length,
      action: '/exports/claims.csv',
      formatLabel: 'CSV',
      description: 'All approved claims',
    })
  })

  it('counts a tag typed with capitals as the claims that carry it', async () => {
    const result = await page('?tag=Prisoners')
    expect(result.data.selection).toMatchObject({ count: 2, description: 'Approved claims, tagged “prisoners”' })
  })

  it('opens with the choices the summary describes ticked: approved claims, as CSV', async () => {
    const { data } = await page('')
    // What the form shows comes from this reply, ahead of the form's own defaults.
    expect(data.result.initialValue).toMatchObject({ scope: 'approved', format: 'csv' })
    const json = await page('?format=json&scope=any')
    expect(json.data.result.initialValue).toMatchObject({ scope: 'any', format: 'json' })
    expect(json.data.selection).toMatchObject({ formatLabel: 'JSON', description: 'All claims in any status' })
  })

  it('shows, before download, exactly the number of claims the download then holds', async () => {
    const searches = [
      '',
      '?scope=any',
      '?format=csv-bom&verdict=TRUE&verdict=FALSE',
      `?format=json&scope=any&article=${articleA.id}`,
      '?format=claimreview&scope=any',
      '?tag=prisoners&claimant=ZEL',
      '?tag=PRISONERS',
      '?from=2026-02-15&to=2026-03-01&format=json',
      '?claimant=nobody-by-this-name',
    ]
    for (const search of searches) {
      const { data } = await page(search)
      const selection = data.selection as { count: number; action: string; fields: Array<[string, string]> }
      const form = new FormData()
      for (const [name, value] of selection.fields) form.append(name, value)
      const kind = (Object.keys(ROUTES) as Kind[]).find((key) => ROUTES[key].url === selection.action)!
      const response = await download(
        kind,
        Object.fromEntries([...form.keys()].map((key) => [key, form.getAll(key) as string[]])),
      )
      const body = await response.text()
      const rows =
        kind === 'csv' ? (parse(body, { columns: true, bom: true }) as unknown[]).length : JSON.parse(body).length
      expect({ search, count: selection.count }).toEqual({ search, count: rows })
      expect(response.headers.get('X-Export-Row-Count')).toBe(String(rows))
    }
  })

  it('says which filter is wrong, with 400, and shows no count', async () => {
    const result = await page('?from=2026-03-01&to=2026-01-01')
    expect(result.status).toBe(400)
    expect(result.data.selection).toBeNull()
    expect(result.data.result.error.to).toEqual(['The end date is before the start date.'])
    const format = await page('?format=xml&from=someday')
    expect(format.status).toBe(400)
    expect(format.data.result.error.format).toEqual(['Choose a format.'])
    expect(format.data.result.error.from).toEqual(['Enter a date as YYYY-MM-DD.'])
    const unknownArticle = await page('?article=no-such-article')
    expect(unknownArticle.status).toBe(400)
    expect(unknownArticle.data.result.error.article[0]).toMatch(/no article with this id/)
  })

  it('offers the most recent articles, narrows them by search, and keeps the chosen one', async () => {
    const all = await page('')
    expect(all.data.articles.articles.map((article: { id: string }) => article.id)).toEqual(
      expect.arrayContaining([articleA.id, articleB.id]),
    )
    const searched = await page(`?articleSearch=second&article=${articleA.id}`)
    expect(searched.data.articles.articles.map((article: { id: string }) => article.id)).toEqual([
      articleA.id,
      articleB.id,
    ])
    expect(searched.data.selection.description).toBe(`Approved claims, in “${articleA.title}”`)
  })

  it('is for editors and admins only', async () => {
    for (const user of [users.reporter, users.checker]) expect((await page('', user)).status).toBe(403)
    expect((await page('', users.admin)).status).toBe(200)
  })
})

describe('the export history', () => {
  it('records who exported what, in which format, with the filters and the row count', async () => {
    await db.export.deleteMany()
    await download('csv', { verdict: ['TRUE', 'FALSE'], bom: 'on' })
    await download('claimreview', { article: articleA.id }, users.admin)
    const rows = await db.export.findMany({ orderBy: { createdAt: 'asc' } })
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      userId: users.editor.id,
      format: 'CSV',
      rowCount: 2,
      filters: {
        scope: 'approved',
        verdicts: ['TRUE', 'FALSE'],
        articleId: null,
        claimant: null,
        tag: null,
        approvedFrom: null,
        approvedTo: null,
        bom: true,
      },
    })
    expect(rows[1]).toMatchObject({
      userId: users.admin.id,
      format: 'CLAIMREVIEW',
      rowCount: 4,
      filters: { articleId: articleA.id, articleTitle: articleA.title },
    })
    const { data } = await callLoader(exportPage.loader, { url: '/export', user: users.editor })
    expect(
      data.history.items.map((item: Record<string, unknown>) => [
        item.who,
        item.format,
        item.description,
        item.rowCount,
      ]),
    ).toEqual([
      [users.admin.name, 'ClaimReview JSON-LD', `Approved claims with a verdict, in “${articleA.title}”`, 4],
      [editorName, 'CSV for Excel', 'Approved claims, rated True or False', 2],
    ])
  })

  it('lists past exports newest first, a page at a time', async () => {
    await db.export.deleteMany()
    const start = Date.UTC(2026, 10, 1)
    await db.export.createMany({
      data: Array.from({ length: EXPORTS_PAGE_SIZE + 5 }, (_, i) => ({
        userId: users.editor.id,
        format: 'JSON' as const,
        filters: { scope: 'any', verdicts: [], tag: `t${i}` },
        rowCount: i,
        // Pairs share a timestamp, so the page boundary must break ties by id.
        createdAt: new Date(start + Math.floor(i / 2) * 60_000),
      })),
    })
    const first = await callLoader(exportPage.loader, { url: '/export', user: users.editor })
    const firstCounts = first.data.history.items.map((item: { rowCount: number }) => item.rowCount)
    expect(firstCounts).toHaveLength(EXPORTS_PAGE_SIZE)
    expect(first.data.history.items[0].description).toBe(`Claims in any status, tagged “t${firstCounts[0]}”`)
    const cursor = first.data.history.nextBefore as string
    expect(cursor).toBeTruthy()
    const second = await callLoader(exportPage.loader, {
      url: `/export?exportsBefore=${encodeURIComponent(cursor)}`,
      user: users.editor,
    })
    const secondCounts = second.data.history.items.map((item: { rowCount: number }) => item.rowCount)
    expect(second.data.history.nextBefore).toBeNull()
    expect(second.data.history.isFirstPage).toBe(false)
    const all = [...firstCounts, ...secondCounts]
    expect(new Set(all).size).toBe(EXPORTS_PAGE_SIZE + 5)
    // Newest first: the later timestamp (larger i / 2) comes first.
    const times = all.map((i: number) => Math.floor(i / 2))
    expect(times).toEqual([...times].sort((x, y) => y - x))
  })
})

describe('who may export', () => {
  it('refuses reporters and fact-checkers with 403 on every export route, and records nothing', async () => {
    const before = await exportCount()
    for (const user of [users.reporter, users.checker]) {
      for (const kind of Object.keys(ROUTES) as Kind[]) {
        const { module, url } = ROUTES[kind]
        const get = await callLoader(module.loader, { url, user })
        const post = await callAction(module.action, { url, user, form: {} })
        expect({ kind, role: user.role, get: get.status, post: post.status }).toEqual({
          kind,
          role: user.role,
          get: 403,
          post: 403,
        })
      }
    }
    expect(await exportCount()).toBe(before)
  })

  it('sends a GET of a download address to the export page with the same choices, recording nothing', async () => {
    const before = await exportCount()
    const result = await callLoader(csvRoute.loader, {
      url: '/exports/claims.csv?verdict=TRUE&bom=on',
      user: users.editor,
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe('/export?verdict=TRUE&format=csv-bom')
    const jsonLd = await callLoader(claimReviewRoute.loader, { url: '/exports/claimreview.jsonld', user: users.admin })
    expect(jsonLd.location).toBe('/export?format=claimreview')
    expect(await exportCount()).toBe(before)
  })

  it('refuses a download posted from another site before it runs, so no export is recorded', async () => {
    const before = await exportCount()
    const [guard] = rootRoute.middleware as Array<(args: object, next: () => Promise<unknown>) => Promise<unknown>>
    let actionRan = false
    const request = actionRequest('csv', users.editor, {}, { Origin: 'https://evil.example' })
    const outcome = await guard!({ request, params: {}, context: new RouterContextProvider() }, async () => {
      actionRan = true
      return (csvRoute.action as (args: object) => Promise<Response>)({
        request,
        params: {},
        context: new RouterContextProvider(),
      })
    }).catch((error: unknown) => error)
    expect(outcome).toMatchObject({ init: { status: 403 } })
    expect(actionRan).toBe(false)
    expect(await exportCount()).toBe(before)

    // The same post from the app's own page goes through.
    const sameSite = actionRequest('csv', users.editor, {})
    const response = (await guard!({ request: sameSite, params: {}, context: new RouterContextProvider() }, () =>
      (csvRoute.action as (args: object) => Promise<Response>)({
        request: sameSite,
        params: {},
        context: new RouterContextProvider(),
      }),
    )) as Response
    expect(response.status).toBe(200)
    await response.body?.cancel()
    expect(await exportCount()).toBe(before + 1)
  })
})

describe('streaming a large export', () => {
  const BULK = 3000
  let bulkArticle: string
  let stopObserving: (() => void) | undefined
  afterEach(() => stopObserving?.())

  beforeAll(async () => {
    bulkArticle = (
      await db.article.create({ data: { title: 'Bulk', body: 'Bulk body.', createdById: users.reporter.id } })
    ).id
    await insertBulkClaims({
      articleId: bulkArticle,
      count: BULK,
      reporterId: users.reporter.id,
      editorId: users.editor.id,
    })
  })

  it('answers with a stream whose first chunk arrives after one batch is read, and stops reading when cancelled', async () => {
    const batches: number[] = []
    stopObserving = observeExportBatches((batch) => batches.push(batch.rows))
    const response = await download('csv', { article: bulkArticle })
    expect(response.body).toBeInstanceOf(ReadableStream)
    // Nothing is read before the client asks.
    expect(batches).toEqual([])
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(first.done).toBe(false)
    expect(new TextDecoder().decode(first.value).startsWith('article_title,')).toBe(true)
    // The batch handed over, and at most the next one, read while the first was written out.
    expect(batches.length).toBeLessThanOrEqual(2)
    await reader.cancel()
    const atCancel = batches.length
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(batches).toEqual(Array(atCancel).fill(EXPORT_BATCH_SIZE))
    expect(atCancel).toBeLessThanOrEqual(2)
  })

  it('stops reading, and fails the stream rather than end it, when the request is aborted', async () => {
    const batches: number[] = []
    stopObserving = observeExportBatches((batch) => batches.push(batch.rows))
    const controller = new AbortController()
    const request = new Request(
      buildRequest({ method: 'POST', url: ROUTES.csv.url, user: users.editor, form: { article: bulkArticle } }),
      {
        signal: controller.signal,
      },
    )
    const response = await (csvRoute.action as (args: object) => Promise<Response>)({
      request,
      params: {},
      context: new RouterContextProvider(),
    })
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(first.value?.byteLength).toBeGreaterThan(0)
    controller.abort()
    const failure = await (async () => {
      for (;;) {
        const { done } = await reader.read()
        if (done) return null
      }
    })().catch((error: unknown) => error)
    expect(failure).toMatchObject({ name: 'AbortError' })
    // The first batch went out, and the one read ahead of it is never sent; nothing more is read.
    expect(batches.length).toBeLessThanOrEqual(2)
  })

  it('reads the whole set batch by batch, each claim once, in order, and records the count', async () => {
    const batches: number[] = []
    stopObserving = observeExportBatches((batch) => batches.push(batch.rows))
    const before = await exportCount()
    const records = await jsonRecords({ article: bulkArticle })
    expect(records).toHaveLength(BULK)
    expect(records.map((record) => record.id)).toEqual(Array.from({ length: BULK }, (_, i) => bulkClaimId(i + 1)))
    expect(batches).toEqual([...Array(BULK / EXPORT_BATCH_SIZE).fill(EXPORT_BATCH_SIZE), 0])
    expect(await exportCount()).toBe(before + 1)
    const recorded = await db.export.findFirst({ orderBy: { createdAt: 'desc' } })
    expect(recorded?.rowCount).toBe(BULK)
  })

  it('corrects the recorded row count when claims change while the file is being written', async () => {
    const response = await download('csv', { article: bulkArticle })
    const recorded = await db.export.findFirst({ orderBy: { createdAt: 'desc' } })
    expect(recorded?.rowCount).toBe(BULK)
    // Approved after the count, before the rows are read.
    await db.claim.update({
      where: { id: 'fx-research' },
      data: {
        articleId: bulkArticle,
        status: 'APPROVED',
        verdict: 'TRUE',
        approvedAt: new Date('2030-01-01T00:00:00Z'),
        approvedById: users.editor.id,
      },
    })
    const rows = parse(await response.text(), { columns: true }) as unknown[]
    expect(rows).toHaveLength(BULK + 1)
    expect((await db.export.findUnique({ where: { id: recorded!.id } }))?.rowCount).toBe(BULK + 1)
  })
})
