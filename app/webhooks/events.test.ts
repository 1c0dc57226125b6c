import { describe, expect, test } from '@jest/globals'
import {
  isWebhookEventType,
  MAX_DELIVERY_ATTEMPTS,
  nextAttemptAt,
  RETRY_DELAYS_SECONDS,
  webhookMessageId,
  webhookPayload,
} from './events'

describe('the retry schedule', () => {
  const start = new Date('2026-12-02T12:00:00.000Z')

  test('waits 5 seconds after the first failure and 5 minutes after the second', () => {
    expect(nextAttemptAt(1, start)).toEqual(new Date('2026-12-02T12:00:05.000Z'))
    expect(nextAttemptAt(2, start)).toEqual(new Date('2026-12-02T12:05:00.000Z'))
  })

  test('makes 8 attempts over about a day, then stops', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(8)
    const hours = RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0) / 3600
    expect(hours).toBeGreaterThan(24)
    expect(hours).toBeLessThan(30)
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS - 1, start)).not.toBeNull()
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, start)).toBeNull()
  })
})

describe('webhook events', () => {
  test('know the four event types and nothing else', () => {
    expect(isWebhookEventType('claim.approved')).toBe(true)
    expect(isWebhookEventType('report.unpublished')).toBe(true)
    expect(isWebhookEventType('claim.deleted')).toBe(false)
  })

  test('carry a webhook-id made from the event id, and the Standard Webhooks body shape', () => {
    expect(webhookMessageId('abc')).toBe('msg_abc')
    expect(webhookPayload('claim.approved', { claim: { id: 'c' } }, new Date(0))).toEqual({
      type: 'claim.approved',
      timestamp: '1970-01-01T00:00:00.000Z',
      data: { claim: { id: 'c' } },
    })
  })
})
