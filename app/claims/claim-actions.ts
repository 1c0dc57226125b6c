// What the claim page's action answers when it does not redirect, and how the values a person typed
// are named in the stale-page notice. Pure, so the page's components can import it.
import type { SubmissionResult } from '@conform-to/react'
import type { Verdict } from '~/generated/prisma/enums'
import { SOURCE_KIND_LABELS } from '~/sources/labels'
import type { ClaimChanges } from './claim-history.server'
import { STANCE_LABELS, verdictLabel } from './verdicts'

/** One value the person typed into a stale form, as the conflict notice lists it. */
export type TypedValue = { label: string; value: string }

export type ClaimActionData = {
  intent: string
  result: SubmissionResult<string[]> | null
  message: string | null
  conflict: ClaimChanges | null
  typed: TypedValue[]
  commentId: string | null
}

const TYPED_LABELS: Record<string, string> = {
  verdict: 'Verdict',
  rationale: 'Rationale',
  note: 'Note',
  assigneeId: 'Assignee',
  dueAt: 'Due date',
  url: 'Address',
  title: 'Title',
  publisher: 'Publisher',
  kind: 'Kind',
  publishedAt: 'Publication date',
  archivedUrl: 'Archived copy',
  stance: 'Stance',
  excerpt: 'Excerpt',
  body: 'Comment',
}

/** What the person typed, labelled and in words (a verdict's label, an assignee's name), blanks left out. */
export function typedValues(
  payload: Record<string, unknown>,
  people: ReadonlyMap<string, string> = new Map(),
): TypedValue[] {
  return Object.entries(TYPED_LABELS).flatMap(([field, label]) => {
    const raw = payload[field]
    if (typeof raw !== 'string' || raw.trim() === '') return []
    let value = raw.trim()
    if (field === 'verdict') value = safe(() => verdictLabel(raw as Verdict), raw)
    if (field === 'stance') value = STANCE_LABELS[raw as keyof typeof STANCE_LABELS] ?? raw
    if (field === 'kind') value = SOURCE_KIND_LABELS[raw as keyof typeof SOURCE_KIND_LABELS] ?? raw
    if (field === 'assigneeId') value = people.get(raw) ?? raw
    return [{ label, value }]
  })
}

function safe<T>(work: () => T, fallback: T): T {
  try {
    return work()
  } catch {
    return fallback
  }
}
