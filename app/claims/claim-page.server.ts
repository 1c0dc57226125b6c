// What the claim page shows: the quote in its paragraph, the evidence, the discussion, the full
// history in words, and which workflow steps this user may take now (from workflow.ts, as the
// action checks them). Also what changed since a given version, for a user whose page went stale.
import { can, canAssignClaim, canEditClaim, grantOf } from '~/auth/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { type ClaimStatus, Stance } from '~/generated/prisma/enums'
import { canChangeSources, SOURCE_SELECT, sourcesFrozenReason } from '~/sources/sources.server'
import { SOURCE_KIND_LABELS } from '~/sources/labels'
import { formatDay } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { CLAIM_CORE_SELECT } from './claim-select'
import { STANCE_LABELS, type verdictLabel } from './verdicts'
import {
  allowedActions,
  checkTransition,
  STATUS_LABELS,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  type ClaimFacts,
} from './workflow'
import { canBeAssigned } from './transitions.server'
import type { ClaimActor } from './writes'
import { describeDue, type DueState } from './due'
import { describeEvent, isChange, type HistoryEntry } from './history-wording'

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
  const people = wanted.length
    ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } })
    : []
  return new Map(people.map((person) => [person.id, person.name]))
}

async function toHistory(events: readonly EventRow[]): Promise<HistoryEntry[]> {
  const names = await namesOf(peopleIn(events))
  return events.map((event) => {
    const { title, details } = describeEvent(event, names)
    return {
      id: event.id,
      type: event.type,
      title,
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
  ...CLAIM_CORE_SELECT,
  claimDate: true,
  rationale: true,
  dueAt: true,
  deletedAt: true,
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
      source: { select: SOURCE_SELECT },
    },
  },
  comments: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      editedAt: true,
      authorId: true,
      author: { select: { name: true } },
    },
  },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: EVENT_SELECT },
} satisfies Prisma.ClaimSelect

const STANCE_ORDER: readonly Stance[] = [Stance.SUPPORTS, Stance.REFUTES, Stance.CONTEXT]

/** Everything the claim page shows to this user, or null when the claim does not exist or was deleted. */
export async function claimPage(claimId: string, user: ClaimActor) {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: CLAIM_PAGE_SELECT })
  if (!claim || claim.deletedAt) return null

  const facts: ClaimFacts = {
    status: claim.status,
    proposedById: claim.proposedById,
    sourceCount: claim.sources.length,
    verdict: claim.verdict,
    rationale: claim.rationale,
  }
  const actions = allowedActions(user, facts)
  // Why the step this status leads to is not offered to this user (role, or the four-eyes rule).
  const blocked = WORKFLOW_ACTIONS.filter(
    (action) => TRANSITIONS[action].from === claim.status && !actions.includes(action),
  )
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
      canEdit: canEditClaim(user, claim).ok,
      canChangeSources: canChangeSources(user, claim.status),
      sourcesFrozen: can(user.role, 'source:attach') ? sourcesFrozenReason(claim.status) : null,
      canComment: can(user.role, 'comment:create'),
      /** Editors and admins: the full form (anyone who researches claims, and a due date). */
      canAssign: assignAll && claim.status !== 'APPROVED',
      /** Fact-checkers: take an unassigned claim for themselves. */
      canTake: !assignAll && claim.status !== 'APPROVED' && canAssignClaim(user, claim, user.id).ok,
    },
    assignees: assignees.filter((person) => canBeAssigned(person.role)).map(({ id, name }) => ({ id, name })),
    userId: user.id,
  }
}

export type ClaimPageData = NonNullable<Awaited<ReturnType<typeof claimPage>>>
