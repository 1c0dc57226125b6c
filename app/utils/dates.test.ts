import { describe, expect, test } from '@jest/globals'
import { calendarDateField, dayToDate, formatDay, formatDayTime, formatMoment, isCalendarDate, isoDay } from './dates'

test('days and moments are printed in UTC', () => {
  expect(formatDay('2026-03-01T23:30:00Z')).toBe('1 Mar 2026')
  expect(formatDay(new Date('2026-03-01T00:30:00+02:00'))).toBe('28 Feb 2026')
  expect(formatDayTime('2026-03-01T23:30:00Z')).toBe('1 Mar 2026, 23:30 UTC')
  expect(formatMoment(new Date('2026-03-01T23:30:00Z'))).toBe('1 Mar, 23:30 UTC')
})

test('a stored day reads back as the same day', () => {
  expect(isoDay(dayToDate('2024-12-01'))).toBe('2024-12-01')
  expect(isoDay(null)).toBe('')
  expect(dayToDate('')).toBeNull()
})

describe('calendar dates', () => {
  test('accept real days only', () => {
    expect(['2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true])
    expect(['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '1 Mar 2026', ''].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ])
  })

  test('as a form field, trim and explain in the form’s words', () => {
    const field = calendarDateField('Enter a real date.')
    expect(field.safeParse(' 2026-03-01 ').data).toBe('2026-03-01')
    expect(field.safeParse('2026-02-30').error?.issues[0]?.message).toBe('Enter a real date.')
  })
})
