// A claim's history in words, and what changed since a given version for a person whose page went
// stale: the events after the version they saw, and the claim as it stands now.
import type { Prisma } from '~/generated/prisma/client'
import type { ClaimStatus } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { CLAIM_STANDING_SELECT } from './claim-select'
import { describeDue, type DueState } from './due'
import { describeEvent, isChange, type HistoryEntry } from './history-wording'
import type { verdictLabel } from './verdicts'

export const EVENT_SELECT = {
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

export async function toHistory(events: readonly EventRow[]): Promise<HistoryEntry[]> {
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
    select: { ...CLAIM_STANDING_SELECT, dueAt: true, assignee: { select: { name: true } } },
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
