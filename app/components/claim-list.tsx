// The article's claims as a compact list, one line each, numbered as the highlights are, with
// filters (status, verdict, mine, unassigned, words) and their counts. Filtering happens in the
// browser on what the list already holds, so it never waits for the server.
import { forwardRef, useMemo } from 'react'
import { Link } from 'react-router'
import { STATUS_LABELS } from '~/claims/workflow'
import { VERDICTS, verdictShownAs, verdictStanding } from '~/claims/verdicts'
import { ClaimStatus, type Verdict } from '~/generated/prisma/enums'
import { claimHref } from './claim-href'
import { STATUS_STYLES, StatusGlyph } from './status-badge'
import { formatDay } from '~/utils/dates'
import { cx } from './ui/cx'
import { VERDICT_STYLES } from './verdict-badge'

export type ClaimRow = {
  id: string
  number: number
  startOffset: number
  endOffset: number
  status: ClaimStatus
  verdict: Verdict | null
  /** The claim as a checkable sentence, cut short for the list. */
  text: string
  /** The span of the article it marks. */
  quote: string
  assignee: string | null
  mine: boolean
  /** The due day (YYYY-MM-DD) and whether it has passed. */
  due: { day: string; overdue: boolean } | null
}

export type ClaimFilter = {
  status: ClaimStatus | null
  /** A verdict (approved or draft), 'none' for claims without one, or null for any. */
  verdict: Verdict | 'none' | null
  who: 'anyone' | 'mine' | 'unassigned'
  words: string
}

export const NO_FILTER: ClaimFilter = { status: null, verdict: null, who: 'anyone', words: '' }

function matches(row: ClaimRow, filter: ClaimFilter, words: string): boolean {
  if (filter.status && row.status !== filter.status) return false
  if (filter.verdict === 'none' ? row.verdict !== null : filter.verdict && row.verdict !== filter.verdict) return false
  if (filter.who === 'mine' && !row.mine) return false
  if (filter.who === 'unassigned' && row.assignee !== null) return false
  if (words && !`${row.number} ${row.text} ${row.quote} ${row.assignee ?? ''}`.toLowerCase().includes(words))
    return false
  return true
}

/** The rows the filter lets through, in list order. */
export function filterClaims(rows: readonly ClaimRow[], filter: ClaimFilter): ClaimRow[] {
  const words = filter.words.trim().toLowerCase()
  return rows.filter((row) => matches(row, filter, words))
}

/** How many rows each choice of one filter would show, with the other filters as they are. */
function useCounts(rows: readonly ClaimRow[], filter: ClaimFilter) {
  return useMemo(() => {
    const count = (change: Partial<ClaimFilter>) => filterClaims(rows, { ...filter, ...change }).length
    return {
      status: Object.fromEntries(
        [null, ...Object.values(ClaimStatus)].map((status) => [String(status), count({ status })]),
      ),
      verdict: Object.fromEntries(
        [null, 'none' as const, ...VERDICTS.map((info) => info.verdict)].map((verdict) => [
          String(verdict),
          count({ verdict }),
        ]),
      ),
      who: { anyone: count({ who: 'anyone' }), mine: count({ who: 'mine' }), unassigned: count({ who: 'unassigned' }) },
    }
  }, [rows, filter])
}

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" aria-pressed={pressed} onClick={onClick} className="chip">
      {children}
    </button>
  )
}

const Count = ({ n }: { n: number }) => <span className="chip-count">{n}</span>

export type ClaimFiltersProps = {
  rows: readonly ClaimRow[]
  filter: ClaimFilter
  onChange: (filter: ClaimFilter) => void
}

