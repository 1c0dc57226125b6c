import { describe, expect, it } from '@jest/globals'
import type { ClaimRow } from './claim-list'
import { packClaimRow, unpackClaimRows } from './claim-rows'

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
    const packed = rows.map(({ number: _n, quote: _q, ...row }) => packClaimRow(row))
    expect(unpackClaimRows(packed, BODY)).toEqual(rows)
  })

  it('carry no field names', () => {
    const packed = packClaimRow(rows[1]!)
    expect(JSON.stringify(packed)).toBe(
      '["b",27,55,"UNREVIEWED",null,"The port reopened on Monday.",null,false,null,false]',
    )
  })
})
