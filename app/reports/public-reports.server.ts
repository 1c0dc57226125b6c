// What a signed-out reader may see: the published reports and their approved claims, nothing else. Every
// query here asks for a published report and approved, live claims itself, so no page can leak a draft.
import { splitSentences } from '~/claims/checkworthiness'
import { verdictLabel } from '~/claims/verdicts'
import { articleCredibilitySummary, type ArticleCredibilitySummary } from '~/credibility/article-credibility.server'
import { claimReviewOf, type ClaimReview } from '~/exports/format'
import { ClaimStatus, type Reliability, type SourceKind, type Stance, type Verdict } from '~/generated/prisma/enums'
import { getSettings } from '~/settings/settings.server'
import { isoDay } from '~/utils/dates'
import { decodeTimeCursor, encodeCursor, newestFirstAfter } from '~/utils/keyset-cursor'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { quoteInContext, type QuoteInContext } from './context'
import { absoluteUrl, publicClaimPath, reportPath } from './paths'
import { isSlug } from './slugs'

const PUBLIC_CLAIM = { status: ClaimStatus.APPROVED, deletedAt: null } as const

export type PublicOrganisation = { name: string; url: string }

export type PublicReportClaim = {
  slug: string
  path: string
  text: string
  claimant: string
  verdict: Verdict
  verdictLabel: string
  /** The first sentence of the rationale, for the list. */
  summary: string
  approvedDay: string | null
}

export type PublicReport = {
  org: PublicOrganisation
  slug: string
  url: string
  article: { title: string; outlet: string; author: string; url: string | null; publishedDay: string | null }
  publishedDay: string
  /** The latest of the publication and its claims' approvals: what the sitemap and the page's date say. */
  updatedDay: string
  credibility: ArticleCredibilitySummary
  claims: PublicReportClaim[]
  reviews: ClaimReview[]
}

async function organisation(): Promise<PublicOrganisation> {
  const settings = await getSettings()
  return { name: settings.organizationName, url: settings.organizationUrl }
}

function origin() {
  return getEnv().APP_ORIGIN
}

async function publishedReport(slug: string) {
  if (!isSlug(slug)) return null
  return db.reportPublication.findFirst({
    where: { slug, publishedAt: { not: null } },
    select: {
      slug: true,
      publishedAt: true,
      article: {
        select: { id: true, title: true, outlet: true, author: true, url: true, publishedAt: true, body: true },
      },
    },
  })
}

type ReviewInput = {
  id: string
  text: string
  claimant: string
  verdict: Verdict
  claimDate: Date | null
  approvedAt: Date | null
}

function reviewOf(
  claim: ReviewInput,
  article: { title: string; url: string | null; author: string; outlet: string; publishedAt: Date | null },
  org: PublicOrganisation,
  url: string,
): ClaimReview {
  return claimReviewOf(
    {
      id: claim.id,
      text: claim.text,
      claimant: claim.claimant,
      verdict: claim.verdict,
      article,
      claimDay: claim.claimDate ? isoDay(claim.claimDate) : null,
      articlePublishedDay: article.publishedAt ? isoDay(article.publishedAt) : null,
      approvedDay: claim.approvedAt ? isoDay(claim.approvedAt) : null,
    },
    org,
    url,
  )
}

function firstSentence(text: string): string {
  const sentence = splitSentences(text)[0]?.text ?? text
  return sentence.length > 280 ? `${sentence.slice(0, 279)}…` : sentence
}

function latestDay(dates: ReadonlyArray<Date | null>): string {
  const times = dates.filter((date): date is Date => date !== null).map((date) => date.getTime())
  return isoDay(new Date(Math.max(...times)))
}

