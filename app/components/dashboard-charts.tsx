// Claims by status and by verdict as bar charts: each bar is plain SVG in the theme's colours, with
// its label and its number written beside it, so nothing rests on colour and nothing waits for
// JavaScript. Each number links to the list of the claims it counts. The same numbers are in a
// table behind each chart.
import type { ReactNode } from 'react'
import { STATUS_LABELS } from '~/claims/workflow'
import { verdictLabel } from '~/claims/verdicts'
import type { StatusCount, VerdictTally } from '~/credibility/credibility.server'
import type { DashboardFilters } from '~/credibility/dashboard-query'
import { claimsCount, formatCount } from '~/credibility/format'
import { claimsOf, ColumnHeads, CountLink } from './dashboard-parts'
import { STATUS_STYLES, StatusGlyph } from './status-badge'
import { VERDICT_STYLES } from './verdict-badge'
import { EmptyState, TitledCard } from './ui/card'
import { cx } from './ui/cx'

type BarRow = {
  key: string
  label: ReactNode
  /** The bar's fill, a `fill-*` class (a CSS variable of the theme). */
  fill: string
  /** Drawn solid, from the left. */
  value: number
  /** Drawn after `value`, pale and dashed: claims proposed but not yet approved. */
  pending?: number
  /** The number written at the end of the bar, as a person reads it: links to the claims counted. */
  caption: ReactNode
  /** What a screen reader hears for the row. */
  description: string
}

/** One bar per row, scaled to the longest; the label on the left and the number on the right. */
function HorizontalBars({ rows, label, labelWidth }: { rows: BarRow[]; label: string; labelWidth: string }) {
  const longest = Math.max(1, ...rows.map((row) => row.value + (row.pending ?? 0)))
  const percent = (count: number) => (count / longest) * 100
  return (
    <ul
      aria-label={label}
      className="grid gap-1.5 text-sm"
      style={{ gridTemplateColumns: `${labelWidth} minmax(0, 1fr) auto` }}
    >
      {rows.map((row) => (
        <li key={row.key} className="col-span-3 grid grid-cols-subgrid items-center gap-x-2">
          <span className="sr-only">{row.description}</span>
          <span aria-hidden="true" className="truncate">
            {row.label}
          </span>
          <svg aria-hidden="true" className="h-[18px] w-full overflow-visible" focusable="false">
            <rect x="0" y="0" width="100%" height="100%" rx="3" className="fill-paper-sunk" />
            {row.value > 0 ? (
              <rect x="0" y="0" width={`${percent(row.value)}%`} height="100%" rx="3" className={row.fill} />
            ) : null}
            {row.pending ? (
              <rect
                x={`${percent(row.value)}%`}
                y="0.5"
                width={`${percent(row.pending)}%`}
                height="17"
                rx="3"
                className={cx(row.fill, 'stroke-ink-muted')}
                fillOpacity={0.3}
                strokeDasharray="4 2"
              />
            ) : null}
          </svg>
          <span className="text-right tabular-nums text-ink">{row.caption}</span>
        </li>
      ))}
    </ul>
  )
}

const TH = 'border-b border-paper-line px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-ink-muted'
const TD = 'border-b border-paper-line px-2 py-1.5'
const TOTAL = 'px-2 py-1.5 font-semibold'

type TableRow = {
  key: string
  label: ReactNode
  counts: number[]
  /** For each count, the list of the claims it counts and what that link says to a screen reader. */
  links: { to: string; label: string }[]
}

