// The export history on /export: who exported what, when, in which format, and how many claims.
import { Link } from 'react-router'
import { formatDayTime } from '~/utils/dates'
import { EmptyState } from './ui/card'
import { Pager } from './ui/pager'
import { DataTable, type Column } from './ui/table'

export type ExportHistoryRow = {
  id: string
  who: string
  createdAt: string | Date
  format: string
  description: string
  rowCount: number
}

const NUMBER = new Intl.NumberFormat('en-GB')

const COLUMNS: Column[] = [
  { label: 'When', className: 'whitespace-nowrap' },
  'Who',
  'Format',
  'Claims covered',
  { label: 'Rows', className: 'text-right' },
]

export function ExportHistory({
  items,
  newerHref,
  olderHref,
}: {
  items: readonly ExportHistoryRow[]
  /** The first page, when this is not it. */
  newerHref: string | null
  olderHref: string | null
}) {
  if (items.length === 0) {
    return newerHref ? (
      <EmptyState title="No older exports" action={<Link to={newerHref}>Back to the newest</Link>} />
    ) : (
      <EmptyState
        title="Nothing exported yet"
        description="Each download is listed here with who made it and what it covered."
      />
    )
  }
  return (
    <DataTable
      caption="Past exports, newest first"
      columns={COLUMNS}
      footer={
        newerHref || olderHref ? (
          <Pager
            label="Pages of exports"
            first={newerHref}
            next={olderHref}
            firstLabel="Newest exports"
            nextLabel="Older exports"
            preventScrollReset
            className="border-t border-paper-line px-4 py-3"
          />
        ) : null
      }
    >
      {items.map((item) => (
        <tr key={item.id} className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5 px-4 py-3 md:table-row md:p-0">
          <td className="text-ink-muted md:px-4 md:py-3 md:whitespace-nowrap">
            <time dateTime={new Date(item.createdAt).toISOString()}>{formatDayTime(item.createdAt)}</time>
          </td>
          <td className="col-start-1 font-medium text-ink md:px-4 md:py-3">{item.who}</td>
          <td className="col-start-2 row-start-1 text-right md:px-4 md:py-3 md:text-left md:whitespace-nowrap">
            <span className="rounded border border-paper-line bg-paper-sunk px-1.5 py-0.5 text-xs font-medium text-ink">
              {item.format}
            </span>
          </td>
          <td className="col-span-2 text-ink md:px-4 md:py-3">{item.description}</td>
          <td className="col-span-2 text-ink-muted md:px-4 md:py-3 md:text-right md:text-ink md:tabular-nums">
            {NUMBER.format(item.rowCount)}
            <span className="md:sr-only"> {item.rowCount === 1 ? 'claim' : 'claims'}</span>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