/** The report at /reports/:slug while it is published, or null (the page answers 404). */
export async function publicReport(slug: string): Promise<PublicReport | null> {
  const publication = await publishedReport(slug)
  if (!publication?.publishedAt) return null
  const { article } = publication
  const [org, credibility, claims] = await Promise.all([
    organisation(),
    articleCredibilitySummary(article.id),
    db.claim.findMany({
      where: { articleId: article.id, ...PUBLIC_CLAIM, verdict: { not: null }, publicSlug: { isNot: null } },
      orderBy: [{ startOffset: 'asc' }, { endOffset: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        text: true,
        claimant: true,
        verdict: true,
        rationale: true,
        claimDate: true,
        approvedAt: true,
        publicSlug: { select: { slug: true } },
      },
    }),
  ])
  const listed = claims.map((claim) => ({ ...claim, verdict: claim.verdict!, slug: claim.publicSlug!.slug }))
  return {
    org,
    slug: publication.slug,
    url: absoluteUrl(origin(), reportPath(publication.slug)),
    article: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      url: article.url,
      publishedDay: article.publishedAt ? isoDay(article.publishedAt) : null,
    },
    publishedDay: isoDay(publication.publishedAt),
    updatedDay: latestDay([publication.publishedAt, ...listed.map((claim) => claim.approvedAt)]),
    credibility,
    claims: listed.map((claim) => ({
      slug: claim.slug,
      path: publicClaimPath(publication.slug, claim.slug),
      text: claim.text,
      claimant: claim.claimant,
      verdict: claim.verdict,
      verdictLabel: verdictLabel(claim.verdict),
      summary: firstSentence(claim.rationale),
      approvedDay: claim.approvedAt ? isoDay(claim.approvedAt) : null,
    })),
    reviews: listed.map((claim) =>
      reviewOf(claim, article, org, absoluteUrl(origin(), publicClaimPath(publication.slug, claim.slug))),
    ),
  }
}

export type PublicSource = {
  title: string
  url: string
  publisher: string
  kind: SourceKind
  reliability: Reliability
  archivedUrl: string | null
  publishedDay: string | null
  stance: Stance
  excerpt: string
}

export type PublicClaim = {
  org: PublicOrganisation
  url: string
  report: { slug: string; path: string; title: string; outlet: string; url: string | null; publishedDay: string | null }
  claim: {
    text: string
    quote: string
    context: QuoteInContext
    claimant: string
    claimDay: string | null
    verdict: Verdict
    verdictLabel: string
    rationale: string
    approvedDay: string | null
  }
  sources: PublicSource[]
  review: ClaimReview
}

/** The claim at /reports/:slug/claims/:claimSlug while its report is published and it is approved, or null. */
export async function publicClaim(reportSlug: string, claimSlug: string): Promise<PublicClaim | null> {
  if (!isSlug(claimSlug)) return null
  const publication = await publishedReport(reportSlug)
  if (!publication?.publishedAt) return null
  const { article } = publication
  const row = await db.publicClaimSlug.findUnique({
    where: { articleId_slug: { articleId: article.id, slug: claimSlug } },
    select: {
      claim: {
        select: {
          id: true,
          status: true,
          deletedAt: true,
          quote: true,
          startOffset: true,
          endOffset: true,
          text: true,
          claimant: true,
          claimDate: true,
          verdict: true,
          rationale: true,
          approvedAt: true,
          sources: {
            orderBy: [{ createdAt: 'asc' }, { sourceId: 'asc' }],
            select: {
              stance: true,
              excerpt: true,
              source: {
                select: {
                  title: true,
                  url: true,
                  publisher: true,
                  kind: true,
                  reliability: true,
                  archivedUrl: true,
                  publishedAt: true,
                },
              },
            },
          },
        },
      },
    },
  })
  const claim = row?.claim
  if (!claim || claim.status !== PUBLIC_CLAIM.status || claim.deletedAt !== null || !claim.verdict) return null
  const org = await organisation()
  const url = absoluteUrl(origin(), publicClaimPath(publication.slug, claimSlug))
  const verdict = claim.verdict
  return {
    org,
    url,
    report: {
      slug: publication.slug,
      path: reportPath(publication.slug),
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      publishedDay: article.publishedAt ? isoDay(article.publishedAt) : null,
    },
    claim: {
      text: claim.text,
      quote: claim.quote,
      context: quoteInContext(article.body, claim, splitSentences(article.body)),
      claimant: claim.claimant,
      claimDay: claim.claimDate ? isoDay(claim.claimDate) : null,
      verdict,
      verdictLabel: verdictLabel(verdict),
      rationale: claim.rationale,
      approvedDay: claim.approvedAt ? isoDay(claim.approvedAt) : null,
    },
    sources: claim.sources.map(({ stance, excerpt, source }) => ({
      title: source.title,
      url: source.url,
      publisher: source.publisher,
      kind: source.kind,
      reliability: source.reliability,
      archivedUrl: source.archivedUrl,
      publishedDay: source.publishedAt ? isoDay(source.publishedAt) : null,
      stance,
      excerpt,
    })),
    review: reviewOf({ ...claim, verdict }, article, org, url),
  }
}

