// What the claim page shows: the quote in its paragraph, the evidence, the discussion, the full
// history in words, and which workflow steps this user may take now (from workflow.ts, as the
// action checks them). Also what changed since a given version, for a user whose page went stale.
import { can, canAssignClaim, canEditClaim, grantOf } from '~/auth/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { type ClaimEventType, type ClaimStatus, Stance } from '~/generated/prisma/enums'
import { canChangeSources, sourcesFrozenReason } from '~/sources/sources.server'
import { SOURCE_KIND_LABELS } from '~/sources/labels'
import { formatDay } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { STANCE_LABELS, verdictLabel } from './verdicts'
import { allowedActions, checkTransition, STATUS_LABELS, TRANSITIONS, WORKFLOW_ACTIONS, type ClaimFacts } from './workflow'
import { canBeAssigned, type ClaimActor } from './transitions.server'
import { describeDue, type DueState } from './due'

// ---------------------------------------------------------------------------------------------
// Pure helpers

export type Paragraph = { before: string; quote: string; after: string }

/** The paragraph (the text between the line breaks around it) that holds the quote, split around it. */
export function paragraphAround(body: string, startOffset: number, endOffset: number): Paragraph {
  const start = Math.max(0, Math.min(startOffset, body.length))
  const end = Math.max(start, Math.min(endOffset, body.length))
  const paragraphStart = body.lastIndexOf('\n', start - 1) + 1
  const nextBreak = body.indexOf('\n', end)
  const paragraphEnd = nextBreak === -1 ? body.length : nextBreak
  return {
    before: body.slice(paragraphStart, start).replace(/^\s+/, ''),
    quote: body.slice(start, end),
    after: body.slice(end, paragraphEnd).replace(/\s+$/, ''),
  }
}

// ---------------------------------------------------------------------------------------------
// History in words

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

const EVENT_TITLES: Record<ClaimEventType, string> = {
  CREATED: 'Added the claim',
  EDITED: 'Edited the claim',
  DELETED: 'Deleted the claim',
  STATUS_CHANGED: 'Changed the status',
  VERDICT_PROPOSED: 'Proposed a verdict for review',
  APPROVED: 'Approved the verdict',
  RETURNED: 'Returned the claim to research',
  REOPENED: 'Reopened the claim',
  SOURCE_ATTACHED: 'Attached a source',
  SOURCE_DETACHED: 'Detached a source',
  ASSIGNED: 'Changed who works on the claim',
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

function isChange(value: unknown): value is Change {
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

function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : formatDay(date)
}

/** The changes JSON of an event as sentences a person reads; unknown fields are still listed. */
export function describeChanges(
  type: ClaimEventType,
  changes: unknown,
  names: ReadonlyMap<string, string>,
  actorId?: string,
): { title: string; details: string[] } {
  let title = EVENT_TITLES[type]
  const details: string[] = []
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return { title, details }
  const record = changes as Record<string, unknown>
  const person = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : 'nobody')

  if (type === 'CREATED' || type === 'DELETED') return { title, details }

  if (type === 'SOURCE_ATTACHED' || type === 'SOURCE_DETACHED') {
    const stance = typeof record.stance === 'string' && record.stance in STANCE_LABELS ? STANCE_LABELS[record.stance as Stance] : null
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
        details.push(type === 'REOPENED' ? `The verdict ${verdictLabel(value)} stays as a draft` : `Verdict: ${verdictLabel(value)}`)
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
      const from = isoDay(value.from)
      const to = isoDay(value.to)
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

// ---------------------------------------------------------------------------------------------
// Reading

const EVENT_SELECT = {
  id: true,
  type: true,
  fromStatus: true,
  toStatus: true,
  note: true,
  changes: true,
  createdAt: true,
  actorId: true,
  actor: { select: { name: true } },
} satisfies Prisma.ClaimEventSelect

type EventRow = Prisma.ClaimEventGetPayload<{ select: typeof EVENT_SELECT }>

function peopleIn(events: readonly EventRow[]): string[] {
  const ids = new Set<string>()
  for (const event of events) {
    const changes = event.changes as Record<string, unknown> | null
    for (const key of ['assignee', 'approvedBy']) {
      const value = changes?.[key]
      if (isChange(value)) {
        if (typeof value.from === 'string') ids.add(value.from)
        if (typeof value.to === 'string') ids.add(value.to)
      }
    }
  }
  return [...ids]
}

/** The names of the users with these ids (anything that is not a string is skipped). */
export async function namesOf(ids: readonly unknown[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))]
  const people = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }) : []
  return new Map(people.map((person) => [person.id, person.name]))
}

