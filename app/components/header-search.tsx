// The header's search box: a GET form to /search, so it works without JavaScript. `/` puts the cursor in
// it from anywhere, except where a page has its own `/` (the article workspace searches its claim list):
// the page's listener sits on the document and marks the key as used, and this one, on the window, runs
// after it and leaves a used key alone, so one key press never does both.
import { useEffect, useRef } from 'react'
import { Form, useLocation } from 'react-router'
import { SEARCH_MAX_LENGTH } from '~/search/query'
import { isTyping } from './claim-shortcuts'
import { CONTROL } from './ui/field'
import { cx } from './ui/cx'

export function HeaderSearch({ className }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null)
  const location = useLocation()
  const current = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : ''
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented) return
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || isTyping(event.target)) return
      if (document.querySelector('dialog[open]')) return
      event.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
  return (
    <Form method="get" action="/search" role="search" className={cx('flex min-w-0 items-center', className)}>
      <label htmlFor="header-search" className="sr-only">
        Search claims, sources and articles
      </label>
      <input
        ref={input}
        key={current}
        id="header-search"
        type="search"
        name="q"
        defaultValue={current}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder="Search"
        aria-keyshortcuts="/"
        className={cx(CONTROL, 'min-w-0 py-1.5 pr-8')}
      />
      <kbd aria-hidden="true" className="kbd pointer-events-none -ml-7 hidden sm:inline-block">
        /
      </kbd>
    </Form>
  )
}
