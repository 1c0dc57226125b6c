// What each kind of notification is called and says. Pure: the account settings, the list and the
// writes read the same words.
import type { NotificationKind } from '~/generated/prisma/enums'

export const NOTIFICATION_KINDS: Array<{ kind: NotificationKind; label: string }> = [
  { kind: 'ASSIGNED', label: 'A claim is assigned to me' },
  { kind: 'RETURNED', label: 'A claim is returned to me with a note' },
  { kind: 'APPROVED', label: 'My proposed verdict is approved' },
  { kind: 'REOPENED', label: 'A claim I proposed is reopened' },
  { kind: 'COMMENTED', label: 'Someone comments on a claim I work on' },
  { kind: 'DUE_TOMORROW', label: 'A claim of mine is due tomorrow' },
  { kind: 'OVERDUE', label: 'A claim of mine is overdue' },
]

const ALL_KINDS = new Set<string>(NOTIFICATION_KINDS.map(({ kind }) => kind))

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && ALL_KINDS.has(value)
}

/** The claim as a notification names it: its words, cut to a line. */
export function claimSnippet(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= max ? `“${oneLine}”` : `“${oneLine.slice(0, max - 1).trimEnd()}…”`
}

export function notificationBody(
  kind: NotificationKind,
  { actor, claim, note }: { actor: string | null; claim: string; note?: string },
): string {
  const who = actor ?? 'Someone'
  const snippet = claimSnippet(claim)
  switch (kind) {
    case 'ASSIGNED':
      return `${who} assigned ${snippet} to you.`
    case 'RETURNED':
      return `${who} returned ${snippet} to you: ${note?.trim() || 'no note'}`
    case 'APPROVED':
      return `${who} approved your verdict on ${snippet}.`
    case 'REOPENED':
      return `${who} reopened ${snippet}${note?.trim() ? `: ${note.trim()}` : '.'}`
    case 'COMMENTED':
      return `${who} commented on ${snippet}: ${claimSnippet(note ?? '', 120).slice(1, -1)}`
    case 'DUE_TOMORROW':
      return `${snippet} is due tomorrow.`
    case 'OVERDUE':
      return `${snippet} is overdue.`
  }
}
