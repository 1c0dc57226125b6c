// Claims by status and by verdict as bar charts, each with the same numbers in a table behind it.
// Recharts measures the page to draw, so the charts appear once the browser has the page; the
// tables are plain HTML from the server and work without JavaScript.
import { useEffect, useId, useState, type ReactNode } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import { STATUS_LABELS } from '~/claims/workflow'
import { verdictLabel } from '~/claims/verdicts'
import type { StatusCount, VerdictTally } from '~/credibility/credibility.server'
import { formatCount } from '~/credibility/format'
import { STATUS_STYLES, StatusGlyph } from './status-badge'
import { VERDICT_STYLES } from './verdict-badge'
import { Card, CardHeader, EmptyState } from './ui/card'

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

const AXIS_TICK = { fill: '#57606a', fontSize: 12 }
const BAR_SIZE = 18
const CATEGORY_GAP = 12

type Series = {
  key: string
  name: string
  /** Per row colour; the "proposed" series stacks after the approved one in the same colour, paler and dashed. */
  colorOf: (row: ChartRow) => string
  pale?: boolean
}

type ChartRow = { label: string; color: string } & Record<string, number | string>

function ChartFrame({ height, children }: { height: number; children: ReactNode }) {
  const hydrated = useHydrated()
  return (
    // The table below carries the numbers for assistive technology; the drawing is for the eye.
    <div aria-hidden="true" className="w-full min-w-0" style={{ height }}>
      {hydrated ? children : <div className="h-full w-full animate-pulse rounded-md bg-paper-sunk" />}
    </div>
  )
}

/** One bar per row; several series stack along it. The number at the end of each bar is `caption`. */
function HorizontalBars({
  rows,
  series,
  labelWidth,
  caption,
  captionWidth = 56,
}: {
  rows: ChartRow[]
  series: Series[]
  labelWidth: number
  caption: (row: ChartRow) => string
  /** Room at the right of the longest bar for its caption. */
  captionWidth?: number
}) {
  const height = rows.length * (BAR_SIZE + CATEGORY_GAP) + 36
  return (
    <ChartFrame height={height}>
      <BarChart
        responsive
        style={{ width: '100%', height }}
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: captionWidth, bottom: 4, left: 0 }}
        barSize={BAR_SIZE}
        barCategoryGap={CATEGORY_GAP}
      >
        <CartesianGrid horizontal={false} stroke="#e5e7eb" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} stroke="#d0d7de" />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={AXIS_TICK} stroke="#d0d7de" interval={0} />
        <Tooltip cursor={{ fill: '#f6f8fa' }} />
        {series.map((s, index) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="claims" isAnimationActive={false}>
            {rows.map((row) => (
              <Cell
                key={row.label}
                fill={s.colorOf(row)}
                fillOpacity={s.pale ? 0.3 : 1}
                stroke={s.pale ? s.colorOf(row) : '#57606a'}
                strokeOpacity={s.pale ? 1 : 0.25}
                strokeDasharray={s.pale ? '4 2' : undefined}
              />
            ))}
            {/* The caption goes at the end of the bar: after the last segment that has a length. */}
            <LabelList
              position="right"
              fill="#1f2328"
              fontSize={12}
              valueAccessor={(_entry, at) => {
                const row = rows[at]
                const endsHere = row && Number(row[s.key]) > 0 && series.slice(index + 1).every((later) => !(Number(row[later.key]) > 0))
                return endsHere ? caption(row) : ''
              }}
            />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  )
}

function ShowAsTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand hover:underline">Show as table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  )
}

const TH = 'border-b border-paper-line px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-ink-muted'
const TD = 'border-b border-paper-line px-2 py-1.5'

