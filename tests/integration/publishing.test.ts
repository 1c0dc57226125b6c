// Publishing a report and what a signed-out reader then sees: who may publish and unpublish, the history it
// writes, the public pages (and the drafts, reopened claims and unpublished reports they never show), their
// caching, the sitemap, stable addresses and the ClaimReview url every output names.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { RouterContextProvider } from 'react-router'
import { claimReviewsForArticle } from '~/exports/exports.server'
import type { ClaimReview } from '~/exports/format'
import * as rootRoute from '~/root'
import * as publishRoute from '~/routes/articles/$articleId/publish'
import * as claimPage from '~/routes/reports/$slug/claims.$claimSlug'
import * as reportPage from '~/routes/reports/$slug/index'
import * as reportsPage from '~/routes/reports/index'
import { REPORTS_PER_PAGE } from '~/reports/public-reports.server'
import * as sitemapRoute from '~/routes/sitemap[.]xml'
import { toastHeader } from '~/utils/toast.server'
import { db } from '~/utils/db.server'
import { attachSources, createArticle, createClaim, postToClaim, type TestArticle } from '../helpers/claims'
import { BASE_URL, buildRequest, callAction, callLoader, type RouteResult } from '../helpers/route'
import { createUsers, type TestUser } from '../helpers/users'
import { addressOf, APP_ROUTES, routeModule } from '../helpers/app-routes'
import { isPublicPath } from '~/reports/paths'

let users: Awaited<ReturnType<typeof createUsers>>

beforeAll(async () => {
  users = await createUsers()
})

const BODY =
  'Officials met in Istanbul on Monday. Ukraine and Russia exchanged 1,200 prisoners, the largest swap since 2022, ' +
  'according to the ministry. The talks will resume in spring. Turnout was 71 percent.'

/** A claim a fact-checker proposed with one source, waiting for an editor. */
function claimInReview(article: TestArticle, quote: string, fields: Record<string, unknown> = {}) {
  return createClaim(article, quote, users.reporter, {
    status: 'NEEDS_REVIEW',
    verdict: 'MOSTLY_TRUE',
    rationale: 'The ministry’s list names 1,200 people. The record swap was in 2022.',
    claimant: 'Ministry of Defence',
    proposedById: users.checker.id,
    version: 1,
    ...fields,
  })
}

async function approve(claimId: string, by: TestUser = users.editor) {
  const { version } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
  const result = await postToClaim(by, claimId, { intent: 'approve', version: String(version) })
  expect(result.status).toBe(302)
}

async function reopen(claimId: string) {
  const { version } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
  const result = await postToClaim(users.editor, claimId, {
    intent: 'reopen',
    version: String(version),
    note: 'New figures came out.',
  })
  expect(result.status).toBe(302)
}

function publishAs(user: TestUser | null, articleId: string, intent: 'publish' | 'unpublish' = 'publish') {
  return callAction(publishRoute.action, {
    url: `/articles/${articleId}/publish`,
    params: { articleId },
    ...(user ? { user } : {}),
    form: { intent },
  })
}

async function slugOf(articleId: string) {
  return (await db.reportPublication.findUniqueOrThrow({ where: { articleId } })).slug
}

async function claimSlugOf(claimId: string) {
  return (await db.publicClaimSlug.findUniqueOrThrow({ where: { claimId } })).slug
}

/** A signed-out reader opening a public page: no cookie at all. */
function readReport(slug: string, headers: Record<string, string> = {}) {
  return callLoader(reportPage.loader, { url: `/reports/${slug}`, params: { slug }, headers })
}

function readClaim(slug: string, claimSlug: string, headers: Record<string, string> = {}) {
  return callLoader(claimPage.loader, {
    url: `/reports/${slug}/claims/${claimSlug}`,
    params: { slug, claimSlug },
    headers,
  })
}

async function readSitemap(): Promise<string> {
  const response = (await sitemapRoute.loader()) as Response
  expect(response.headers.get('Content-Type')).toContain('application/xml')
  return response.text()
}

