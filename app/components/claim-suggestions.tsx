// "Suggested claims": the article's sentences that state checkable facts, best first by the trained
// model's score, each with the evidence found in it. Accept makes it a claim, split makes one claim of
// each fact a sentence states; dismiss hides it for the whole desk.
// Plain forms underneath, so it all works without JavaScript; with it, nothing reloads or jumps.
import { Link, useFetcher } from 'react-router'
import { CheckedBeforeMark } from '~/fact-checks/checked-before-mark'
import { Badge } from './ui/badge'
import { Button } from './ui/button'
import { cx } from './ui/cx'

export type SuggestionItem = {
  startOffset: number
  endOffset: number
  text: string
  score: number
  reasons: string[]
  /** The spans of its two checkable facts, when it states two (offsets into the body). */
  parts?: ReadonlyArray<{ startOffset: number; endOffset: number }>
}

export type DismissedItem = SuggestionItem & { dismissedBy: string }

export type ClaimSuggestionsProps = {
  /** Where the forms post: the workspace, with its query string so the redirect returns to the same view. */
  action: string
  shown: readonly SuggestionItem[]
  total: number
  /** Link to the full list, when only the top ones are shown. */
  showAllHref?: string
  /** Link back to the top ones, when the full list is shown. */
  showTopHref?: string
  dismissed: readonly DismissedItem[]
  canAct: boolean
}

// Signs of opinion, hedging or a question; the other reasons are evidence of a checkable fact.
const DOUBT = /^(sentiment|opinion|hedge|question|short)\b/

function ReasonChips({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return null
  return (
    <ul className="mt-2 flex flex-wrap gap-1" aria-label="Why it was suggested">
      {reasons.map((reason) => {
        const [kind, ...rest] = reason.split(': ')
        const detail = rest.join(': ')
        const doubt = DOUBT.test(reason)
        return (
          <li key={reason} className="max-w-full">
            <Badge
              tone={doubt ? 'warning' : 'info'}
              className="font-normal whitespace-normal"
              title={doubt ? 'A sign of opinion, hedging or a question' : 'Evidence of a checkable fact'}
            >
              <span aria-hidden="true">{doubt ? '−' : '+'}</span>
              <span className="sr-only">{doubt ? 'Sign of opinion or doubt: ' : 'Evidence: '}</span>
              {detail ? (
                <>
                  <span className="opacity-75">{kind}</span> {detail}
                </>
              ) : (
                kind
              )}
            </Badge>
          </li>
        )
      })}
    </ul>
  )
}

function Score({ score }: { score: number }) {
  const percent = Math.round(score * 100)
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-ink-muted"
      title="Check-worthiness: how likely a fact-checker would check this sentence, by the trained model"
    >
      <span
        aria-hidden="true"
        className="h-1.5 w-12 overflow-hidden rounded-full bg-paper-sunk ring-1 ring-paper-line ring-inset"
      >
        <span className="block h-full rounded-full bg-brand" style={{ width: `${percent}%` }} />
      </span>
      <span>
        <span className="font-semibold text-ink tabular-nums">{percent}%</span> check-worthy
      </span>
    </span>
  )
}

