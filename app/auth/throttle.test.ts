import { describe, expect, test } from '@jest/globals'
import { delayAfter, describeWait, secondsToWait, type ThrottlePolicy } from './throttle'

const policy: ThrottlePolicy = { freeFailures: 5, firstDelaySeconds: 5, longestDelaySeconds: 15 * 60 }

describe('the delay after a run of wrong passwords', () => {
  test('is nothing for the free failures', () => {
    expect([0, 1, 2, 3, 4].map((failures) => delayAfter(failures, policy))).toEqual([0, 0, 0, 0, 0])
  })

  test('starts at the first delay and doubles with each further failure', () => {
    expect([5, 6, 7, 8, 9, 10].map((failures) => delayAfter(failures, policy))).toEqual([5, 10, 20, 40, 80, 160])
  })

  test('never exceeds the longest delay, however many failures there were', () => {
    expect(delayAfter(13, policy)).toBe(900)
    expect(delayAfter(10_000, policy)).toBe(900)
  })
})

describe('the wait before the next attempt', () => {
  const now = new Date('2026-12-01T12:00:00Z')
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)

  test('is what is left of the delay since the latest failure, in whole seconds rounded up', () => {
    expect(secondsToWait({ failures: 6, lastFailureAt: ago(3) }, now, policy)).toBe(7)
    expect(secondsToWait({ failures: 6, lastFailureAt: ago(9.5) }, now, policy)).toBe(1)
  })

  test('is over once the delay has passed', () => {
    expect(secondsToWait({ failures: 6, lastFailureAt: ago(10) }, now, policy)).toBe(0)
    expect(secondsToWait({ failures: 5, lastFailureAt: ago(60) }, now, policy)).toBe(0)
  })

  test('is nothing while failures are still free', () => {
    expect(secondsToWait({ failures: 4, lastFailureAt: now }, now, policy)).toBe(0)
    expect(secondsToWait({ failures: 0, lastFailureAt: null }, now, policy)).toBe(0)
  })
})

describe('the wait, in words', () => {
  test.each([
    [1, '1 second'],
    [5, '5 seconds'],
    [119, '119 seconds'],
    [120, '2 minutes'],
    [121, '3 minutes'],
    [900, '15 minutes'],
  ])('%i seconds read as "%s"', (seconds, words) => {
    expect(describeWait(seconds)).toBe(words)
  })
})