/** The route's own middleware around what its loader answered, as React Router runs it for a document. */
async function throughMiddleware(
  module: { middleware: Array<(args: never, next: () => Promise<Response>) => unknown> },
  url: string,
  loaded: RouteResult,
  headers: Record<string, string> = {},
): Promise<Response> {
  const request = buildRequest({ url, method: 'GET', headers })
  const middleware = module.middleware[0]!
  return (await middleware(
    { request, params: {}, context: new RouterContextProvider() } as never,
    async () => new Response('<html>the page</html>', { status: loaded.status, headers: loaded.headers }),
  )) as Response
}

describe('publishing a report', () => {
  it('is refused to reporters and fact-checkers (403) and to signed-out visitors (login), and changes nothing', async () => {
    const article = await createArticle(users.reporter, 'Refused report', BODY)
    for (const user of [users.reporter, users.checker]) {
      const result = await publishAs(user, article.id)
      expect(result.status).toBe(403)
      const page = await callLoader(publishRoute.loader, {
        url: `/articles/${article.id}/publish`,
        params: { articleId: article.id },
        user,
      })
      expect(page.status).toBe(403)
    }
    const signedOut = await publishAs(null, article.id)
    expect(signedOut.status).toBe(302)
    expect(signedOut.location).toMatch(/^\/login/)
    expect(await db.reportPublication.count({ where: { articleId: article.id } })).toBe(0)
    expect(await db.reportEvent.count({ where: { articleId: article.id } })).toBe(0)
  })

  it('lets an editor publish and an admin unpublish, each with its history event', async () => {
    const article = await createArticle(users.reporter, 'Prisoner swap: what we checked', BODY)
    const published = await publishAs(users.editor, article.id)
    expect(published.status).toBe(302)
    expect(published.location).toBe(`/articles/${article.id}/publish`)
    expect(published.headers.get('Set-Cookie')).toContain('factdesk_toast')
    const row = await db.reportPublication.findUniqueOrThrow({ where: { articleId: article.id } })
    expect(row).toMatchObject({ slug: 'prisoner-swap-what-we-checked', publishedById: users.editor.id })
    expect(row.publishedAt).toBeInstanceOf(Date)

    const again = await publishAs(users.editor, article.id)
    expect(again.status).toBe(409)

    const unpublished = await publishAs(users.admin, article.id, 'unpublish')
    expect(unpublished.status).toBe(302)
    expect((await db.reportPublication.findUniqueOrThrow({ where: { articleId: article.id } })).publishedAt).toBeNull()
    const events = await db.reportEvent.findMany({
      where: { articleId: article.id },
      orderBy: { createdAt: 'asc' },
      select: { type: true, actorId: true, slug: true },
    })
    expect(events).toEqual([
      { type: 'PUBLISHED', actorId: users.editor.id, slug: 'prisoner-swap-what-we-checked' },
      { type: 'UNPUBLISHED', actorId: users.admin.id, slug: 'prisoner-swap-what-we-checked' },
    ])
    expect((await publishAs(users.admin, article.id, 'unpublish')).status).toBe(409)

    const page = await callLoader(publishRoute.loader, {
      url: `/articles/${article.id}/publish`,
      params: { articleId: article.id },
      user: users.editor,
    })
    expect(page.data.publication.history.map((event: { type: string }) => event.type)).toEqual([
      'UNPUBLISHED',
      'PUBLISHED',
    ])
  })

  it('keeps the history append-only', async () => {
    const article = await createArticle(users.reporter, 'History report', BODY)
    await publishAs(users.editor, article.id)
    await expect(db.reportEvent.updateMany({ where: { articleId: article.id }, data: { slug: 'x' } })).rejects.toThrow(
      /append-only/,
    )
    await expect(db.reportEvent.deleteMany({ where: { articleId: article.id } })).rejects.toThrow(/append-only/)
  })

  it('answers 400 to a form without a known intent, and 404 for an unknown article', async () => {
    const article = await createArticle(users.reporter, 'Bad form report', BODY)
    const bad = await callAction(publishRoute.action, {
      url: `/articles/${article.id}/publish`,
      params: { articleId: article.id },
      user: users.editor,
      form: { intent: 'delete-everything' },
    })
    expect(bad.status).toBe(400)
    expect((await publishAs(users.editor, 'no-such-article')).status).toBe(404)
  })
})

