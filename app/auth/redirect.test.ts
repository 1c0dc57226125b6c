import { describe, expect, it, test } from '@jest/globals'
import fc from 'fast-check'
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from './redirect'

const SITE = 'https://desk.example'

/** Where a browser on one of our pages goes when it follows the path as a Location header. */
function followedFrom(page: string, path: string) {
  return new URL(path, `${SITE}${page}`)
}

// Pieces that open redirects are made of, mixed with ordinary path text, so generated targets hit the edge cases.
const piece = fc.oneof(
  fc.constantFrom(
    '/',
    '//',
    '\\',
    '/\\',
    '.',
    '..',
    './',
    '../',
    '/./',
    '/../',
    '%2f',
    '%2F',
    '%5c',
    '%5C',
    '%2e',
    '%2E',
    '%00',
    '%09',
    '\t',
    '\n',
    '\r',
    '\u0000',
    '\u007f',
    ' ',
    ':',
    'https:',
    'http:',
    'javascript:',
    '@',
    '?',
    '#',
    '&',
    '=',
    'evil.example',
    'factdesk.invalid',
    'localhost:3000',
    '.data',
    '_root.data',
    '?_routes=root',
    '\u3002',
    '\uff0f',
    '\u2215',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
)
const hostileTarget = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''))
const anyTarget = fc.oneof(
  hostileTarget,
  hostileTarget.map((target) => `/${target}`),
  fc.string({ unit: 'binary' }),
)

const segment = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/)
const ordinaryPath = fc
  .tuple(
    fc.array(segment, { minLength: 0, maxLength: 4 }),
    fc.option(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z0-9 ]{0,8}$/), { maxKeys: 3 }), {
      nil: undefined,
    }),
  )
  .map(([segments, query]) => {
    const search = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''
    return `/${segments.join('/')}${search}`
  })

describe('safeRedirectPath', () => {
  it('only ever returns a path that keeps the browser on this site', () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        const path = safeRedirectPath(target)
        expect(path.startsWith('/')).toBe(true)
        expect(path.startsWith('//')).toBe(false)
        expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/)
        for (const page of ['/', '/login', '/articles/abc/edit']) {
          expect(followedFrom(page, path).origin).toBe(SITE)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('never returns a data request', () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        expect(followedFrom('/', safeRedirectPath(target)).pathname.endsWith('.data')).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('returns a path that it would return unchanged', () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        const path = safeRedirectPath(target)
        expect(safeRedirectPath(path)).toBe(path)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps an ordinary path of the desk as it is, query included', () => {
    fc.assert(
      fc.property(ordinaryPath, (path) => {
        expect(safeRedirectPath(path)).toBe(path)
      }),
    )
  })

  it('sends anything that is not a string to the fallback', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(null), fc.constant(undefined), fc.constant(new File(['x'], 'x.txt'))),
        (target) => {
          expect(safeRedirectPath(target, '/account')).toBe('/account')
        },
      ),
    )
  })

  test.each([
    ['/.//evil.example'],
    ['/./\\evil.example'],
    ['/..//evil.example'],
    ['/a/..//evil.example'],
    ['//evil.example'],
    ['///evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    [' //evil.example'],
    ['/%2F%2Fevil.example'],
    ['/%2fevil.example'],
    ['/%5Cevil.example'],
    ['https://evil.example/'],
    ['https:evil.example'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['evil.example'],
    ['/\u0000/evil.example'],
  ])('refuses %j', (target) => {
    expect(safeRedirectPath(target)).toBe('/')
  })

  test.each([
    ['/articles?q=istanbul', '/articles?q=istanbul'],
    ['/claims/abc#sources', '/claims/abc#sources'],
    ['/articles/./abc', '/articles/abc'],
    ['/articles.data', '/articles'],
    ['/articles.data?_routes=routes%2Farticles%2Findex&q=x', '/articles?q=x'],
    ['/_root.data', '/'],
    ['/queue.data.data', '/queue'],
    ['/caf\u00e9', '/caf%C3%A9'],
  ])('follows %j as %j', (target, path) => {
    expect(safeRedirectPath(target)).toBe(path)
  })

  it('refuses a target longer than any page of the desk', () => {
    expect(safeRedirectPath(`/${'a'.repeat(MAX_REDIRECT_LENGTH)}`)).toBe('/')
  })
})
