// The claim's audit trail as a timeline: who did what and when, the status it moved between, the
// note they left and what changed, in words. Also used to list what changed under a stale form.
import type { HistoryEntry } from '~/claims/history-wording'
import type { ClaimEventType } from '~/generated/prisma/enums'
import { formatDayTime } from '~/utils/dates'
import { StatusBadge } from './status-badge'
import { cx } from './ui/cx'

export type HistoryEntryView = HistoryEntry

const MARKER: Partial<Record<ClaimEventType, string>> = {
  APPROVED: 'bg-status-approved',
  RETURNED: 'bg-status-research',
  REOPENED: 'bg-status-unreviewed',
  VERDICT_PROPOSED: 'bg-status-review',
  STATUS_CHANGED: 'bg-status-research',
}

export function HistoryItem({ entry }: { entry: HistoryEntryView }) {
  return (
    <li className="group relative pb-5 pl-6 last:pb-0">
      <span aria-hidden="true" className="absolute top-1.5 bottom-0 left-[5px] w-px bg-paper-line group-last:hidden" />
      <span
        aria-hidden="true"
        className={cx(
          'absolute top-1.5 left-0 size-[11px] rounded-full border-2 border-paper',
          MARKER[entry.type] ?? 'bg-ink-faint',
        )}
      />
      <p className="text-sm">
        <span className="font-semibold text-ink">{entry.title}</span>
        <span className="text-ink-muted"> · {entry.actor}</span>
      </p>
      <p className="text-xs text-ink-muted">
        <time dateTime={entry.at}>{formatDayTime(entry.at)}</time>
      </p>
      {entry.toStatus && entry.type !== 'CREATED' ? (
        <p className="mt-1 flex flex-wrap items-center gap-1 text-xs text-ink-muted">
          {entry.fromStatus ? (
            <>
              <StatusBadge status={entry.fromStatus} />
              <span aria-hidden="true">→</span>
              <span className="sr-only">to</span>
            </>
          ) : null}
          <StatusBadge status={entry.toStatus} />
        </p>
      ) : null}
      {entry.details.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-sm text-ink">
          {entry.details.map((detail, index) => (
            <li key={`${index}:${detail}`} className="break-words">
              {detail}
            </li>
          ))}
        </ul>
      ) : null}
      {entry.note ? (
        <blockquote className="mt-1.5 rounded border-l-4 border-paper-line bg-paper-sunk px-3 py-1.5 text-sm whitespace-pre-wrap text-ink">
          <span className="sr-only">Note: </span>
          {entry.note}
        </blockquote>
      ) : null}
    </li>
  )
}

export function ClaimHistory({
  entries,
  className,
  label = 'History',
}: {
  entries: readonly HistoryEntryView[]
  className?: string
  label?: string
}) {
  if (entries.length === 0) return <p className="text-sm text-ink-muted">Nothing has happened to this claim yet.</p>
  return (
    <ol aria-label={label} className={cx('space-y-0', className)}>
      {entries.map((entry) => (
        <HistoryItem key={entry.id} entry={entry} />
      ))}
    </ol>
  )
}