describe('what a signed-out reader sees', () => {
  let article: TestArticle
  let approvedId: string
  let reopenedId: string
  let draftId: string
  let slug: string

  beforeAll(async () => {
    article = await createArticle(users.reporter, 'Istanbul talks and the prisoner exchange', BODY)
    await db.article.update({ where: { id: article.id }, data: { outlet: 'Wire', url: 'https://news.example/a' } })
    approvedId = await claimInReview(article, 'Ukraine and Russia exchanged 1,200 prisoners')
    await attachSources(approvedId, 1, users.checker)
    reopenedId = await claimInReview(article, 'the largest swap since 2022', { verdict: 'FALSE' })
    draftId = await claimInReview(article, 'Turnout was 71 percent', {
      verdict: 'TRUE',
      rationale: 'A secret draft rationale.',
    })
    await approve(approvedId)
    await approve(reopenedId)
    expect((await publishAs(users.editor, article.id)).status).toBe(302)
    slug = await slugOf(article.id)
  })

  it('gets the report with its approved claims, credibility and ClaimReviews, never a draft', async () => {
    const result = await readReport(slug)
    expect(result.status).toBe(200)
    const report = result.data
    expect(report.article).toMatchObject({ title: 'Istanbul talks and the prisoner exchange', outlet: 'Wire' })
    expect(report.claims.map((claim: { text: string }) => claim.text)).toEqual([
      'Ukraine and Russia exchanged 1,200 prisoners',
      'the largest swap since 2022',
    ])
    expect(report.claims[0]).toMatchObject({ verdict: 'MOSTLY_TRUE', verdictLabel: 'Mostly true' })
    expect(report.credibility).toMatchObject({ score: 38, scoredCount: 2, totalCount: 3 })
    expect(report.reviews).toHaveLength(2)
    const everything = JSON.stringify(report)
    expect(everything).not.toContain('Turnout was 71 percent')
    expect(everything).not.toContain('secret draft')
    expect(everything).not.toContain(draftId)
  })

  it('gets a claim’s page: the quote in its sentence, verdict, rationale, sources and ClaimReview', async () => {
    const claimSlug = await claimSlugOf(approvedId)
    expect(claimSlug).toBe('ukraine-and-russia-exchanged-1-200-prisoners')
    const result = await readClaim(slug, claimSlug)
    expect(result.status).toBe(200)
    const { claim, sources, review, url } = result.data
    expect(claim.context).toEqual({
      before: '',
      quote: 'Ukraine and Russia exchanged 1,200 prisoners',
      after: ', the largest swap since 2022, according to the ministry.',
    })
    expect(claim).toMatchObject({ claimant: 'Ministry of Defence', verdictLabel: 'Mostly true' })
    expect(claim.rationale).toContain('1,200 people')
    expect(sources).toHaveLength(1)
    expect(sources[0]).toMatchObject({ stance: 'SUPPORTS', title: 'Source 0' })
    expect(url).toBe(`${BASE_URL}/reports/${slug}/claims/${claimSlug}`)
    expect(review).toMatchObject({ '@type': 'ClaimReview', url, claimReviewed: claim.text })
    expect(review.reviewRating).toMatchObject({ alternateName: 'Mostly true', ratingValue: 4 })
  })

  it('does not find a claim that is not approved, nor one that was approved and then reopened', async () => {
    expect(await db.publicClaimSlug.findUnique({ where: { claimId: draftId } })).toBeNull()
    expect((await readClaim(slug, 'turnout-was-71-percent')).status).toBe(404)

    const reopenedSlug = await claimSlugOf(reopenedId)
    expect((await readClaim(slug, reopenedSlug)).status).toBe(200)
    await reopen(reopenedId)
    const gone = await readClaim(slug, reopenedSlug)
    expect(gone.status).toBe(404)
    expect(gone.headers.get('Cache-Control')).toBe('no-store')
    const report = await readReport(slug)
    expect(report.data.claims.map((claim: { slug: string }) => claim.slug)).not.toContain(reopenedSlug)
    expect(JSON.stringify(report.data)).not.toContain('the largest swap since 2022')
    expect(await readSitemap()).not.toContain(reopenedSlug)

    // Approved again, it comes back at the same address.
    await db.claim.update({
      where: { id: reopenedId },
      data: { status: 'NEEDS_REVIEW', proposedById: users.checker.id },
    })
    await approve(reopenedId)
    expect(await claimSlugOf(reopenedId)).toBe(reopenedSlug)
    expect((await readClaim(slug, reopenedSlug)).status).toBe(200)
  })

  it('lists published pages in the sitemap, and nothing of an unpublished report', async () => {
    const other = await createArticle(users.reporter, 'Never published report', BODY)
    const hidden = await claimInReview(other, 'Officials met in Istanbul on Monday')
    await approve(hidden)

    const xml = await readSitemap()
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    )
    expect(xml).toContain(`<loc>${BASE_URL}/reports</loc>`)
    expect(xml).toContain(`<loc>${BASE_URL}/reports/${slug}</loc>`)
    expect(xml).toContain(`<loc>${BASE_URL}/reports/${slug}/claims/${await claimSlugOf(approvedId)}</loc>`)
    expect(xml).not.toContain('never-published-report')
    expect(xml).not.toContain(await claimSlugOf(hidden))
    expect(xml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/)
  })

  it('lists the published reports, newest first, with what was checked, and never an unpublished one', async () => {
    const listed = await callLoader(reportsPage.loader, { url: '/reports' })
    expect(listed.status).toBe(200)
    expect(listed.headers.get('Cache-Control')).toContain('public')
    const entry = listed.data.reports.find((report: { path: string }) => report.path === `/reports/${slug}`)
    expect(entry).toMatchObject({
      title: 'Istanbul talks and the prisoner exchange',
      outlet: 'Wire',
      checked: 2,
      score: 38,
    })
    expect(JSON.stringify(listed.data)).not.toContain('Never published report')

    // Pages of REPORTS_PER_PAGE, newest publication first, each report once.
    const more = await createArticle(users.reporter, 'Paged report', BODY)
    for (let n = 0; n < REPORTS_PER_PAGE; n++) {
      const article = n === 0 ? more : await createArticle(users.reporter, `Paged report ${n}`, BODY)
      await publishAs(users.editor, article.id)
    }
    const first = await callLoader(reportsPage.loader, { url: '/reports' })
    expect(first.data.reports).toHaveLength(REPORTS_PER_PAGE)
    expect(first.data.reports[0].title).toBe(`Paged report ${REPORTS_PER_PAGE - 1}`)
    const second = await callLoader(reportsPage.loader, {
      url: `/reports?after=${encodeURIComponent(first.data.next)}`,
    })
    const paths = [...first.data.reports, ...second.data.reports].map((report: { path: string }) => report.path)
    expect(new Set(paths).size).toBe(paths.length)
    expect(paths).toContain(`/reports/${slug}`)
    expect((await callLoader(reportsPage.loader, { url: '/reports?after=garbage' })).status).toBe(200)
  })

  it('finds nothing once the report is unpublished, and everything again when it is republished', async () => {
    const temporary = await createArticle(users.reporter, 'Withdrawn report', BODY)
    const claimId = await claimInReview(temporary, 'The talks will resume in spring')
    await approve(claimId)
    await publishAs(users.editor, temporary.id)
    const tempSlug = await slugOf(temporary.id)
    const claimSlug = await claimSlugOf(claimId)
    expect((await readReport(tempSlug)).status).toBe(200)

    await publishAs(users.editor, temporary.id, 'unpublish')
    expect((await readReport(tempSlug)).status).toBe(404)
    expect((await readClaim(tempSlug, claimSlug)).status).toBe(404)
    const xml = await readSitemap()
    expect(xml).not.toContain(tempSlug)

    await publishAs(users.admin, temporary.id)
    expect(await slugOf(temporary.id)).toBe(tempSlug)
    expect((await readClaim(tempSlug, claimSlug)).status).toBe(200)
  })

  it('finds no draft, reopened claim or other article on any public route, whatever the address', async () => {
    const publicRoutes = APP_ROUTES.filter((route) => isPublicPath(route.path.replace(/:\w+/g, 'x')))
    expect(publicRoutes.map((route) => route.file).sort()).toEqual([
      'routes/reports/$slug/claims.$claimSlug.tsx',
      'routes/reports/$slug/index.tsx',
      'routes/reports/index.tsx',
      'routes/sitemap[.]xml.ts',
    ])
    const other = await createArticle(users.reporter, 'Unpublished sibling', BODY)
    const otherClaim = await claimInReview(other, 'Officials met in Istanbul on Monday')
    await approve(otherClaim)
    const claimSlugs = (await db.publicClaimSlug.findMany({ select: { slug: true } })).map((row) => row.slug)
    for (const route of publicRoutes) {
      const module = await routeModule(route.file)
      for (const claimSlug of [...claimSlugs, 'turnout-was-71-percent']) {
        for (const reportSlug of [slug, 'unpublished-sibling']) {
          const result = await callLoader(module.loader, addressOf(route, { slug: reportSlug, claimSlug }, 'x'))
          expect(result.status === 200 || result.status === 404).toBe(true)
          const shown = typeof result.data === 'string' ? result.data : JSON.stringify(result.data)
          for (const secret of ['Turnout was 71 percent', 'secret draft', 'Unpublished sibling', 'unpublished-sibling'])
            expect({ route: route.file, reportSlug, claimSlug, leaks: shown.includes(secret) }).toEqual({
              route: route.file,
              reportSlug,
              claimSlug,
              leaks: false,
            })
        }
      }
    }
  })

  it('answers addresses that are not slugs with 404, not 500', async () => {
    for (const bad of ['', 'UPPER', 'a/b', '%00', 'x'.repeat(500), "o'brien"]) {
      expect((await readReport(bad)).status).toBe(404)
      expect((await readClaim(slug, bad)).status).toBe(404)
    }
  })

  it('is served by a root that reads no session and sets no cookie, even for a signed-in visitor', async () => {
    const cookie = `${users.editor.cookie}; ${(await toastHeader({ kind: 'success', message: 'Hi' })).split(';')[0]}`
    const result = await callLoader(rootRoute.loader, { url: `/reports/${slug}`, cookie })
    expect(result.data).toEqual({ user: null, toast: null })
    expect(result.headers.get('Set-Cookie')).toBeNull()
    const desk = await callLoader(rootRoute.loader, { url: '/articles', cookie })
    expect(desk.data.user).not.toBeNull()
  })
})

