// The open claim, live: when someone else changes it the panel says who and what, and reloads its
// data (what the person is typing stays: the forms keep their fields, and drafts keep the text); and
// "Dana is viewing this claim" while someone else has it open (best effort, refreshed every 20 s).
import { useEffect, useState } from 'react'
import { useRevalidator } from 'react-router'
import { claimChangeWords, type ClaimChange } from '~/live/wording'
import { useLiveEvent } from './live-events'

const PRESENCE_EVERY_MS = 20_000
const PRESENCE_LASTS_MS = 45_000

export function ClaimLive({ claimId, userId }: { claimId: string; userId: string }) {
  const revalidator = useRevalidator()
  const [change, setChange] = useState<string | null>(null)
  const [viewers, setViewers] = useState<Record<string, { name: string; until: number }>>({})

  useLiveEvent('claim', (data: ClaimChange & { claimId?: string }) => {
    if (data.actorId === userId || data.claimId !== claimId) return
    setChange(claimChangeWords(data))
    void revalidator.revalidate()
  })

  useLiveEvent('presence', (data: { userId: string; name: string; claimId?: string }) => {
    if (data.userId === userId || data.claimId !== claimId) return
    setViewers((current) => ({ ...current, [data.userId]: { name: data.name, until: Date.now() + PRESENCE_LASTS_MS } }))
  })

  // Tells the others this claim is open here, now and every 20 seconds while it stays open and visible.
  useEffect(() => {
    const ping = () => {
      if (document.visibilityState === 'hidden') return
      const body = new FormData()
      body.set('intent', 'presence')
      body.set('claimId', claimId)
      fetch('/events', { method: 'POST', body }).catch(() => {})
    }
    ping()
    const timer = setInterval(ping, PRESENCE_EVERY_MS)
    return () => clearInterval(timer)
  }, [claimId])

  // Forgets a viewer who stopped saying they are here.
  useEffect(() => {
    const timer = setInterval(() => {
      setViewers((current) => {
        const now = Date.now()
        const kept = Object.entries(current).filter(([, viewer]) => viewer.until > now)
        return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept)
      })
    }, 5_000)
    return () => clearInterval(timer)
  }, [])

  const names = Object.values(viewers).map(({ name }) => name)
  return (
    <div className="space-y-2" data-testid="claim-live">
      <div aria-live="polite">
        {change ? (
          <p className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-300 border-l-4 border-l-sky-700 bg-sky-50 px-3 py-2 text-sm text-sky-950">
            <span>{change}</span>
            <button type="button" className="text-xs underline" onClick={() => setChange(null)}>
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
      {names.length > 0 ? (
        <p className="text-xs text-ink-muted">
          <span aria-hidden="true">● </span>
          {names.join(', ')} {names.length === 1 ? 'is' : 'are'} viewing this claim
        </p>
      ) : null}
    </div>
  )
}
