// Long lists and tables draw their links as plain <a> elements and this one listener on their container
// navigates them on the client, as a <Link> would: a <Link> per cell costs the server several hooks on every
// render, and a list of articles or claims has hundreds of them.
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'

/** A ref for the container whose plain same-origin links should navigate without reloading the page. */
export function useClientLinks<T extends HTMLElement>() {
  const container = useRef<T>(null)
  const navigate = useNavigate()
  useEffect(() => {
    const element = container.current
    if (!element) return
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = (event.target as Element | null)?.closest?.('a[href]')
      if (!(link instanceof HTMLAnchorElement) || !element!.contains(link)) return
      if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return
      const url = new URL(link.href)
      // Another site, or a file (an export) rather than a page.
      if (url.origin !== window.location.origin || /\.\w+$/.test(url.pathname)) return
      event.preventDefault()
      void navigate(`${url.pathname}${url.search}${url.hash}`)
    }
    element.addEventListener('click', onClick)
    return () => element.removeEventListener('click', onClick)
  }, [navigate])
  return container
}
