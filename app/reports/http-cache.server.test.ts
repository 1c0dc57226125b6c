import { describe, expect, it } from '@jest/globals'
import { etagMatches, notModifiedIfFresh, weakEtag } from './http-cache.server'

describe('conditional GET', () => {
  const etag = weakEtag('{"a":1}')

  it('compares ETags weakly, in lists and with *', () => {
    expect(etagMatches(etag, etag)).toBe(true)
    expect(etagMatches(etag.replace('W/', ''), etag)).toBe(true)
    expect(etagMatches(`W/"other", ${etag}`, etag)).toBe(true)
    expect(etagMatches('*', etag)).toBe(true)
    expect(etagMatches('W/"other"', etag)).toBe(false)
    expect(etagMatches(null, etag)).toBe(false)
    expect(weakEtag('{"a":2}')).not.toBe(etag)
  })

  it('answers 304 with only the validator and caching headers, and only to a GET or HEAD of a 200', () => {
    const page = () =>
      new Response('<html>', {
        headers: {
          ETag: etag,
          'Cache-Control': 'public, max-age=60',
          'Content-Security-Policy': "script-src 'nonce-x'",
        },
      })
    const ask = (method: string) => new Request('http://x/reports/a', { method, headers: { 'If-None-Match': etag } })
    const answer = notModifiedIfFresh(ask('GET'), page())
    expect(answer.status).toBe(304)
    expect([...answer.headers.keys()].sort()).toEqual(['cache-control', 'etag'])
    expect(notModifiedIfFresh(ask('HEAD'), page()).status).toBe(304)
    expect(notModifiedIfFresh(ask('POST'), page()).status).toBe(200)
    const missing = new Response('gone', { status: 404, headers: { ETag: etag } })
    expect(notModifiedIfFresh(ask('GET'), missing).status).toBe(404)
  })
})
