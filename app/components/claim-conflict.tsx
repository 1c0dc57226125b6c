// Shown when the user acted on a version of the claim that is no longer current: what the claim is
// now, what others did since, and what the user typed, so nothing they wrote is lost.
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { HistoryItem, type HistoryEntryView } from './claim-history'
import { StatusBadge } from './status-badge'
import { VerdictBadge } from './verdict-badge'

export type ClaimConflictView = {
  current: {
    version: number
    status: ClaimStatus
    verdict: Verdict | null
    rationale: string
    assignee: string | null
    due: { label: string; words: string } | null
    sourceCount: number
  }
  events: HistoryEntryView[]
}

export type TypedValue = { label: string; value: string }

export function ClaimConflict({ conflict, typed }: { conflict: ClaimConflictView; typed: readonly TypedValue[] }) {
  const { current, events } = conflict
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="mb-6 rounded-lg border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 p-4 text-sm text-ink sm:p-5"
    >
      <h2 id="conflict-heading" className="text-base font-semibold text-amber-950">
        This claim changed while you had it open
      </h2>
      <p className="mt-1 text-amber-950">
        Nothing you submitted was saved. Check what changed; your form below still holds what you typed, so you can
        submit it again if it still applies.
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="font-semibold">
            {events.length === 1 ? 'What changed since' : `What changed since (${events.length})`}
          </h3>
          {events.length > 0 ? (
            <ol className="mt-2 rounded-md border border-amber-200 bg-paper p-3">
              {events.map((entry) => (
                <HistoryItem key={entry.id} entry={entry} />
              ))}
            </ol>
          ) : (
            <p className="mt-1 text-ink-muted">
              The page was out of date; the claim as it is now is shown on the right.
            </p>
          )}
        </div>
        <div className="space-y-4">
          <div>
            <h3 className="font-semibold">The claim now</h3>
            <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-md border border-amber-200 bg-paper p-3">
              <dt className="text-ink-muted">Status</dt>
              <dd>
                <StatusBadge status={current.status} />
              </dd>
              <dt className="text-ink-muted">Verdict</dt>
              <dd>
                <VerdictBadge verdict={current.verdict} status={current.status} />
              </dd>
              <dt className="text-ink-muted">Assignee</dt>
              <dd>{current.assignee ?? 'Nobody'}</dd>
              <dt className="text-ink-muted">Due</dt>
              <dd>
                {current.due
                  ? `${current.due.label} (${current.due.words.charAt(0).toLowerCase()}${current.due.words.slice(1)})`
                  : 'No due date'}
              </dd>
              <dt className="text-ink-muted">Sources</dt>
              <dd>{current.sourceCount}</dd>
            </dl>
          </div>
          {typed.length > 0 ? (
            <div>
              <h3 className="font-semibold">What you entered</h3>
              <dl className="mt-2 space-y-1.5 rounded-md border border-amber-200 bg-paper p-3">
                {typed.map((entry) => (
                  <div key={entry.label}>
                    <dt className="text-ink-muted">{entry.label}</dt>
                    <dd className="break-words whitespace-pre-wrap">{entry.value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  )
}