export const ClaimFilters = forwardRef<HTMLInputElement, ClaimFiltersProps>(function ClaimFilters(
  { rows, filter, onChange },
  searchRef,
) {
  const counts = useCounts(rows, filter)
  const set = (change: Partial<ClaimFilter>) => onChange({ ...filter, ...change })
  return (
    <div className="space-y-2" role="group" aria-label="Filter the claims">
      <input
        ref={searchRef}
        type="search"
        value={filter.words}
        onChange={(event) => set({ words: event.target.value })}
        placeholder="Search claims  ( / )"
        aria-label="Search the claims"
        aria-keyshortcuts="/"
        className="block w-full rounded-md border border-paper-line bg-paper px-2.5 py-1.5 text-sm placeholder:text-ink-faint"
      />
      <div className="flex flex-wrap gap-1" role="group" aria-label="Status">
        <Chip pressed={filter.status === null} onClick={() => set({ status: null })}>
          All <Count n={counts.status.null!} />
        </Chip>
        {Object.values(ClaimStatus).map((status) => (
          <Chip key={status} pressed={filter.status === status} onClick={() => set({ status })}>
            <StatusGlyph status={status} />
            {STATUS_LABELS[status]} <Count n={counts.status[status]!} />
          </Chip>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <div className="flex flex-wrap gap-1" role="group" aria-label="Assignee">
          <Chip pressed={filter.who === 'mine'} onClick={() => set({ who: filter.who === 'mine' ? 'anyone' : 'mine' })}>
            Mine <Count n={counts.who.mine} />
          </Chip>
          <Chip
            pressed={filter.who === 'unassigned'}
            onClick={() => set({ who: filter.who === 'unassigned' ? 'anyone' : 'unassigned' })}
          >
            Unassigned <Count n={counts.who.unassigned} />
          </Chip>
        </div>
        <label className="ml-auto flex items-center gap-1.5 text-xs text-ink-muted">
          Verdict
          <select
            value={filter.verdict ?? ''}
            onChange={(event) => set({ verdict: (event.target.value || null) as ClaimFilter['verdict'] })}
            className="rounded-md border border-paper-line bg-paper px-1.5 py-1 text-xs text-ink"
          >
            <option value="">Any ({counts.verdict.null})</option>
            <option value="none">None yet ({counts.verdict.none})</option>
            {VERDICTS.map((info) => (
              <option key={info.verdict} value={info.verdict}>
                {info.label} ({counts.verdict[info.verdict]})
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  )
})

function VerdictTag({ row }: { row: ClaimRow }) {
  const standing = verdictStanding(row)
  // An empty cell keeps the row's columns in line.
  if (!standing) return <span />
  return (
    <span className={cx('verdict-tag', standing.draft ? 'draft-tag' : VERDICT_STYLES[standing.verdict].tag)}>
      {verdictShownAs(row)}
    </span>
  )
}

export type ClaimListProps = {
  articleId: string
  rows: readonly ClaimRow[]
  selectedId: string | null
}

/** The row of a claim in the list, for moving focus to it. */
export function claimRowLink(claimId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[id="claim-${CSS.escape(claimId)}"] > a`)
}

/** One line per claim: number, status, verdict or draft, the claim, assignee and due date. */
export function ClaimList({ articleId, rows, selectedId }: ClaimListProps) {
  return (
    <ol className="claim-rows" aria-label="Claims in the order they appear in the text">
      {rows.map((row) => (
        <li key={row.id} id={`claim-${row.id}`}>
          <Link
            to={claimHref(articleId, row.id)}
            preventScrollReset
            discover="none"
            aria-current={row.id === selectedId ? 'true' : undefined}
            className="claim-row"
          >
            <span className="claim-number">{row.number}</span>
            <span className={STATUS_STYLES[row.status].dot} title={STATUS_LABELS[row.status]}>
              <span className="sr-only">{STATUS_LABELS[row.status]}</span>
            </span>
            <VerdictTag row={row} />
            <span className="claim-row-text">{row.text}</span>
            <span className="claim-row-meta">
              {row.assignee ?? <span className="italic">Unassigned</span>}
              {row.due ? (
                <span className={row.due.overdue ? 'font-semibold text-red-800' : undefined}>
                  {' · '}
                  {row.due.overdue ? 'overdue ' : 'due '}
                  <time dateTime={row.due.day}>{formatDay(row.due.day)}</time>
                </span>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ol>
  )
}
