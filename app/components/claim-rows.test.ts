import { describe, expect, it } from '@jest/globals'
import type { ClaimRow } from './claim-list'
import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { packClaimRows, unpackClaimRows } from './claim-rows'

const BODY = 'Exports rose 4% last year. The port reopened on Monday.'

const rows: ClaimRow[] = [
  {
    id: 'a',
    number: 1,
    startOffset: 0,
    endOffset: 26,
    quote: 'Exports rose 4% last year.',
    status: 'APPROVED',
    verdict: 'MOSTLY_TRUE',
    text: 'Exports rose by 4% in 2025.',
    assignee: 'Chen Okafor',
    mine: true,
    due: { day: '2026-12-01', overdue: true },
  },
  {
    id: 'b',
    number: 2,
    startOffset: 27,
    endOffset: 55,
    quote: 'The port reopened on Monday.',
    status: 'UNREVIEWED',
    verdict: null,
    text: 'The port reopened on Monday.',
    assignee: null,
    mine: false,
    due: null,
  },
]

describe('packed claim rows', () => {
  it('come back as the rows they were, numbered in order and quoting the body', () => {
    const packed = packClaimRows(rows.map(({ number: _n, quote: _q, ...row }) => row))
    expect(unpackClaimRows(packed, BODY)).toEqual(rows)
  })

  it('are a line each, with each person named once', () => {
    const again = { ...rows[0]!, id: 'c', mine: false, due: { day: '2026-12-24', overdue: false } }
    const packed = packClaimRows([rows[0]!, rows[1]!, again])
    expect(packed).toEqual({
      people: ['Chen Okafor'],
      rows: [
        'a 0 26 3111 0 2026-12-01 Exports rose by 4% in 2025.',
        'b 27 55 0-00   The port reopened on Monday.',
        'c 0 26 3100 0 2026-12-24 Exports rose by 4% in 2025.',
      ],
    })
  })

  it('keep a text whole whatever it holds (spaces at either end, tabs, newlines), and every status and verdict', () => {
    const { number: _n, ...base } = rows[1]!
    const odd = Object.values(ClaimStatus).flatMap((status) =>
      [...Object.values(Verdict), null].map((verdict, index) => ({
        ...base,
        id: `${status}-${index}`,
        status,
        verdict,
        text: '  A\ttab,\na newline,  two spaces, a “quote” and \\ a backslash ',
      })),
    )
    const unpacked = unpackClaimRows(packClaimRows(odd), BODY)
    expect(unpacked.map(({ number: _number, ...row }) => row)).toEqual(odd)
  })
})
