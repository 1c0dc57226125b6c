import {
  JsonLd,
  PublicDate,
  PublicFrame,
  PublicNotFound,
  StanceBadge,
  stanceRule,
  VerdictStamp,
} from '~/components/public-report'
import { publicClaim } from '~/reports/public-reports.server'
import { conditionalGet, notPublic, publicData } from '~/reports/public-route.server'
import { SOURCE_KIND_LABELS } from '~/sources/labels'
import { shareMeta } from '~/reports/share-meta'
import { hostOf } from '~/utils/host-of'
import type { Route } from './+types/claims.$claimSlug'

export const middleware: Route.MiddlewareFunction[] = [conditionalGet]

export async function loader({ params }: Route.LoaderArgs) {
  const page = await publicClaim(params.slug, params.claimSlug)
  if (!page) notPublic()
  return publicData(page)
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return []
  const { claim, org, url } = loaderData
  const who = claim.claimant ? `${claim.claimant}: ` : ''
  const title = `${claim.verdictLabel}: ${who}“${claim.text}”`
  const description = claim.rationale.length > 200 ? `${claim.rationale.slice(0, 199)}…` : claim.rationale
  return shareMeta({
    title,
    description,
    url,
    siteName: org.name,
    articleTimes: claim.approvedDay ? [{ property: 'article:published_time', content: claim.approvedDay }] : [],
  })
}

export default function PublicClaimPage({ loaderData }: Route.ComponentProps) {
  const { org, report, claim, sources, review } = loaderData
  const paragraphs = claim.rationale.split(/\n\s*\n/).filter((part) => part.trim())
  return (
    <PublicFrame org={org}>
      <article className="mx-auto max-w-3xl px-5 pb-8 pt-8 sm:pt-12">
        <nav aria-label="Breadcrumb" className="public-nav text-sm">
          <a href={report.path} className="font-medium">
            ← All claims checked in “{report.title}”
          </a>
        </nav>

        <header className="mt-6">
          <p className="text-xs font-semibold uppercase tracking-[0.14em] text-brand">Fact check</p>
          <h1 className="mt-3 font-serif text-[1.7rem] font-semibold leading-snug tracking-tight text-balance sm:text-4xl">
            “{claim.text}”
          </h1>
          <p className="mt-3 text-base text-ink-muted">
            {claim.claimant ? (
              <>
                Claimed by <span className="font-medium text-ink">{claim.claimant}</span>
              </>
            ) : (
              'Claim'
            )}
            {claim.claimDay ? <PublicDate day={claim.claimDay} prefix=" on " /> : null}
          </p>
          <div className="mt-6">
            <VerdictStamp verdict={claim.verdict} label={claim.verdictLabel} />
          </div>
        </header>

        <section aria-labelledby="in-context" className="avoid-break mt-10">
          <h2 id="in-context" className="text-xs font-semibold uppercase tracking-[0.14em] text-ink-muted">
            In context
          </h2>
          <figure className="mt-3 rounded-xl border border-ink/10 bg-paper p-5 shadow-sm sm:p-6">
            <blockquote className="font-serif text-lg leading-relaxed text-ink">
              <p>
                {claim.context.before}
                <mark className="rounded-sm bg-yellow-100 px-0.5 text-ink decoration-yellow-500 underline decoration-2 underline-offset-4">
                  {claim.context.quote}
                </mark>
                {claim.context.after}
              </p>
            </blockquote>
            <figcaption className="mt-4 text-sm text-ink-muted">
              From “{report.title}”{report.outlet ? `, ${report.outlet}` : ''}
              {report.publishedDay ? <PublicDate day={report.publishedDay} prefix=", " /> : null}
              {report.url ? (
                <>
                  {' · '}
                  <a href={report.url} rel="noopener noreferrer nofollow" className="print-url">
                    original on {hostOf(report.url)}
                  </a>
                </>
              ) : null}
            </figcaption>
          </figure>
        </section>

        <section aria-labelledby="why" className="mt-10">
          <h2 id="why" className="font-serif text-2xl font-semibold">
            Why we rated it {claim.verdictLabel.toLowerCase()}
          </h2>
          <div className="mt-3 space-y-4 text-lg leading-relaxed text-ink">
            {paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
          {claim.approvedDay ? (
            <p className="mt-4 text-sm text-ink-muted">
              Checked by {org.name} · <PublicDate day={claim.approvedDay} prefix="approved " />
            </p>
          ) : null}
        </section>

        <section aria-labelledby="sources" className="mt-10">
          <h2 id="sources" className="font-serif text-2xl font-semibold">
            Sources
          </h2>
          {sources.length === 0 ? (
            <p className="mt-3 text-ink-muted">This verdict rests on no outside source.</p>
          ) : (
            <ol className="mt-4 space-y-3">
              {sources.map((source) => (
                <li
                  key={source.url}
                  className={`avoid-break rounded-lg border border-l-4 border-ink/10 ${stanceRule(source.stance)} bg-paper p-4`}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <a
                      href={source.url}
                      rel="noopener noreferrer nofollow"
                      className="print-url min-w-0 flex-1 font-medium break-words"
                    >
                      {source.title}
                    </a>
                    <StanceBadge stance={source.stance} />
                  </div>
                  <p className="mt-1 text-sm text-ink-muted">
                    {[source.publisher || hostOf(source.url), SOURCE_KIND_LABELS[source.kind]].join(' · ')}
                    {source.publishedDay ? <PublicDate day={source.publishedDay} prefix=" · " /> : null}
                    {source.archivedUrl ? (
                      <>
                        {' · '}
                        <a href={source.archivedUrl} rel="noopener noreferrer nofollow">
                          archived copy
                        </a>
                      </>
                    ) : null}
                  </p>
                  {source.excerpt ? (
                    <blockquote className="mt-2 border-l-2 border-paper-line pl-3 text-ink">
                      {source.excerpt}
                    </blockquote>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      </article>
      <JsonLd value={review} />
    </PublicFrame>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PublicNotFound error={error} />
}
