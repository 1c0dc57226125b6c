import { Link } from 'react-router'
import type { Route } from './+types/index'
import { deskOverview } from '~/articles/articles.server'
import { requirePermission } from '~/auth/session.server'
import { claimListHref } from '~/claims/claim-list-query'
import { CountLink } from '~/components/dashboard-parts'
import { useClientLinks } from '~/components/ui/client-links'

export const meta: Route.MetaFunction = () => [{ title: 'Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'dashboard:view')
  return deskOverview()
}

export default function DeskHome({ loaderData }: Route.ComponentProps) {
  const { articles, claimsByStatus } = loaderData
  const links = useClientLinks<HTMLDivElement>()
  return (
    <div ref={links} className="space-y-6">
      <h1 className="text-2xl font-semibold">The desk</h1>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Claims by status">
        {claimsByStatus.map((row) => (
          <li key={row.status} className="rounded-lg border border-paper-line bg-paper p-4">
            <p className="text-sm text-ink-muted">{row.label}</p>
            <p className="text-2xl font-semibold">
              <CountLink count={row.count} to={claimListHref({ status: row.status })} label={`${row.label} claims`} />
            </p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="recent-articles" className="rounded-lg border border-paper-line bg-paper">
        <h2 id="recent-articles" className="border-b border-paper-line px-4 py-3 font-semibold">
          Recent articles
        </h2>
        {articles.length === 0 ? (
          <p className="px-4 py-6 text-ink-muted">No articles yet.</p>
        ) : (
          <ul className="divide-y divide-paper-line">
            {articles.map((article) => (
              <li key={article.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                <h3 className="min-w-0 font-medium">
                  <Link to={`/articles/${article.id}`}>{article.title}</Link>
                </h3>
                <span className="text-sm text-ink-muted">
                  {article.outlet ? `${article.outlet} · ` : null}
                  <CountLink
                    count={article.claimCount}
                    to={claimListHref({ article: article.id })}
                    label={`Claims in ${article.title}`}
                    className="text-ink-muted"
                  />{' '}
                  {article.claimCount === 1 ? 'claim' : 'claims'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