function SuggestionRow({
  suggestion,
  action,
  canAct,
}: {
  suggestion: SuggestionItem
  action: string
  canAct: boolean
}) {
  const fetcher = useFetcher<{ message?: string }>()
  const intent = fetcher.formData?.get('intent')
  const busy = fetcher.state !== 'idle'
  // Once submitted, the row leaves the list at once; it comes back if the server refuses.
  if (busy && intent === 'dismiss') return null
  const error = fetcher.state === 'idle' ? fetcher.data?.message : undefined
  const parts = suggestion.parts ?? []
  const partText = (part: { startOffset: number; endOffset: number }) =>
    suggestion.text.slice(part.startOffset - suggestion.startOffset, part.endOffset - suggestion.startOffset)
  return (
    <li className={cx('py-3', busy && 'opacity-60')}>
      <div className="flex items-center justify-between gap-2">
        <Score score={suggestion.score} />
        <CheckedBeforeMark text={suggestion.text} />
      </div>
      <p className="mt-1.5 font-serif text-[0.95rem] leading-snug text-ink">{suggestion.text}</p>
      <ReasonChips reasons={suggestion.reasons} />
      {parts.length > 1 ? (
        <div className="mt-2 text-xs text-ink-muted">
          <p>States {parts.length} checkable facts:</p>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5" aria-label="Checkable facts it states">
            {parts.map((part) => (
              <li key={`${part.startOffset}:${part.endOffset}`}>{partText(part)}</li>
            ))}
          </ol>
        </div>
      ) : null}
      {canAct ? (
        <fetcher.Form method="post" action={action} preventScrollReset className="mt-2 flex flex-wrap gap-2">
          <input type="hidden" name="startOffset" value={suggestion.startOffset} />
          <input type="hidden" name="endOffset" value={suggestion.endOffset} />
          <Button type="submit" name="intent" value="accept" size="sm" variant="secondary" disabled={busy}>
            {busy && intent === 'accept' ? 'Adding…' : 'Accept'}
            <span className="sr-only"> as a claim: {suggestion.text.slice(0, 60)}</span>
          </Button>
          {parts.length > 1 ? (
            <Button type="submit" name="intent" value="split" size="sm" variant="secondary" disabled={busy}>
              {busy && intent === 'split' ? 'Splitting…' : `Split into ${parts.length} claims`}
              <span className="sr-only"> of the suggestion: {suggestion.text.slice(0, 60)}</span>
            </Button>
          ) : null}
          <Button type="submit" name="intent" value="dismiss" size="sm" variant="ghost" disabled={busy}>
            Dismiss<span className="sr-only"> suggestion: {suggestion.text.slice(0, 60)}</span>
          </Button>
        </fetcher.Form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  )
}

function DismissedRow({ suggestion, action, canAct }: { suggestion: DismissedItem; action: string; canAct: boolean }) {
  const fetcher = useFetcher<{ message?: string }>()
  if (fetcher.state !== 'idle') return null
  return (
    <li className="py-2">
      <p className="font-serif text-sm leading-snug text-ink-muted">{suggestion.text}</p>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-muted">
        <span>Dismissed by {suggestion.dismissedBy}</span>
        {canAct ? (
          <fetcher.Form method="post" action={action} preventScrollReset>
            <input type="hidden" name="startOffset" value={suggestion.startOffset} />
            <input type="hidden" name="endOffset" value={suggestion.endOffset} />
            <Button type="submit" name="intent" value="restore" size="sm" variant="ghost" className="min-h-7 px-2">
              Restore<span className="sr-only"> suggestion: {suggestion.text.slice(0, 60)}</span>
            </Button>
          </fetcher.Form>
        ) : null}
      </div>
      {fetcher.data?.message ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {fetcher.data.message}
        </p>
      ) : null}
    </li>
  )
}

export function ClaimSuggestions({
  action,
  shown,
  total,
  showAllHref,
  showTopHref,
  dismissed,
  canAct,
}: ClaimSuggestionsProps) {
  return (
    <div>
      {shown.length === 0 ? (
        <p className="text-sm text-ink-muted">
          {dismissed.length > 0
            ? 'Nothing left to suggest: every check-worthy sentence is a claim or was dismissed.'
            : 'Nothing to suggest: every check-worthy sentence is already a claim.'}
        </p>
      ) : (
        <ol className="-my-3 divide-y divide-paper-line">
          {shown.map((suggestion) => (
            <SuggestionRow
              key={`${suggestion.startOffset}:${suggestion.endOffset}`}
              suggestion={suggestion}
              action={action}
              canAct={canAct}
            />
          ))}
        </ol>
      )}
      {showAllHref && total > shown.length ? (
        <p className="mt-4">
          <Link to={showAllHref} preventScrollReset className="text-sm font-medium">
            Show all {total} suggestions
          </Link>
        </p>
      ) : null}
      {showTopHref ? (
        <p className="mt-4">
          <Link to={showTopHref} preventScrollReset className="text-sm font-medium">
            Show only the best ten
          </Link>
        </p>
      ) : null}
      {dismissed.length > 0 ? (
        <details className="group mt-4 border-t border-paper-line pt-3">
          <summary className="cursor-pointer text-sm font-medium text-ink-muted hover:text-ink">
            Show dismissed ({dismissed.length})
          </summary>
          <ul className="mt-1 divide-y divide-paper-line">
            {dismissed.map((suggestion) => (
              <DismissedRow
                key={`${suggestion.startOffset}:${suggestion.endOffset}`}
                suggestion={suggestion}
                action={action}
                canAct={canAct}
              />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
