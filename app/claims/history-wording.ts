// A claim's history in words, for the claim page's timeline and the dashboard's activity feed: both
// read the same table, so an event is never called two different things. Pure, unit-tested.
import type { ClaimEventType, ClaimStatus, Stance } from '~/generated/prisma/enums'
import { formatDay } from '~/utils/dates'
import { STANCE_LABELS, verdictLabel } from './verdicts'
import { STATUS_LABELS } from './workflow'

export type HistoryEntry = {
  id: string
  type: ClaimEventType
  title: string
  actor: string
  at: string
  fromStatus: ClaimStatus | null
  toStatus: ClaimStatus | null
  note: string
  details: string[]
}

// One table, two phrasings: the claim's timeline says what happened ("Detached a source"); the
// dashboard's feed puts the actor and the claim around it ("Olena removed a source from “…”").
const WORDING: {
  readonly [T in ClaimEventType]: { timeline: string; feed: readonly [before: string, after: string] }
} = {
  CREATED: { timeline: 'Added the claim', feed: ['added', ''] },
  EDITED: { timeline: 'Edited the claim', feed: ['edited', ''] },
  DELETED: { timeline: 'Deleted the claim', feed: ['deleted', ''] },
  STATUS_CHANGED: { timeline: 'Changed the status', feed: ['changed the status of', ''] },
  VERDICT_PROPOSED: { timeline: 'Proposed a verdict for review', feed: ['proposed a verdict for', ''] },
  APPROVED: { timeline: 'Approved the verdict', feed: ['approved the verdict on', ''] },
  RETURNED: { timeline: 'Returned the claim to research', feed: ['returned', ' to research'] },
  REOPENED: { timeline: 'Reopened the claim', feed: ['reopened', ''] },
  SOURCE_ATTACHED: { timeline: 'Attached a source', feed: ['attached a source to', ''] },
  SOURCE_DETACHED: { timeline: 'Detached a source', feed: ['removed a source from', ''] },
  ASSIGNED: { timeline: 'Changed who works on the claim', feed: ['changed who checks', ''] },
  LINKED: { timeline: 'Linked another claim', feed: ['linked another claim to', ''] },
}

/** The timeline's title for an event: "Detached a source", "Started research". */
export function timelineTitle(type: ClaimEventType, toStatus: ClaimStatus | null = null): string {
  if (type === 'STATUS_CHANGED' && toStatus === 'IN_RESEARCH') return 'Started research'
  return WORDING[type].timeline
}

/** The feed's words before and after the quoted claim: ["removed a source from", ""], ["moved", " to in research"]. */
export function feedWords(type: ClaimEventType, toStatus: ClaimStatus | null = null): readonly [string, string] {
  if (type === 'STATUS_CHANGED' && toStatus) return ['moved', ` to ${STATUS_LABELS[toStatus].toLowerCase()}`]
  return WORDING[type].feed
}

const FIELD_NAMES: Record<string, string> = {
  text: 'Claim',
  claimant: 'Claimant',
  claimDate: 'Date of the claim',
  tags: 'Tags',
  rationale: 'Rationale',
}

type Change = { from: unknown; to: unknown }

const KEY_ORDER = ['approvedBy', 'assignee', 'dueAt', 'verdict', 'rationale', 'text', 'claimant', 'claimDate', 'tags']

function rank(key: string) {
  const index = KEY_ORDER.indexOf(key)
  return index === -1 ? KEY_ORDER.length : index
}

export function isChange(value: unknown): value is Change {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value && 'to' in value
}

function isVerdict(value: unknown): value is Parameters<typeof verdictLabel>[0] {
  try {
    return typeof value === 'string' && Boolean(verdictLabel(value as never))
  } catch {
    return false
  }
}

function clip(text: string, length = 240) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing'
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none'
  if (typeof value === 'string') return `“${clip(value)}”`
  return String(value)
}

function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : formatDay(date)
}

export type HistoryEvent = { type: ClaimEventType; toStatus: ClaimStatus | null; changes: unknown; actorId?: string }

/** An event as the timeline says it: its title and its changes JSON as sentences; unknown fields are still listed. */
export function describeEvent(
  { type, toStatus, changes, actorId }: HistoryEvent,
  names: ReadonlyMap<string, string>,
): { title: string; details: string[] } {
  let title = timelineTitle(type, toStatus)
  const details: string[] = []
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return { title, details }
  const record = changes as Record<string, unknown>
  const person = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : 'nobody')

  if (type === 'CREATED' || type === 'DELETED' || type === 'LINKED') return { title, details }

  if (type === 'SOURCE_ATTACHED' || type === 'SOURCE_DETACHED') {
    const stance =
      typeof record.stance === 'string' && record.stance in STANCE_LABELS
        ? STANCE_LABELS[record.stance as Stance]
        : null
    const name = typeof record.title === 'string' && record.title ? `“${record.title}”` : null
    const url = typeof record.url === 'string' ? record.url : null
    const page = name && url ? `${name} (${url})` : (name ?? url ?? 'A source')
    details.push(stance ? `${page} as ${stance}` : page)
    return { title, details }
  }

  // JSONB keeps keys in its own order (shortest first); people read them in this one.
  const keys = Object.keys(record).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  for (const key of keys) {
    const value = record[key]
    if (key === 'sourceId') continue
    if (key === 'verdict') {
      if (isChange(value)) {
        const to = isVerdict(value.to) ? verdictLabel(value.to) : null
        const from = isVerdict(value.from) ? verdictLabel(value.from) : null
        if (!from) details.push(`Verdict: ${to ?? 'none'}`)
        else if (from === to) details.push(`Verdict: ${to} (as drafted)`)
        else details.push(`Verdict changed from ${from} to ${to ?? 'none'}`)
      } else if (isVerdict(value)) {
        details.push(
          type === 'REOPENED'
            ? `The verdict ${verdictLabel(value)} stays as a draft`
            : `Verdict: ${verdictLabel(value)}`,
        )
      }
      continue
    }
    if (key === 'rationale' && isChange(value)) {
      details.push(value.from ? `Rationale rewritten: ${shown(value.to)}` : `Rationale: ${shown(value.to)}`)
      continue
    }
    if (key === 'assignee' && isChange(value)) {
      if (value.to === null || value.to === undefined) details.push(`Unassigned (was ${person(value.from)})`)
      else if (value.from === null || value.from === undefined) details.push(`Assigned to ${person(value.to)}`)
      else details.push(`Reassigned from ${person(value.from)} to ${person(value.to)}`)
      if (type === 'ASSIGNED' && actorId && value.to === actorId) title = 'Took the claim'
      else if (type === 'ASSIGNED') title = value.to ? 'Assigned the claim' : 'Unassigned the claim'
      continue
    }
    if (key === 'dueAt' && isChange(value)) {
      const from = dayOf(value.from)
      const to = dayOf(value.to)
      if (!to) details.push(`Due date removed (was ${from})`)
      else if (!from) details.push(`Due date set to ${to}`)
      else details.push(`Due date moved from ${from} to ${to}`)
      continue
    }
    if (key === 'approvedBy' && isChange(value)) {
      if (value.from) details.push(`Approval by ${person(value.from)} withdrawn`)
      continue
    }
    const label = FIELD_NAMES[key] ?? key
    if (isChange(value)) details.push(`${label} changed from ${shown(value.from)} to ${shown(value.to)}`)
    else details.push(`${label}: ${shown(value)}`)
  }
  return { title, details }
}
