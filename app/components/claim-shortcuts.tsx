// The workspace's keyboard: single keys for the everyday moves, and the dialog that lists them (?).
// A key never fires while the person types in a field, nor with Ctrl, Alt or Meta (the browser's own).
import { forwardRef, useEffect, useRef } from 'react'
import { Button } from './ui/button'

export type ShortcutKey = 'j' | 'k' | 'Enter' | 'Escape' | 's' | 'a' | 'c' | '/' | '?'

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['j'], does: 'Go to the next claim' },
  { keys: ['k'], does: 'Go to the previous claim' },
  { keys: ['Enter'], does: 'Open the claim in focus' },
  { keys: ['Esc'], does: 'Close the claim, back to the list' },
  { keys: ['s'], does: 'Start research on the open claim' },
  { keys: ['a'], does: 'Open the form to cite a source' },
  { keys: ['c'], does: 'Write a comment on the open claim' },
  { keys: ['/'], does: 'Search the list of claims' },
  { keys: ['?'], does: 'Show these shortcuts' },
]

/** True when a key press belongs to what the person is typing, not to the workspace. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null
}

/**
 * Calls `onKey` for the workspace's keys. Returns true from `onKey` to say the key was used (its default
 * is then prevented). Enter is left to the element in focus (a link opens) unless `onKey` takes it.
 */
export function useShortcuts(onKey: (key: ShortcutKey, event: KeyboardEvent) => boolean) {
  const latest = useRef(onKey)
  latest.current = onKey
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return
      if (isTyping(event.target)) return
      // An open dialog owns the keyboard (Esc closes it natively).
      if (document.querySelector('dialog[open]')) return
      const key = event.key as ShortcutKey
      if (!['j', 'k', 'Enter', 'Escape', 's', 'a', 'c', '/', '?'].includes(key)) return
      if (latest.current(key, event)) event.preventDefault()
    }
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}

export const ShortcutsDialog = forwardRef<HTMLDialogElement>(function ShortcutsDialog(_props, ref) {
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      className="m-auto w-full max-w-sm rounded-lg border border-paper-line bg-paper p-5 text-ink shadow-xl backdrop:bg-ink/30"
    >
      <h2 id="shortcuts-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        They work anywhere in the workspace except while you type in a field.
      </p>
      <dl className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.does} className="contents">
            <dt>
              {shortcut.keys.map((key) => (
                <kbd key={key} className="kbd">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{shortcut.does}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-5 text-right">
        <Button variant="secondary" size="sm" onClick={(event) => event.currentTarget.closest('dialog')?.close()}>
          Close
        </Button>
      </div>
    </dialog>
  )
})
