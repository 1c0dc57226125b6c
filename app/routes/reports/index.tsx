// The newsroom's published fact checks, newest first: where a reader lands to browse them, and what the
// sitemap and a report's masthead lead back to. Public: no session is read (app/reports/paths.ts).
import { PublicDate, PublicFrame, PublicNotFound } from '~/components/public-report'
import { publicReportList } from '~/reports/public-reports.server'
import { conditionalGet, publicData } from '~/reports/public-route.server'
import { absoluteUrl } from '~/reports/paths'
import { shareMeta } from '~/reports/share-meta'
import { getEnv } from '~/utils/env.server'
import { pageUrl } from '~/utils/page-url'
import type { Route } from './+types/index'

export const middleware: Route.MiddlewareFunction[] = [conditionalGet]

export async function loader({ request }: Route.LoaderArgs) {
  const params = pageUrl(request).searchParams
  const after = params.get('after')?.slice(0, 200) ?? null
  const list = await publicReportList(after)
  return publicData({ ...list, url: absoluteUrl(getEnv().APP_ORIGIN, '/reports'), paged: after !== null })
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return []
  const { org, url } = loaderData
  return shareMeta({
    title: 'Fact checks',
    description: `The articles ${org.name} has checked, claim by claim, with the verdict on each and the sources behind it.`,
    url,
    siteName: org.name,
  })
}

function checkedWords(checked: number) {
  return `${checked.toLocaleString('en-GB')} ${checked === 1 ? 'claim' : 'claims'} checked`
}

export default function PublicReportsPage({ loaderData }: Route.ComponentProps) {
  const { org, reports, next, paged } = loaderData
  return (
    <PublicFrame org={org}>
      <div className="mx-auto max-w-3xl px-5 pb-8 pt-10 sm:pt-14">
        <header>
          <p className="text-xs font-semibold uppercase tracking-[0.14em] text-brand">{org.name}</p>
          <h1 className="mt-3 font-serif text-3xl font-semibold leading-tight tracking-tight sm:text-[2.6rem]">
            Fact checks
          </h1>
          <p className="mt-4 text-base text-ink-muted">
            Articles we checked claim by claim, newest first. Each report gives the verdict on every claim and the
            sources behind it.
          </p>
        </header>
        {reports.length === 0 ? (
          <p className="mt-10 text-lg text-ink-muted">
            {paged ? 'There are no more fact checks.' : 'No fact check has been published yet.'}
          </p>
        ) : (
          <ol className="mt-8 space-y-4">
            {reports.map((report) => (
              <li key={report.path} className="rounded-xl border border-ink/10 bg-paper p-5 shadow-sm sm:p-6">
                <h2 className="font-serif text-xl font-semibold leading-snug">
                  <a href={report.path} className="text-ink no-underline hover:underline">
                    {report.title}
                  </a>
                </h2>
                <p className="mt-2 text-sm text-ink-muted">
                  {report.outlet ? <>{report.outlet} · </> : null}
                  <PublicDate day={report.publishedDay} prefix="Published " /> · {checkedWords(report.checked)}
                  {report.score !== null ? (
                    <>
                      {' '}
                      · Credibility <span className="font-semibold text-ink">{report.score}</span> out of 100
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        )}
        {next ? (
          <p className="mt-8">
            <a href={`/reports?after=${encodeURIComponent(next)}`} className="font-medium">
              Older fact checks →
            </a>
          </p>
        ) : null}
      </div>
    </PublicFrame>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PublicNotFound error={error} />
}