describe('caching of public pages', () => {
  it('sends an ETag and public Cache-Control, answers 304 to If-None-Match, and changes the ETag with the content', async () => {
    const article = await createArticle(users.reporter, 'Cached report', BODY)
    const first = await claimInReview(article, 'Officials met in Istanbul on Monday')
    await approve(first)
    await publishAs(users.editor, article.id)
    const slug = await slugOf(article.id)

    const loaded = await readReport(slug)
    const etag = loaded.headers.get('ETag')!
    expect(etag).toMatch(/^W\/"[\w-]+"$/)
    expect(loaded.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/)
    expect(reportPage.headers({ loaderHeaders: loaded.headers } as never)).toBe(loaded.headers)

    const fresh = await throughMiddleware(reportPage as never, `/reports/${slug}`, loaded)
    expect(fresh.status).toBe(200)
    const cached = await throughMiddleware(reportPage as never, `/reports/${slug}`, loaded, { 'If-None-Match': etag })
    expect(cached.status).toBe(304)
    expect(await cached.text()).toBe('')
    expect(cached.headers.get('ETag')).toBe(etag)
    expect(cached.headers.get('Content-Security-Policy')).toBeNull()
    const other = await throughMiddleware(reportPage as never, `/reports/${slug}`, loaded, {
      'If-None-Match': 'W/"old"',
    })
    expect(other.status).toBe(200)

    expect((await readReport(slug)).headers.get('ETag')).toBe(etag)
    const second = await claimInReview(article, 'The talks will resume in spring')
    await approve(second)
    const changed = await readReport(slug)
    expect(changed.headers.get('ETag')).not.toBe(etag)
    const stale = await throughMiddleware(reportPage as never, `/reports/${slug}`, changed, { 'If-None-Match': etag })
    expect(stale.status).toBe(200)

    const claimSlug = await claimSlugOf(first)
    const claimLoaded = await readClaim(slug, claimSlug)
    const claimTag = claimLoaded.headers.get('ETag')!
    const url = `/reports/${slug}/claims/${claimSlug}`
    expect((await throughMiddleware(claimPage as never, url, claimLoaded, { 'If-None-Match': claimTag })).status).toBe(
      304,
    )

    const sitemap = (await sitemapRoute.loader()) as Response
    const sitemapTag = sitemap.headers.get('ETag')!
    const request = buildRequest({ url: '/sitemap.xml', method: 'GET', headers: { 'If-None-Match': sitemapTag } })
    const answer = (await sitemapRoute.middleware[0]!(
      { request, params: {}, context: new RouterContextProvider() } as never,
      async () => (await sitemapRoute.loader()) as Response,
    )) as Response
    expect(answer.status).toBe(304)
  })
})