async function toHistory(events: readonly EventRow[]): Promise<HistoryEntry[]> {
  const names = await namesOf(peopleIn(events))
  return events.map((event) => {
    const { title, details } = describeChanges(event.type, event.changes, names, event.actorId)
    const startedResearch = event.type === 'STATUS_CHANGED' && event.toStatus === 'IN_RESEARCH'
    return {
      id: event.id,
      type: event.type,
      title: startedResearch ? 'Started research' : title,
      actor: event.actor.name,
      at: event.createdAt.toISOString(),
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
      details,
    }
  })
}

// Every write to a claim bumps its version by one and writes one event, so the events after the
// first `version` ones are exactly the changes made since the user loaded that version.
async function eventsAfterVersion(claimId: string, version: number) {
  return db.claimEvent.findMany({
    where: { claimId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    skip: Math.max(0, version),
    take: 50,
    select: EVENT_SELECT,
  })
}

export type ClaimSnapshot = {
  version: number
  status: ClaimStatus
  verdict: Parameters<typeof verdictLabel>[0] | null
  rationale: string
  assignee: string | null
  due: DueState | null
  sourceCount: number
}

export type ClaimChanges = { current: ClaimSnapshot; events: HistoryEntry[] }

/** The claim as it is now and what happened to it after `version`, for a user whose form was stale. */
export async function changesSince(claimId: string, version: number): Promise<ClaimChanges | null> {
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      version: true,
      status: true,
      verdict: true,
      rationale: true,
      dueAt: true,
      deletedAt: true,
      assignee: { select: { name: true } },
      _count: { select: { sources: true } },
    },
  })
  if (!claim || claim.deletedAt) return null
  const events = version < claim.version ? await toHistory(await eventsAfterVersion(claimId, version)) : []
  return {
    current: {
      version: claim.version,
      status: claim.status,
      verdict: claim.verdict,
      rationale: claim.rationale,
      assignee: claim.assignee?.name ?? null,
      due: describeDue(claim.dueAt),
      sourceCount: claim._count.sources,
    },
    events,
  }
}

const CLAIM_PAGE_SELECT = {
  id: true,
  quote: true,
  startOffset: true,
  endOffset: true,
  text: true,
  claimant: true,
  claimDate: true,
  tags: true,
  status: true,
  verdict: true,
  rationale: true,
  version: true,
  dueAt: true,
  deletedAt: true,
  createdById: true,
  assigneeId: true,
  proposedById: true,
  proposedAt: true,
  approvedAt: true,
  article: { select: { id: true, title: true, body: true } },
  assignee: { select: { id: true, name: true } },
  proposedBy: { select: { name: true } },
  approvedBy: { select: { name: true } },
  sources: {
    orderBy: { createdAt: 'asc' },
    select: {
      stance: true,
      excerpt: true,
      note: true,
      createdAt: true,
      addedBy: { select: { name: true } },
      source: {
        select: { id: true, url: true, title: true, publisher: true, kind: true, publishedAt: true, archivedUrl: true, reliability: true },
      },
    },
  },
  comments: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, body: true, createdAt: true, editedAt: true, authorId: true, author: { select: { name: true } } },
  },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: EVENT_SELECT },
} satisfies Prisma.ClaimSelect

const STANCE_ORDER: readonly Stance[] = [Stance.SUPPORTS, Stance.REFUTES, Stance.CONTEXT]