export function StatusChart({ counts, filtered }: { counts: StatusCount[]; filtered: boolean }) {
  const titleId = useId()
  const total = counts.reduce((sum, row) => sum + row.count, 0)
  const rows: ChartRow[] = counts.map((row) => ({ label: STATUS_LABELS[row.status], color: STATUS_STYLES[row.status].color, claims: row.count }))
  return (
    <Card aria-labelledby={titleId} className="min-w-0">
      <CardHeader as="h2" titleId={titleId} title="Claims by status" description="Where the work is." />
      {total === 0 ? (
        <EmptyState
          title={filtered ? 'No claims match this filter' : 'No claims yet'}
          description={filtered ? 'Try a wider date range or another tag.' : 'Claims appear here as soon as someone adds one to an article.'}
        />
      ) : (
        <>
          <HorizontalBars
            rows={rows}
            labelWidth={112}
            series={[{ key: 'claims', name: 'Claims', colorOf: (row) => row.color }]}
            caption={(row) => formatCount(Number(row.claims))}
          />
          <ShowAsTable caption="Claims by status">
            <thead>
              <tr>
                <th scope="col" className={TH}>Status</th>
                <th scope="col" className={`${TH} text-right`}>Claims</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((row) => (
                <tr key={row.status}>
                  <th scope="row" className={`${TD} font-normal`}>
                    <span className="inline-flex items-center gap-1.5">
                      <StatusGlyph status={row.status} />
                      {STATUS_LABELS[row.status]}
                    </span>
                  </th>
                  <td className={`${TD} text-right tabular-nums`}>{formatCount(row.count)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="px-2 py-1.5 font-semibold">All claims</th>
                <td className="px-2 py-1.5 text-right font-semibold tabular-nums\">{formatCount(total)}</td>
              </tr>
            </tfoot>
          </ShowAsTable>
        </>
      )}
    </Card>
  )
}

function LegendSwatch({ pale }: { pale?: boolean }) {
  return pale ? (
    <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm border border-dashed border-gray-600 bg-gray-600/30" />
  ) : (
    <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm bg-gray-600" />
  )
}

export function VerdictChart({ tallies, filtered }: { tallies: VerdictTally[]; filtered: boolean }) {
  const titleId = useId()
  const approved = tallies.reduce((sum, row) => sum + row.approved, 0)
  const proposed = tallies.reduce((sum, row) => sum + row.proposed, 0)
  const rows: ChartRow[] = tallies.map((row) => ({
    label: verdictLabel(row.verdict),
    color: VERDICT_STYLES[row.verdict].color,
    approved: row.approved,
    proposed: row.proposed,
  }))
  return (
    <Card aria-labelledby={titleId} className="min-w-0">
      <CardHeader
        as="h2"
        titleId={titleId}
        title="Claims by verdict"
        description="Approved verdicts are the desk’s findings. Proposed verdicts are waiting for an editor and do not count towards any score yet."
      />
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
          <HorizontalBars
            rows={rows}
            labelWidth={132}
            captionWidth={proposed > 0 ? 104 : 56}
            caption={(row) =>
              Number(row.proposed) > 0
                ? `${formatCount(Number(row.approved))} + ${formatCount(Number(row.proposed))}`
                : formatCount(Number(row.approved))
            }
            series={[
              { key: 'approved', name: 'Approved', colorOf: (row) => row.color },
              { key: 'proposed', name: 'Proposed, awaiting review', colorOf: (row) => row.color, pale: true },
            ]}
          />
          <ShowAsTable caption="Claims by verdict: approved, and proposed awaiting review">
            <thead>
              <tr>
                <th scope="col" className={TH}>Verdict</th>
                <th scope="col" className={`${TH} text-right`}>Approved</th>
                <th scope="col" className={`${TH} text-right`}>Proposed, awaiting review</th>
              </tr>
            </thead>
            <tbody>
              {tallies.map((row) => (
                <tr key={row.verdict}>
                  <th scope="row" className={`${TD} font-normal`}>
                    <span className="inline-flex items-center gap-1.5">
                      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${VERDICT_STYLES[row.verdict].bar}`} />
                      {verdictLabel(row.verdict)}
                    </span>
                  </th>
                  <td className={`${TD} text-right tabular-nums`}>{formatCount(row.approved)}</td>
                  <td className={`${TD} text-right tabular-nums`}>{formatCount(row.proposed)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="px-2 py-1.5 font-semibold">All verdicts</th>
                <td className="px-2 py-1.5 text-right font-semibold tabular-nums\">{formatCount(approved)}</td>
                <td className="px-2 py-1.5 text-right font-semibold tabular-nums\">{formatCount(proposed)}</td>
              </tr>
            </tfoot>
          </ShowAsTable>
        </>
      )}
    </Card>
  )
}
