import { requirePermission } from '~/auth/session.server'
import { DashboardArticles } from '~/components/dashboard-articles'
import { StatusChart, VerdictChart } from '~/components/dashboard-charts'
import { DashboardFilters } from '~/components/dashboard-filters'
import { ActivityList, CheckerLoadTable, OverdueClaims } from '~/components/dashboard-lists'
import { DashboardTotals } from '~/components/dashboard-totals'
import { useClientLinks } from '~/components/ui/client-links'
import { PageHeader } from '~/components/ui/page-header'
import { deskDashboard } from '~/credibility/credibility.server'
import { parseDashboardQuery } from '~/credibility/dashboard-query'
import type { Route } from './+types/dashboard'
import { pageUrl } from '~/utils/page-url'

export const meta: Route.MetaFunction = () => [{ title: 'Dashboard · Factdesk' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'dashboard:view')
  const { query, errors } = parseDashboardQuery(pageUrl(request).searchParams)
  const now = new Date()
  const dashboard = await deskDashboard(query, { now })
  return { ...dashboard, query, errors, now: now.toISOString() }
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { query, errors, now, filtered, totals, byStatus, byVerdict, overdue, load, articles, activity, tags } =
    loaderData
  const links = useClientLinks<HTMLDivElement>()
  return (
    <div ref={links} className="space-y-6">
      <PageHeader title="Dashboard" description="Credibility, progress and workload across the desk." />
      <DashboardFilters query={query} errors={errors} tags={tags} />
      <DashboardTotals totals={totals} filtered={filtered} filters={query} />
      <div className="grid gap-6 lg:grid-cols-2">
        <StatusChart counts={byStatus} filtered={filtered} filters={query} />
        <VerdictChart tallies={byVerdict} filtered={filtered} filters={query} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <OverdueClaims claims={overdue} total={totals.overdueCount} now={now} filters={query} />
        <CheckerLoadTable load={load} unassigned={totals.unassignedOpenCount} filters={query} />
      </div>
      <DashboardArticles
        rows={articles.rows}
        query={query}
        nextCursor={articles.nextCursor}
        isFirstPage={articles.isFirstPage}
        total={totals.articleCount}
        filtered={filtered}
      />
      <ActivityList items={activity} filtered={filtered} />
    </div>
  )
}