/** The chart's numbers as a table behind a disclosure: one row per bar, one column per count, and the totals. */
function ShowAsTable({
  caption,
  heads,
  rows,
  totalLabel,
}: {
  caption: string
  /** The first column's heading, then one per count. */
  heads: string[]
  rows: TableRow[]
  totalLabel: string
}) {
  const totals = heads.slice(1).map((_, column) => rows.reduce((sum, row) => sum + (row.counts[column] ?? 0), 0))
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand hover:underline">Show as table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <ColumnHeads
            cell={TH}
            columns={heads.map((label, index) => ({ label, className: index > 0 ? 'text-right' : undefined }))}
          />
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={`${TD} font-normal`}>
                  <span className="inline-flex items-center gap-1.5">{row.label}</span>
                </th>
                {row.counts.map((count, index) => (
                  <td key={index} className={`${TD} text-right`}>
                    <CountLink count={count} {...row.links[index]!} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className={TOTAL}>
                {totalLabel}
              </th>
              {totals.map((total, index) => (
                <td key={index} className={`${TOTAL} text-right tabular-nums`}>
                  {formatCount(total)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  )
}

export function StatusChart({
  counts,
  filtered,
  filters,
}: {
  counts: StatusCount[]
  filtered: boolean
  filters: DashboardFilters
}) {
  const total = counts.reduce((sum, row) => sum + row.count, 0)
  const rows: BarRow[] = counts.map((row) => ({
    key: row.status,
    label: (
      <span className="inline-flex items-center gap-1.5">
        <StatusGlyph status={row.status} />
        {STATUS_LABELS[row.status]}
      </span>
    ),
    fill: STATUS_STYLES[row.status].fill,
    value: row.count,
    caption: (
      <CountLink
        count={row.count}
        to={claimsOf(filters, { status: row.status })}
        label={`${STATUS_LABELS[row.status]} claims`}
      />
    ),
    description: `${STATUS_LABELS[row.status]}: ${claimsCount(row.count)}`,
  }))
  return (
    <TitledCard className="min-w-0" title="Claims by status" description="Where the work is.">
      {total === 0 ? (
        <EmptyState
          title={filtered ? 'No claims match this filter' : 'No claims yet'}
          description={
            filtered
              ? 'Try a wider date range or another tag.'
              : 'Claims appear here as soon as someone adds one to an article.'
          }
        />
      ) : (
        <>
          <HorizontalBars rows={rows} label="Claims by status" labelWidth="7.5rem" />
          <ShowAsTable
            caption="Claims by status"
            heads={['Status', 'Claims']}
            rows={counts.map((row) => ({
              key: row.status,
              label: (
                <>
                  <StatusGlyph status={row.status} />
                  {STATUS_LABELS[row.status]}
                </>
              ),
              counts: [row.count],
              links: [{ to: claimsOf(filters, { status: row.status }), label: `${STATUS_LABELS[row.status]} claims` }],
            }))}
            totalLabel="All claims"
          />
        </>
      )}
    </TitledCard>
  )
}

function LegendSwatch({ pale }: { pale?: boolean }) {
  return pale ? (
    <span
      aria-hidden="true"
      className="inline-block h-3 w-5 rounded-sm border border-dashed border-gray-600 bg-gray-600/30"
    />
  ) : (
    <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm bg-gray-600" />
  )
}

export function VerdictChart({
  tallies,
  filtered,
  filters,
}: {
  tallies: VerdictTally[]
  filtered: boolean
  filters: DashboardFilters
}) {
  const approved = tallies.reduce((sum, row) => sum + row.approved, 0)
  const proposed = tallies.reduce((sum, row) => sum + row.proposed, 0)
  const rows: BarRow[] = tallies.map((row) => ({
    key: row.verdict,
    label: verdictLabel(row.verdict),
    fill: VERDICT_STYLES[row.verdict].fill,
    value: row.approved,
    pending: row.proposed,
    caption: (
      <>
        <CountLink
          count={row.approved}
          to={claimsOf(filters, { status: 'APPROVED', verdict: row.verdict })}
          label={`Approved as ${verdictLabel(row.verdict)}`}
        />
        {row.proposed > 0 ? (
          <>
            {' + '}
            <CountLink
              count={row.proposed}
              to={claimsOf(filters, { status: 'NEEDS_REVIEW', verdict: row.verdict })}
              label={`Proposed as ${verdictLabel(row.verdict)}, awaiting review`}
            />
          </>
        ) : null}
      </>
    ),
    description: `${verdictLabel(row.verdict)}: ${formatCount(row.approved)} approved, ${formatCount(row.proposed)} proposed awaiting review`,
  }))
  return (
    <TitledCard
      className="min-w-0"
      title="Claims by verdict"
      description="Approved verdicts are the desk’s findings. Proposed verdicts are waiting for an editor and do not count towards any score yet."
    >
      {approved + proposed === 0 ? (
        <EmptyState
          title={filtered ? 'No verdicts match this filter' : 'No verdicts yet'}
          description="A verdict shows here once a fact-checker proposes it, and counts once an editor approves it."
        />
      ) : (
        <>
          <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-muted" aria-label="Legend">
            <li className="inline-flex items-center gap-1.5">
              <LegendSwatch /> Approved ({formatCount(approved)})
            </li>
            <li className="inline-flex items-center gap-1.5">
              <LegendSwatch pale /> Proposed, awaiting review ({formatCount(proposed)})
            </li>
            {proposed > 0 ? <li>Numbers: approved + proposed</li> : null}
          </ul>
          <HorizontalBars rows={rows} label="Claims by verdict" labelWidth="8.5rem" />
          <ShowAsTable
            caption="Claims by verdict: approved, and proposed awaiting review"
            heads={['Verdict', 'Approved', 'Proposed, awaiting review']}
            rows={tallies.map((row) => ({
              key: row.verdict,
              label: (
                <>
                  <span
                    aria-hidden="true"
                    className={`size-2.5 shrink-0 rounded-full ${VERDICT_STYLES[row.verdict].bar}`}
                  />
                  {verdictLabel(row.verdict)}
                </>
              ),
              counts: [row.approved, row.proposed],
              links: [
                {
                  to: claimsOf(filters, { status: 'APPROVED', verdict: row.verdict }),
                  label: `Approved as ${verdictLabel(row.verdict)}`,
                },
                {
                  to: claimsOf(filters, { status: 'NEEDS_REVIEW', verdict: row.verdict }),
                  label: `Proposed as ${verdictLabel(row.verdict)}, awaiting review`,
                },
              ],
            }))}
            totalLabel="All verdicts"
          />
        </>
      )}
    </TitledCard>
  )
}
