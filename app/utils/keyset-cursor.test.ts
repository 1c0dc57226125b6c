import { describe, expect, test } from '@jest/globals'
import { decodeDecimalCursor, decodeTimeCursor, encodeCursor, newestFirstAfter } from './keyset-cursor'

describe('time cursors', () => {
  test('round-trip a timestamp and a missing one', () => {
    const at = new Date('2026-03-01T12:34:56.789Z')
    expect(decodeTimeCursor(encodeCursor(at, 'clx1abc'))).toEqual({ key: at, id: 'clx1abc' })
    expect(decodeTimeCursor(encodeCursor(null, 'page-07'))).toEqual({ key: null, id: 'page-07' })
  })

  test('anything else starts from the top', () => {
    for (const value of [
      null,
      undefined,
      '',
      'abc',
      '2026-03-01T12:34:56.789Z',
      '2026-02-30T00:00:00.000Z.a',
      'yesterday.a',
      "2026-03-01T12:34:56.789Z.'; --",
      `-.${'x'.repeat(101)}`,
      '-.a.b',
    ]) {
      expect(decodeTimeCursor(value)).toBeNull()
    }
  })
})

describe('decimal cursors', () => {
  test('round-trip scores, coverages and unrated rows', () => {
    for (const cursor of [
      { key: '75', id: 'clx1abc' },
      { key: '0.333333', id: 'page-07' },
      { key: null, id: 'a4' },
    ]) {
      expect(decodeDecimalCursor(encodeCursor(cursor.key, cursor.id))).toEqual(cursor)
    }
  })

  test('anything else starts from the top', () => {
    for (const value of [null, '', 'abc', '75', 'drop table.x', "1.'; --", `1.${'x'.repeat(101)}`, '1e5.a', '1..a']) {
      expect(decodeDecimalCursor(value)).toBeNull()
    }
  })
})

describe('newest first after a cursor', () => {
  test('asks for older rows, or rows of the same time with a smaller id; the first page asks for nothing', () => {
    const at = new Date('2026-12-02T10:00:00.000Z')
    expect(newestFirstAfter({ key: at, id: 'b' }, 'createdAt')).toEqual({
      OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: 'b' } }],
    })
    expect(newestFirstAfter({ key: at, id: 'b' }, 'publishedAt', 'articleId')).toEqual({
      OR: [{ publishedAt: { lt: at } }, { publishedAt: at, articleId: { lt: 'b' } }],
    })
    expect(newestFirstAfter(null, 'createdAt')).toEqual({})
    expect(newestFirstAfter({ key: null, id: 'b' }, 'createdAt')).toEqual({})
  })
})
