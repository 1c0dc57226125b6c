// Tables of rows (articles, exports, users). On a phone a "stacked" table hides its column headings and
// each row folds into a small card of its own; a table that scrolls sideways keeps them.
import type { ReactNode } from 'react'
import { cx } from './cx'

/** A heading's text, or its text with classes for that column (`whitespace-nowrap`, `text-right`). */
export type Column = string | { label: ReactNode; className?: string }

const HEAD = {
  stacked: {
    row: 'hidden border-b border-paper-line bg-paper-sunk text-xs font-semibold tracking-wide text-ink-muted uppercase md:table-header-group',
    cell: 'px-4 py-2.5',
  },
  scrolling: {
    row: 'border-b border-paper-line bg-paper-sunk text-xs uppercase tracking-wide text-ink-muted',
    cell: 'px-4 py-2',
  },
}

export function TableHead({ columns, look = 'stacked' }: { columns: readonly Column[]; look?: keyof typeof HEAD }) {
  const { row, cell } = HEAD[look]
  return (
    <thead className={row}>
      <tr>
        {columns.map((column, index) => {
          const { label, className } = typeof column === 'string' ? { label: column, className: undefined } : column
          return (
            <th key={index} scope="col" className={cx(cell, className)}>
              {label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}

export type DataTableProps = {
  /** Read out to screen readers before the table: what it lists and in which order. */
  caption: string
  columns: readonly Column[]
  /** The rows. */
  children: ReactNode
  /** Below the table, inside its frame: usually a Pager. */
  footer?: ReactNode
}

/** A stacked table in a card of its own. */
export function DataTable({ caption, columns, children, footer }: DataTableProps) {
  return (
    <div className="overflow-hidden rounded-lg border border-paper-line bg-paper shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={columns} />
        <tbody className="divide-y divide-paper-line">{children}</tbody>
      </table>
      {footer}
    </div>
  )
}