describe('public addresses', () => {
  it('are made from the title, unique, and kept when the title changes', async () => {
    const first = await createArticle(users.reporter, 'Élections: la participation à 71 %', BODY)
    const second = await createArticle(users.reporter, 'Élections: la participation à 71 %', BODY)
    const cyrillic = await createArticle(users.reporter, 'Обмін полоненими у Стамбулі', BODY)
    await publishAs(users.editor, first.id)
    await publishAs(users.editor, second.id)
    await publishAs(users.editor, cyrillic.id)
    expect(await slugOf(first.id)).toBe('elections-la-participation-a-71')
    expect(await slugOf(second.id)).toBe('elections-la-participation-a-71-2')
    expect(await slugOf(cyrillic.id)).toBe('обмін-полоненими-у-стамбулі')
    expect((await readReport('обмін-полоненими-у-стамбулі')).status).toBe(200)

    await db.article.update({ where: { id: first.id }, data: { title: 'A new title' } })
    await publishAs(users.editor, first.id, 'unpublish')
    await publishAs(users.editor, first.id)
    expect(await slugOf(first.id)).toBe('elections-la-participation-a-71')
    expect((await readReport('elections-la-participation-a-71')).data.article.title).toBe('A new title')
  })

  it('give claims with the same words in one article different addresses, kept when the text is edited', async () => {
    const article = await createArticle(users.reporter, 'Twice said', 'Prices rose 5 percent. Prices rose 5 percent.')
    const one = await claimInReview(article, 'Prices rose 5 percent')
    const two = await createClaim(article, 'Prices rose 5 percent', users.reporter, {
      status: 'NEEDS_REVIEW',
      verdict: 'TRUE',
      rationale: 'Yes.',
      proposedById: users.checker.id,
    })
    await approve(one)
    await approve(two)
    expect(await claimSlugOf(one)).toBe('prices-rose-5-percent')
    expect(await claimSlugOf(two)).toBe('prices-rose-5-percent-2')
    await db.claim.update({ where: { id: one }, data: { text: 'Prices rose by five percent in May' } })
    expect(await claimSlugOf(one)).toBe('prices-rose-5-percent')
  })
})

