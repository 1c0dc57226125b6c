import { describe, expect, test } from '@jest/globals'
import { describeDue, dueWords } from './due'

const now = new Date('2026-03-15T12:00:00Z')

describe('dueWords', () => {
  test('counts days overdue by calendar day', () => {
    expect(dueWords('2026-03-14T18:00:00Z', now)).toBe('Overdue by 1 day')
    expect(dueWords('2026-03-10T09:00:00Z', now)).toBe('Overdue by 5 days')
    expect(dueWords('2026-03-15T08:00:00Z', now)).toBe('Overdue: it was due earlier today')
  })

  test('and days left', () => {
    expect(dueWords('2026-03-15T20:00:00Z', now)).toBe('Due today')
    expect(dueWords('2026-03-16T01:00:00Z', now)).toBe('Due tomorrow')
    expect(dueWords('2026-03-19T01:00:00Z', now)).toBe('Due in 4 days')
  })
})

test('describeDue gives the day, the words and whether it has passed', () => {
  expect(describeDue(new Date('2026-03-14T18:00:00Z'), now)).toEqual({
    date: '2026-03-14',
    label: '14 Mar 2026',
    words: 'Overdue by 1 day',
    overdue: true,
  })
  expect(describeDue(null, now)).toBeNull()
})