/** Everything the claim page shows to this user, or null when the claim does not exist or was deleted. */
export async function claimPage(claimId: string, user: ClaimActor) {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: CLAIM_PAGE_SELECT })
  if (!claim || claim.deletedAt) return null
  const actor = { role: user.role, userId: user.id }

  const facts: ClaimFacts = {
    status: claim.status,
    proposedById: claim.proposedById,
    sourceCount: claim.sources.length,
    verdict: claim.verdict,
    rationale: claim.rationale,
  }
  const actions = allowedActions(user, facts)
  // Why the step this status leads to is not offered to this user (role, or the four-eyes rule).
  const blocked = WORKFLOW_ACTIONS.filter((action) => TRANSITIONS[action].from === claim.status && !actions.includes(action))
    .map((action) => checkTransition(user, facts, action))
    .filter((result): result is Extract<typeof result, { ok: false }> => !result.ok && result.status === 403)
    .map((result) => result.message)

  const assignAll = grantOf(user.role, 'claim:assign') === 'all'
  const assignees =
    assignAll && claim.status !== 'APPROVED'
      ? await db.user.findMany({
          where: { active: true, role: { in: ['FACT_CHECKER', 'EDITOR', 'ADMIN'] } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          select: { id: true, name: true, role: true },
        })
      : []

  const sources = claim.sources.map((citation) => ({
    stance: citation.stance,
    excerpt: citation.excerpt,
    note: citation.note,
    addedBy: citation.addedBy.name,
    addedAt: citation.createdAt.toISOString(),
    ...citation.source,
    kindLabel: SOURCE_KIND_LABELS[citation.source.kind],
    publishedAt: citation.source.publishedAt ? formatDay(citation.source.publishedAt) : null,
  }))

  const history = await toHistory(claim.events)
  // The editor's note travels with a returned claim until it is proposed again.
  const lastStep = [...history].reverse().find((entry) => entry.toStatus !== null)
  const returned =
    claim.status === 'IN_RESEARCH' && lastStep?.type === 'RETURNED'
      ? { by: lastStep.actor, at: lastStep.at, note: lastStep.note }
      : null

  return {
    claim: {
      id: claim.id,
      text: claim.text,
      quote: claim.quote,
      claimant: claim.claimant,
      claimDate: claim.claimDate ? formatDay(claim.claimDate) : null,
      tags: claim.tags,
      status: claim.status,
      statusLabel: STATUS_LABELS[claim.status],
      verdict: claim.verdict,
      rationale: claim.rationale,
      version: claim.version,
      assignee: claim.assignee,
      due: describeDue(claim.dueAt),
      proposedBy: claim.proposedBy?.name ?? null,
      proposedAt: claim.proposedAt ? formatDay(claim.proposedAt) : null,
      approvedBy: claim.approvedBy?.name ?? null,
      approvedAt: claim.approvedAt ? formatDay(claim.approvedAt) : null,
      article: { id: claim.article.id, title: claim.article.title },
      paragraph: paragraphAround(claim.article.body, claim.startOffset, claim.endOffset),
    },
    sourceGroups: STANCE_ORDER.map((stance) => ({
      stance,
      label: STANCE_LABELS[stance],
      sources: sources.filter((source) => source.stance === stance),
    })),
    sourceCount: sources.length,
    comments: claim.comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      author: comment.author.name,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      mine: comment.authorId === user.id,
    })),
    history,
    returned,
    access: {
      actions,
      blocked,
      canEdit: canEditClaim(actor, claim).ok,
      canChangeSources: canChangeSources(user, claim.status),
      sourcesFrozen: can(user.role, 'source:attach') ? sourcesFrozenReason(claim.status) : null,
      canComment: can(user.role, 'comment:create'),
      /** Editors and admins: the full form (anyone who researches claims, and a due date). */
      canAssign: assignAll && claim.status !== 'APPROVED',
      /** Fact-checkers: take an unassigned claim for themselves. */
      canTake: !assignAll && claim.status !== 'APPROVED' && canAssignClaim(actor, claim, user.id).ok,
    },
    assignees: assignees.filter((person) => canBeAssigned(person.role)).map(({ id, name }) => ({ id, name })),
    userId: user.id,
  }
}

export type ClaimPageData = NonNullable<Awaited<ReturnType<typeof claimPage>>>