export const REPORTS_PER_PAGE = 30

export type PublicReportListing = {
  path: string
  title: string
  outlet: string
  publishedDay: string
  /** Approved claims: those the report lists. */
  checked: number
  /** The article's credibility, 0–100, or null while no approved claim is scored. */
  score: number | null
}

export type PublicReportList = {
  org: PublicOrganisation
  reports: PublicReportListing[]
  /** The `after` of the next page, or null on the last. */
  next: string | null
}

/** The published reports, newest publication first, a page at a time after the keyset cursor `after`. */
export async function publicReportList(after: string | null): Promise<PublicReportList> {
  const cursor = decodeTimeCursor(after)
  const [org, rows] = await Promise.all([
    organisation(),
    db.reportPublication.findMany({
      where: { publishedAt: { not: null }, ...newestFirstAfter(cursor, 'publishedAt', 'articleId') },
      orderBy: [{ publishedAt: 'desc' }, { articleId: 'desc' }],
      take: REPORTS_PER_PAGE + 1,
      select: {
        articleId: true,
        slug: true,
        publishedAt: true,
        article: { select: { title: true, outlet: true, tally: { select: { status_APPROVED: true, score: true } } } },
      },
    }),
  ])
  const page = rows.slice(0, REPORTS_PER_PAGE)
  const last = page[page.length - 1]
  return {
    org,
    reports: page.map((row) => ({
      path: reportPath(row.slug),
      title: row.article.title,
      outlet: row.article.outlet,
      publishedDay: isoDay(row.publishedAt!),
      checked: row.article.tally?.status_APPROVED ?? 0,
      score: row.article.tally?.score ?? null,
    })),
    next: rows.length > REPORTS_PER_PAGE && last ? encodeCursor(last.publishedAt, last.articleId) : null,
  }
}

/** The sitemap protocol's limit for one file. */
export const SITEMAP_MAX_URLS = 50_000

export type SitemapEntry = { url: string; lastModified: string }

/** The list of reports, every published report and each of its approved claims, newest reports first. */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const rows = await db.$queryRaw<Array<{ report: string; claim: string | null; modified: Date }>>`
    SELECT rp.slug AS report, NULL AS claim, GREATEST(rp."publishedAt", max(c."approvedAt")) AS modified,
           rp."publishedAt" AS published, 0 AS kind, 0 AS "offset"
      FROM "ReportPublication" rp
      LEFT JOIN "Claim" c ON c."articleId" = rp."articleId" AND c.status = 'APPROVED' AND c."deletedAt" IS NULL
     WHERE rp."publishedAt" IS NOT NULL
     GROUP BY rp."articleId"
    UNION ALL
    SELECT rp.slug, pcs.slug, c."approvedAt", rp."publishedAt", 1, c."startOffset"
      FROM "ReportPublication" rp
      JOIN "Claim" c ON c."articleId" = rp."articleId" AND c.status = 'APPROVED' AND c."deletedAt" IS NULL
      JOIN "PublicClaimSlug" pcs ON pcs."claimId" = c.id
     WHERE rp."publishedAt" IS NOT NULL AND c.verdict IS NOT NULL
     ORDER BY published DESC, report, kind, "offset"
     LIMIT ${SITEMAP_MAX_URLS}`
  const entries = rows.map((row) => ({
    url: absoluteUrl(origin(), row.claim ? publicClaimPath(row.report, row.claim) : reportPath(row.report)),
    lastModified: (row.modified ?? new Date()).toISOString(),
  }))
  // The list of reports changes whenever a report does.
  const newest = entries.reduce<string | null>(
    (latest, entry) => (!latest || entry.lastModified > latest ? entry.lastModified : latest),
    null,
  )
  return newest
    ? [{ url: absoluteUrl(origin(), '/reports'), lastModified: newest }, ...entries.slice(0, SITEMAP_MAX_URLS - 1)]
    : entries
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!)
  const urls = entries
    .map((entry) => `  <url><loc>${escape(entry.url)}</loc><lastmod>${entry.lastModified}</lastmod></url>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}${urls ? '\n' : ''}</urlset>\n`
}
