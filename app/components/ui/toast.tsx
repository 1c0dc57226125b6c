// The message left by the last action ("Claim approved"). Rendered on the server, so it reads
// without JavaScript; the live region stays mounted so a new message is announced after navigation.
import { useState } from 'react'
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
  const visible = toast && key !== dismissed ? toast : null
  const kind = visible ? KINDS[visible.kind] : null
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={cx(visible ? 'mb-4' : undefined, className)}>
      {visible && kind ? (
        <div className={cx('flex items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-sm', kind.box)}>
          <span
            aria-hidden="true"
            className={cx('mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold', kind.glyphBox)}
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
  )
}
