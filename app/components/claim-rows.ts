// The workspace's claim list as the page sends it: one tuple per claim rather than one object, because an
// article can hold hundreds of claims and every object would repeat its field names. A row's number and
// quote are not sent at all: they follow from its place in body order and its span of the body.
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import type { ClaimRow } from './claim-list'

export type PackedClaimRow = [
  id: string,
  startOffset: number,
  endOffset: number,
  status: ClaimStatus,
  verdict: Verdict | null,
  text: string,
  assignee: string | null,
  mine: boolean,
  dueDay: string | null,
  overdue: boolean,
]

export function packClaimRow(row: Omit<ClaimRow, 'number' | 'quote'>): PackedClaimRow {
  const { id, startOffset, endOffset, status, verdict, text, assignee, mine, due } = row
  return [id, startOffset, endOffset, status, verdict, text, assignee, mine, due?.day ?? null, due?.overdue ?? false]
}

/** The rows in body order, numbered from 1 as the highlights are, each with its quote from `body`. */
export function unpackClaimRows(rows: readonly PackedClaimRow[], body: string): ClaimRow[] {
  return rows.map(([id, startOffset, endOffset, status, verdict, text, assignee, mine, dueDay, overdue], index) => ({
    id,
    number: index + 1,
    startOffset,
    endOffset,
    quote: body.slice(startOffset, endOffset),
    status,
    verdict,
    text,
    assignee,
    mine,
    due: dueDay ? { day: dueDay, overdue } : null,
  }))
}
