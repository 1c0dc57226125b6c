import { describe, expect, test } from '@jest/globals'
import { ClaimEventType } from '~/generated/prisma/enums'
import { describeEvent, feedWords, timelineTitle } from './history-wording'

const names = new Map([
  ['u-olena', 'Olena'],
  ['u-taras', 'Taras'],
])

describe('one table, two phrasings', () => {
  test('the timeline and the feed say a detached source in their own words', () => {
    expect(timelineTitle('SOURCE_DETACHED')).toBe('Detached a source')
    expect(feedWords('SOURCE_DETACHED')).toEqual(['removed a source from', ''])
  })

  test('every event type has both phrasings', () => {
    for (const type of Object.values(ClaimEventType)) {
      expect(timelineTitle(type)).toMatch(/^[A-Z]/)
      expect(feedWords(type)[0]).toMatch(/^[a-z]/)
    }
  })

  test('a move into research reads as starting it, and the feed names the new status', () => {
    expect(timelineTitle('STATUS_CHANGED', 'IN_RESEARCH')).toBe('Started research')
    expect(feedWords('STATUS_CHANGED', 'IN_RESEARCH')).toEqual(['moved', ' to in research'])
    expect(feedWords('RETURNED')).toEqual(['returned', ' to research'])
  })
})

describe('describeEvent', () => {
  test('names the people an assignment moved between, and says when the actor took the claim', () => {
    const changes = { assignee: { from: null, to: 'u-olena' } }
    expect(describeEvent({ type: 'ASSIGNED', toStatus: null, changes, actorId: 'u-olena' }, names)).toEqual({
      title: 'Took the claim',
      details: ['Assigned to Olena'],
    })
    expect(
      describeEvent(
        { type: 'ASSIGNED', toStatus: null, changes: { assignee: { from: 'u-olena', to: 'u-taras' } }, actorId: 'u-x' },
        names,
      ),
    ).toEqual({
      title: 'Assigned the claim',
      details: ['Reassigned from Olena to Taras'],
    })
  })

  test('says a source by its title, address and stance', () => {
    const changes = { title: 'Ministry statement', url: 'https://gov.example/a', stance: 'REFUTES' }
    expect(describeEvent({ type: 'SOURCE_ATTACHED', toStatus: null, changes }, names).details).toEqual([
      '“Ministry statement” (https://gov.example/a) as Refutes',
    ])
  })

  test('lists edits in reading order with due dates as days, unknown fields included', () => {
    const changes = {
      claimant: { from: 'Kyiv', to: 'Kremlin' },
      dueAt: { from: null, to: '2026-03-05T23:59:59.999Z' },
      mystery: 3,
    }
    expect(describeEvent({ type: 'EDITED', toStatus: null, changes }, names).details).toEqual([
      'Due date set to 5 Mar 2026',
      'Claimant changed from “Kyiv” to “Kremlin”',
      'mystery: 3',
    ])
  })
})
