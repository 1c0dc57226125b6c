// Where keyboard focus goes once a form has been sent and the page has settled. Re-rendering after an
// action removes the button that was pressed, and focus would fall to the top of the page; instead it
// moves to what the action produced: the error summary if one appeared, the element the redirect points
// at (#comment-…, #quote-…), else the heading of the section the form was in, else the page's heading.
// A field Conform has already focused (the first one with an error) keeps it, as does one still in place.
import { useEffect, useRef } from 'react'
import { useFetchers, useLocation, useNavigation } from 'react-router'

type Sent = {
  /** The heading naming the section the form was in (its `aria-labelledby`). */
  headingId: string | null
  pathname: string
  /** Alerts already on the page, so only one the action brought is taken as its error summary. */
  alertsBefore: Set<Element>
  /** Set once the router is seen sending it; a form stopped by validation in the browser never is. */
  underway: boolean
}

/** Room above a section brought into view, as `scroll-mt-24` leaves for a #fragment. */
const SECTION_MARGIN = 96

const NATIVELY_FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]'

function focusOn(element: HTMLElement, options?: FocusOptions) {
  // Headings and sections take focus from script only, never from the Tab key.
  if (!element.matches(NATIVELY_FOCUSABLE)) element.setAttribute('tabindex', '-1')
  element.focus(options)
}

function isShown(element: Element): boolean {
  return element instanceof HTMLElement && element.getClientRects().length > 0
}

export function focusResult(sent: Omit<Sent, 'underway'>, where: { pathname: string; hash: string }) {
  const active = document.activeElement
  const onField = active instanceof HTMLElement && active.isConnected && active.matches('input, select, textarea')
  if (onField && active.getAttribute('aria-invalid') === 'true') return
  const main = document.getElementById('main') ?? document.body
  const alert = Array.from(main.querySelectorAll('[role="alert"]')).find(
    (element) => !sent.alertsBefore.has(element) && isShown(element),
  )
  if (alert instanceof HTMLElement) return focusOn(alert)
  // A field still in place (Enter pressed in it, or one Conform chose, such as "Which occurrence?") keeps focus.
  if (onField) return
  const id = where.hash ? decodeURIComponent(where.hash.slice(1)) : ''
  const target = id ? document.getElementById(id) : null
  // The router has scrolled it into view already.
  if (target && isShown(target)) return focusOn(target, { preventScroll: true })
  const heading = sent.pathname === where.pathname && sent.headingId ? document.getElementById(sent.headingId) : null
  if (heading && isShown(heading)) {
    focusOn(heading, { preventScroll: true })
    // Re-rendering the page may have scrolled it to the top; bring the section back to where one reads.
    const top = heading.getBoundingClientRect().top
    if (top < 0 || top > window.innerHeight / 2) window.scrollBy({ top: top - SECTION_MARGIN, behavior: 'instant' })
    return
  }
  const title = main.querySelector('h1')
  if (title instanceof HTMLElement) focusOn(title)
}

/** Call once, in the layout: every form sent with the router then leaves focus on its result. */
export function useFocusOnResult() {
  const navigation = useNavigation()
  const fetchers = useFetchers()
  const location = useLocation()
  const sent = useRef<Sent | null>(null)

  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target
      if (!(form instanceof HTMLFormElement)) return
      const method = (event.submitter?.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get').toLowerCase()
      if (method === 'get') return
      const labelled = form.closest('[aria-labelledby]')?.getAttribute('aria-labelledby')?.split(/\s+/)[0] ?? null
      sent.current = {
        headingId: labelled,
        pathname: window.location.pathname,
        alertsBefore: new Set(document.querySelectorAll('[role="alert"]')),
        underway: false,
      }
    }
    document.addEventListener('submit', onSubmit, true)
    return () => document.removeEventListener('submit', onSubmit, true)
  }, [])

  // A sent form stays "underway" through the loading that follows its action, so a busy machine that renders
  // submitting and loading in one go is still seen sending it.
  const sending =
    (navigation.state !== 'idle' && navigation.formData !== undefined) ||
    fetchers.some((fetcher) => fetcher.state !== 'idle' && fetcher.formData !== undefined)
  const settled = navigation.state === 'idle' && fetchers.every((fetcher) => fetcher.state === 'idle')

  useEffect(() => {
    if (sending && sent.current) sent.current.underway = true
  }, [sending])

  useEffect(() => {
    const done = sent.current
    if (!settled || !done?.underway) return
    // After the router's own scrolling and Conform's focusing of an invalid field.
    const frame = requestAnimationFrame(() => {
      if (sent.current !== done) return
      sent.current = null
      focusResult(done, { pathname: location.pathname, hash: location.hash })
    })
    return () => cancelAnimationFrame(frame)
  }, [settled, location.pathname, location.hash])
}
