import { ArticleCredibility } from '~/components/article-credibility'
import { JsonLd, PublicDate, PublicFrame, PublicNotFound } from '~/components/public-report'
import { VerdictBadge } from '~/components/verdict-badge'
import { formatCredibility } from '~/credibility/credibility'
import { ClaimStatus } from '~/generated/prisma/enums'
import { publicReport } from '~/reports/public-reports.server'
import { conditionalGet, notPublic, publicData } from '~/reports/public-route.server'
import { shareMeta } from '~/reports/share-meta'
import { hostOf } from '~/utils/host-of'
import type { Route } from './+types/index'

export const middleware: Route.MiddlewareFunction[] = [conditionalGet]

export async function loader({ params }: Route.LoaderArgs) {
  const report = await publicReport(params.slug)
  if (!report) notPublic()
  return publicData(report)
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return []
  const { article, org, url, credibility, claims } = loaderData
  const title = `Fact check: ${article.title}`
  const description = `${org.name} checked ${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} in “${article.title}”${article.outlet ? ` (${article.outlet})` : ''}. Credibility: ${formatCredibility(credibility)}.`
  return shareMeta({
    title,
    description,
    url,
    siteName: org.name,
    articleTimes: [
      { property: 'article:published_time', content: loaderData.publishedDay },
      { property: 'article:modified_time', content: loaderData.updatedDay },
    ],
  })
}

export default function PublicReportPage({ loaderData }: Route.ComponentProps) {
  const { org, article, credibility, claims, reviews, publishedDay, updatedDay } = loaderData
  const byline = [article.outlet, article.author ? `by ${article.author}` : null].filter(Boolean).join(', ')
  return (
    <PublicFrame org={org}>
      <article className="mx-auto max-w-3xl px-5 pb-8 pt-10 sm:pt-14">
        <header>
          <p className="text-xs font-semibold uppercase tracking-[0.14em] text-brand">Fact-check report</p>
          <h1 className="mt-3 font-serif text-3xl font-semibold leading-tight tracking-tight text-balance sm:text-[2.6rem]">
            {article.title}
          </h1>
          <p className="mt-4 text-base text-ink-muted">
            {[
              byline ? <span key="byline">{byline}</span> : null,
              article.publishedDay ? <PublicDate key="day" day={article.publishedDay} /> : null,
              article.url ? (
                <a href={article.url} rel="noopener noreferrer nofollow" className="print-url">
                  Read the original on {hostOf(article.url)}
                </a>
              ) : null,
            ]
              .filter(Boolean)
              .flatMap((part, index) => (index === 0 ? [part] : [' · ', part]))}
          </p>
          <p className="mt-1 text-sm text-ink-muted">
            Checked by {org.name} · <PublicDate day={publishedDay} prefix="Published " />
            {updatedDay !== publishedDay ? <PublicDate day={updatedDay} prefix=" · Updated " /> : null}
          </p>
        </header>

        <section
          aria-label="Credibility"
          className="avoid-break mt-8 rounded-xl border border-ink/10 bg-paper p-5 shadow-sm sm:p-6"
        >
          <ArticleCredibility credibility={credibility} title="Credibility of the article" />
        </section>

        <section aria-labelledby="checked-claims" className="mt-10">
          <h2 id="checked-claims" className="font-serif text-2xl font-semibold">
            What we checked
          </h2>
          {claims.length === 0 ? (
            <p className="mt-4 text-lg text-ink-muted">No claim in this article has been approved yet.</p>
          ) : (
            <ol className="mt-5 space-y-4">
              {claims.map((claim) => (
                <li
                  key={claim.slug}
                  className="avoid-break rounded-xl border border-ink/10 bg-paper p-5 shadow-sm sm:p-6"
                >
                  <VerdictBadge verdict={claim.verdict} status={ClaimStatus.APPROVED} />
                  <p className="mt-3 font-serif text-xl leading-snug text-ink">
                    <a href={claim.path} className="text-ink no-underline hover:underline">
                      “{claim.text}”
                    </a>
                  </p>
                  {claim.claimant ? (
                    <p className="mt-2 text-sm font-medium text-ink-muted">— {claim.claimant}</p>
                  ) : null}
                  {claim.summary ? <p className="mt-3 leading-relaxed text-ink">{claim.summary}</p> : null}
                  <p className="mt-3 text-sm">
                    <a href={claim.path} className="font-medium">
                      Read the fact check<span className="sr-only">: {claim.text}</span> →
                    </a>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </article>
      <JsonLd value={reviews} />
    </PublicFrame>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PublicNotFound error={error} />
}
