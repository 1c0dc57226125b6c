// The workspace's claim list as the page sends it: one short line of text per claim rather than an object,
// because an article can hold hundreds of claims, and every object (or tuple) would be written out value by
// value in the page's data. A row's number and quote are not sent at all: they follow from its place in body
// order and its span of the body. Who holds each claim is named once, in `people`.
//
// A line is `id start end codes person due-day text`, separated by single spaces. The codes are one
// character each for the status, the verdict (`-` for none), whether it is mine and whether it is overdue;
// the person is an index into `people` (empty for nobody); the due day is YYYY-MM-DD or empty. None of these
// has a space; the text comes last, so whatever it holds it is read whole. (A space, unlike a tab, is
// written as it is in the page's data, where every escape is escaped again.)
import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import type { ClaimRow } from './claim-list'

export type PackedClaimRows = { people: string[]; rows: string[] }

const STATUSES = Object.values(ClaimStatus)
const VERDICTS = Object.values(Verdict)
/** One character per value, by its place in the enum. */
const code = (index: number) => index.toString(36)
const NONE = '-'

export function packClaimRows(rows: ReadonlyArray<Omit<ClaimRow, 'number' | 'quote'>>): PackedClaimRows {
  const people: string[] = []
  const personIndex = new Map<string, number>()
  const packed = rows.map((row) => {
    let person = ''
    if (row.assignee !== null) {
      let index = personIndex.get(row.assignee)
      if (index === undefined) {
        index = people.push(row.assignee) - 1
        personIndex.set(row.assignee, index)
      }
      person = String(index)
    }
    const codes =
      code(STATUSES.indexOf(row.status)) +
      (row.verdict === null ? NONE : code(VERDICTS.indexOf(row.verdict))) +
      (row.mine ? '1' : '0') +
      (row.due?.overdue ? '1' : '0')
    return [row.id, row.startOffset, row.endOffset, codes, person, row.due?.day ?? '', row.text].join(' ')
  })
  return { people, rows: packed }
}

/** The rows in body order, numbered from 1 as the highlights are, each with its quote from `body`. */
export function unpackClaimRows(packed: PackedClaimRows, body: string): ClaimRow[] {
  return packed.rows.map((line, index) => {
    const fields = line.split(' ')
    const [id, start, end, codes, person, dueDay] = fields as [string, string, string, string, string, string]
    const startOffset = Number(start)
    const endOffset = Number(end)
    return {
      id,
      number: index + 1,
      startOffset,
      endOffset,
      quote: body.slice(startOffset, endOffset),
      status: STATUSES[parseInt(codes[0]!, 36)]!,
      verdict: codes[1] === NONE ? null : VERDICTS[parseInt(codes[1]!, 36)]!,
      text: fields.slice(6).join(' '),
      assignee: person === '' ? null : packed.people[Number(person)]!,
      mine: codes[2] === '1',
      due: dueDay ? { day: dueDay, overdue: codes[3] === '1' } : null,
    }
  })
}
