// What the open claim panel says when someone else changed the claim. Pure.
import { STATUS_LABELS } from '~/claims/workflow'
import type { ClaimStatus } from '~/generated/prisma/enums'

export type ClaimChange = {
  actorId: string
  actorName: string | null
  event: string
  fromStatus: ClaimStatus | null
  toStatus: ClaimStatus | null
  fields: string[]
}

const EVENT_WORDS: Record<string, string> = {
  CREATED: 'created',
  EDITED: 'edited',
  DELETED: 'deleted',
  SOURCE_ATTACHED: 'source attached',
  SOURCE_DETACHED: 'source detached',
  ASSIGNED: 'assignment changed',
  LINKED: 'linked to another claim',
  COMMENTED: 'comment added',
  COMMENT_EDITED: 'comment edited',
}

const FIELD_WORDS: Record<string, string> = { dueAt: 'due date', approvedBy: 'approval', assignee: 'assignee' }

/** "Changed by Dana just now: status → Needs review". */
export function claimChangeWords(change: ClaimChange): string {
  const who = change.actorName ?? 'someone'
  let what: string
  if (change.toStatus && change.toStatus !== change.fromStatus) {
    what = `status → ${STATUS_LABELS[change.toStatus]}`
  } else if (change.event === 'EDITED' && change.fields.length > 0) {
    what = change.fields.map((field) => FIELD_WORDS[field] ?? field).join(', ')
  } else if (change.event === 'ASSIGNED' && change.fields.length > 0) {
    what = change.fields.map((field) => FIELD_WORDS[field] ?? field).join(', ')
  } else {
    what = EVENT_WORDS[change.event] ?? 'updated'
  }
  return `Changed by ${who} just now: ${what}`
}
