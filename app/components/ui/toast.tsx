// The message left by the last action ("Claim approved"). Rendered on the server, so it reads
// without JavaScript; the live region stays mounted so a new message is announced after navigation.
// It sits fixed at the bottom of the window, so it is in view wherever the action left the page, and
// it lasts as long as the page it arrived with: the next navigation or form sent takes it away, so an
// old "Saved" never stands beside a later error.
import { useEffect, useState } from 'react'
import { useFetchers, useLocation, useNavigation } from 'react-router'
import { cx } from './cx'

export type ToastKind = 'success' | 'error' | 'info'

export type ToastMessage = {
  kind: ToastKind
  message: string
  /** Distinguishes two identical messages in a row, so the second shows even if the first was dismissed. */
  id?: string
}

const KINDS: Record<ToastKind, { label: string; glyph: string; box: string; glyphBox: string }> = {
  success: {
    label: 'Done',
    glyph: '✓',
    box: 'border-green-300 bg-green-50 text-green-900',
    glyphBox: 'bg-green-700 text-white',
  },
  error: {
    label: 'Error',
    glyph: '!',
    box: 'border-red-300 bg-red-50 text-red-900',
    glyphBox: 'bg-red-700 text-white',
  },
  info: {
    label: 'Note',
    glyph: 'i',
    box: 'border-blue-200 bg-blue-50 text-blue-900',
    glyphBox: 'bg-brand text-white',
  },
}

export function Toast({ toast, className }: { toast: ToastMessage | null | undefined; className?: string }) {
  const key = toast ? `${toast.id ?? ''}|${toast.kind}|${toast.message}` : null
  const [dismissed, setDismissed] = useState<string | null>(null)
  const location = useLocation()
  const navigation = useNavigation()
  const fetchers = useFetchers()
  const sending = navigation.state === 'submitting' || fetchers.some((fetcher) => fetcher.state === 'submitting')
  // The page a message arrived with; it is stale once the person has moved on from there.
  const [arrival, setArrival] = useState({ key, location: location.key })
  if (arrival.key !== key) setArrival({ key, location: location.key })
  const stale = arrival.location !== location.key
  useEffect(() => {
    if (sending || stale) setDismissed(key)
  }, [sending, stale, key])
  const visible = toast && key !== dismissed && !sending && !stale ? toast : null
  const kind = visible ? KINDS[visible.kind] : null
  return (
    <>
      {/* Room at the end of the page, so the message never covers the last of it. */}
      {visible ? <div aria-hidden="true" className="h-20" /> : null}
      <div
        role="status"
        aria-label="Messages"
        aria-live="polite"
        aria-atomic="true"
        className={cx(
          'pointer-events-none fixed inset-x-3 bottom-3 z-40 flex justify-center sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-[26rem]',
          className,
        )}
      >
        {visible && kind ? (
          <div
            className={cx(
              'pointer-events-auto flex w-full items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-lg',
              kind.box,
            )}
          >
            <span
              aria-hidden="true"
              className={cx(
                'mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold',
                kind.glyphBox,
              )}
            >
              {kind.glyph}
            </span>
            <p className="min-w-0 flex-1 py-0.5">
              <span className="sr-only">{kind.label}: </span>
              {visible.message}
            </p>
            <button
              type="button"
              onClick={() => setDismissed(key)}
              className="-my-1 -mr-2 inline-flex min-h-8 shrink-0 items-center rounded px-2 text-sm font-medium underline underline-offset-2 hover:bg-black/5"
            >
              Dismiss<span className="sr-only"> message</span>
            </button>
          </div>
        ) : null}
      </div>
    </>
  )
}