describe('ClaimReview url', () => {
  it('is the public page while the report is published and the claim approved, and the desk’s page otherwise', async () => {
    const article = await createArticle(users.reporter, 'Reviewed report', BODY)
    const claimId = await claimInReview(article, 'Officials met in Istanbul on Monday')
    await approve(claimId)
    const urlsNow = async () =>
      JSON.parse((await claimReviewsForArticle(article.id)).html.replace(/^<script[^>]*>|<\/script>$/g, '')).map(
        (review: ClaimReview) => review.url,
      )
    expect(await urlsNow()).toEqual([`${BASE_URL}/claims/${claimId}`])

    await publishAs(users.editor, article.id)
    const publicUrl = `${BASE_URL}/reports/reviewed-report/claims/officials-met-in-istanbul-on-monday`
    expect(await urlsNow()).toEqual([publicUrl])

    // The ClaimReview download names the same address.
    const download = await callAction((await import('~/routes/exports/claimreview[.]jsonld')).action, {
      url: '/exports/claimreview.jsonld',
      user: users.editor,
      form: { articleId: article.id },
    })
    expect(download.status).toBe(200)
    const downloaded = download.data.map((review: ClaimReview) => review.url)
    expect(downloaded).toContain(publicUrl)
    expect(downloaded).not.toContain(`${BASE_URL}/claims/${claimId}`)

    await publishAs(users.editor, article.id, 'unpublish')
    expect(await urlsNow()).toEqual([`${BASE_URL}/claims/${claimId}`])
  })
})
