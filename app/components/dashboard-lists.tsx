// The dashboard's work lists: what is overdue, who holds how much open work, and what happened last.
// Every count links to the list of the claims it counts.
import { Link } from 'react-router'
import { ROLE_LABELS } from '~/auth/permissions'
import { STATUS_LABELS } from '~/claims/workflow'
import type { ActivityItem, CheckerLoad, OverdueClaim } from '~/credibility/credibility.server'
import type { DashboardFilters } from '~/credibility/dashboard-query'
import { dueWords } from '~/claims/due'
import { feedWords } from '~/claims/history-wording'
import { inQuotes } from '~/credibility/format'
import { formatDay, formatMoment } from '~/utils/dates'
import type { ClaimStatus } from '~/generated/prisma/enums'
import { claimsOf, ColumnHeads, CountLink, StatusTally } from './dashboard-parts'
import { StatusBadge, StatusGlyph } from './status-badge'
import { EmptyState, TitledCard } from './ui/card'
import { cx } from './ui/cx'

const TH = 'border-b border-paper-line px-3 py-2 text-xs font-semibold uppercase tracking-wide text-ink-muted'
const TD = 'border-b border-paper-line px-3 py-2'

export function OverdueClaims({
  claims,
  total,
  now,
  filters,
}: {
  claims: OverdueClaim[]
  total: number
  now: string
  filters: DashboardFilters
}) {
  return (
    <TitledCard
      className="min-w-0"
      title="Overdue claims"
      description={
        total > claims.length ? (
          <>
            The {claims.length} most overdue of{' '}
            <CountLink count={total} to={claimsOf(filters, { due: 'overdue' })} label="Overdue claims" />, oldest due
            date first.
          </>
        ) : (
          'Past their due date and not yet approved, oldest first.'
        )
      }
    >
      {claims.length === 0 ? (
        <EmptyState
          title="Nothing is overdue"
          description="Every claim with a due date is either approved or still within its time."
        />
      ) : (
        <ol className="divide-y divide-paper-line" data-testid="overdue-list">
          {claims.map((claim) => (
            <li key={claim.id} className="py-2.5 first:pt-0 last:pb-0">
              <Link to={`/claims/${claim.id}`} className="line-clamp-2 font-medium">
                {claim.text}
              </Link>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
                <span className="font-medium text-red-800">{dueWords(claim.dueAt, now)}</span>
                <span aria-hidden="true">·</span>
                <span>due {formatDay(claim.dueAt)}</span>
                <StatusBadge status={claim.status} />
                <span>{claim.assigneeName ?? 'Unassigned'}</span>
              </p>
              <p className="mt-0.5 truncate text-sm text-ink-muted">
                in{' '}
                <Link to={`/articles/${claim.articleId}`} className="text-ink-muted">
                  {claim.articleTitle}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </TitledCard>
  )
}

const OPEN_STATUS_ORDER: ClaimStatus[] = ['UNREVIEWED', 'IN_RESEARCH', 'NEEDS_REVIEW']

export function CheckerLoadTable({
  load,
  unassigned,
  filters,
}: {
  load: CheckerLoad[]
  unassigned: number
  filters: DashboardFilters
}) {
  return (
    <TitledCard
      className="min-w-0"
      title="Open claims per person"
      description="Claims assigned to each fact-checker and editor that are not approved yet."
    >
      <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-hidden="true">
        {OPEN_STATUS_ORDER.map((status) => (
          <li key={status} className="inline-flex items-center gap-1">
            <StatusGlyph status={status} />
            {STATUS_LABELS[status]}
          </li>
        ))}
      </ul>
      {load.length === 0 && unassigned === 0 ? (
        <EmptyState
          title="No fact-checkers yet"
          description="An admin can add fact-checkers and editors under Admin."
        />
      ) : (
        <div className="-mx-4 overflow-x-auto sm:-mx-5">
          <table className="w-full text-left text-sm" data-testid="checker-load">
            <ColumnHeads
              cell={TH}
              columns={[
                { label: 'Person' },
                { label: 'Open', className: 'text-right' },
                { label: 'By status' },
                { label: 'Overdue', className: 'text-right' },
              ]}
            />
            <tbody>
              {load.map((person) => (
                <tr key={person.userId} className={person.active ? undefined : 'text-ink-muted'}>
                  <th scope="row" className={`${TD} font-normal`}>
                    <span className="font-medium text-ink">{person.name}</span>
                    <span className="block text-xs text-ink-muted">
                      {ROLE_LABELS[person.role]}
                      {person.active ? '' : ' · deactivated'}
                    </span>
                  </th>
                  <td className={`${TD} text-right font-semibold`}>
                    <CountLink
                      count={person.openCount}
                      to={claimsOf(filters, { assignee: person.userId, status: 'open' })}
                      label={`Open claims of ${person.name}`}
                    />
                  </td>
                  <td className={TD}>
                    <StatusTally
                      counts={person.byStatus}
                      listOf={(status) => claimsOf(filters, { assignee: person.userId, status })}
                    />
                  </td>
                  <td
                    className={cx(
                      TD,
                      'text-right tabular-nums',
                      person.overdueCount > 0 && 'font-semibold text-red-800',
                    )}
                  >
                    <CountLink
                      count={person.overdueCount}
                      to={claimsOf(filters, { assignee: person.userId, due: 'overdue' })}
                      label={`Overdue claims of ${person.name}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="px-3 py-2 font-normal text-ink-muted">
                  Nobody assigned
                </th>
                <td className="px-3 py-2 text-right text-ink-muted" data-testid="unassigned-open">
                  <CountLink
                    count={unassigned}
                    to={claimsOf(filters, { assignee: 'none', status: 'open' })}
                    label="Open claims nobody holds"
                  />
                </td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </TitledCard>
  )
}

export function ActivityList({ items, filtered = false }: { items: ActivityItem[]; filtered?: boolean }) {
  return (
    <TitledCard className="min-w-0" title="Recent activity" description="The latest changes to claims, newest first.">
      {items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No activity on these claims' : 'No activity yet'}
          description="Every change to a claim — added, researched, proposed, approved — is listed here."
        />
      ) : (
        <ol className="divide-y divide-paper-line" data-testid="activity">
          {items.map((item) => (
            <li key={item.id} className="grid gap-x-4 gap-y-0.5 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-[9rem_1fr]">
              <time dateTime={new Date(item.createdAt).toISOString()} className="text-sm text-ink-muted tabular-nums">
                {formatMoment(item.createdAt)}
              </time>
              <p className="min-w-0 text-sm">
                <span className="font-medium">{item.actorName}</span> {feedWords(item.type, item.toStatus)[0]}{' '}
                <Link to={`/claims/${item.claimId}`} className="break-words">
                  {inQuotes(item.claimText)}
                </Link>
                {feedWords(item.type, item.toStatus)[1]}
                {item.note ? <span className="block text-ink-muted">Note: {item.note}</span> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </TitledCard>
  )
}
