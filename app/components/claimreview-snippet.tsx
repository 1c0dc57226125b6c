// The article's ClaimReview JSON-LD, ready to paste into the published story's HTML so search engines
// show the desk's verdicts. Loaded with `claimReviewsForArticle(articleId)` from exports.server.ts.
import { useEffect, useId, useRef, useState } from 'react'
import { Button } from './ui/button'
import { cx } from './ui/cx'

export type ClaimReviewSnippetProps = {
  /** From `claimReviewsForArticle`: how many ClaimReviews, and the `<script>` element holding them. */
  snippet: { count: number; html: string }
  className?: string
}

type CopyState = 'idle' | 'copied' | 'selected'

export function ClaimReviewSnippet({ snippet, className }: ClaimReviewSnippetProps) {
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [state, setState] = useState<CopyState>('idle')
  const hintId = useId()
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])

  function announce(next: CopyState) {
    setState(next)
    window.clearTimeout(timer.current)
    if (next === 'copied') timer.current = window.setTimeout(() => setState('idle'), 4000)
  }

  async function copy() {
    try {
      // Not available over plain HTTP or when the browser refuses: fall back on selecting the text.
      await navigator.clipboard.writeText(snippet.html)
      announce('copied')
      return
    } catch {
      // fall through
    }
    const element = textarea.current
    if (!element) return
    element.focus()
    element.select()
    let copied = false
    try {
      copied = document.execCommand('copy')
    } catch {
      copied = false
    }
    announce(copied ? 'copied' : 'selected')
  }

  return (
    <details className={cx('group rounded-lg border border-paper-line bg-paper shadow-sm', className)}>
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 text-sm font-medium text-ink marker:hidden [&::-webkit-details-marker]:hidden">
        <span>
          ClaimReview JSON-LD{' '}
          <span className="font-normal text-ink-muted">
            (
            {snippet.count === 0
              ? 'no approved verdicts yet'
              : `${snippet.count} approved ${snippet.count === 1 ? 'verdict' : 'verdicts'}`}
            )
          </span>
        </span>
        <span aria-hidden="true" className="text-ink-muted transition-transform group-open:rotate-90">
          ›
        </span>
      </summary>
      <div className="space-y-3 border-t border-paper-line px-4 py-3">
        {snippet.count === 0 ? (
          <p className="text-sm text-ink-muted">
            Once an editor approves a verdict on one of this article’s claims, its ClaimReview appears here to paste
            into the published story.
          </p>
        ) : (
          <>
            <p id={hintId} className="text-sm text-ink-muted">
              Paste this into the HTML of the published story (anywhere in the page) so search engines show the desk’s
              verdicts.
            </p>
            <label className="sr-only" htmlFor={`${hintId}-code`}>
              ClaimReview JSON-LD for this article
            </label>
            <textarea
              ref={textarea}
              id={`${hintId}-code`}
              readOnly
              value={snippet.html}
              aria-describedby={hintId}
              rows={Math.min(16, snippet.html.split('\n').length)}
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
              className="block w-full resize-y rounded-md border border-paper-line bg-paper-sunk px-3 py-2 font-mono text-xs leading-relaxed text-ink"
            />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="button" variant="secondary" size="sm" onClick={copy}>
                Copy JSON-LD
              </Button>
              <p role="status" aria-live="polite" className="text-sm text-ink-muted">
                {state === 'copied'
                  ? 'Copied to the clipboard.'
                  : state === 'selected'
                    ? 'Selected: press Ctrl+C (⌘C on a Mac) to copy.'
                    : ''}
              </p>
            </div>
          </>
        )}
      </div>
    </details>
  )
}
