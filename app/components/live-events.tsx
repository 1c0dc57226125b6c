// The page's one connection to /events (Server-Sent Events), shared by whatever listens: the bell,
// the open claim's panel. EventSource reconnects by itself and sends Last-Event-ID, so the server
// replays what the page missed. Without JavaScript nothing here runs and the pages work as before.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'

// Each listener knows the shape of its event's data; the stream's JSON is trusted as the server wrote it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (data: any, id: string) => void
type Subscribe = (type: string, listener: Listener) => () => void

const LiveEventsContext = createContext<Subscribe | null>(null)

export const LIVE_EVENT_TYPES = ['notification', 'claim', 'presence'] as const

export function LiveEventsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const listeners = useRef(new Map<string, Set<Listener>>())
  const [subscribe] = useState<Subscribe>(() => (type: string, listener: Listener) => {
    const set = listeners.current.get(type) ?? new Set()
    listeners.current.set(type, set)
    set.add(listener)
    return () => set.delete(listener)
  })

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const source = new EventSource('/events')
    const handlers = LIVE_EVENT_TYPES.map((type) => {
      const handler = (event: MessageEvent<string>) => {
        let data: unknown
        try {
          data = JSON.parse(event.data)
        } catch {
          return
        }
        for (const listener of listeners.current.get(type) ?? []) listener(data, event.lastEventId)
      }
      source.addEventListener(type, handler)
      return [type, handler] as const
    })
    document.documentElement.dataset.live = 'connecting'
    source.addEventListener('open', () => {
      document.documentElement.dataset.live = 'open'
    })
    return () => {
      for (const [type, handler] of handlers) source.removeEventListener(type, handler)
      source.close()
      delete document.documentElement.dataset.live
    }
  }, [enabled])

  return <LiveEventsContext.Provider value={subscribe}>{children}</LiveEventsContext.Provider>
}

/** Calls `listener` with each event of `type` while the component is mounted. */
export function useLiveEvent(type: (typeof LIVE_EVENT_TYPES)[number], listener: Listener) {
  const subscribe = useContext(LiveEventsContext)
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => {
    if (!subscribe) return
    return subscribe(type, (data, id) => latest.current(data, id))
  }, [subscribe, type])
}
