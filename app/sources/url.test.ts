import { describe, expect, it } from '@jest/globals'
import { checkWebAddress, isTrackingParameter, normaliseSourceUrl } from './url'

function normalised(input: string) {
  const result = normaliseSourceUrl(input)
  if (!result.ok) throw new Error(`refused ${input}: ${result.message}`)
  return result.url
}

/** What normaliseSourceUrl does to an address, each with addresses as typed and as stored. */
const NORMALISED: Record<string, Array<[string, string]>> = {
  'turns the same page written two ways into one address': [
    ['HTTPS://Example.org:443/a?utm_source=x#top', 'https://example.org/a'],
    ['https://example.org/a', 'https://example.org/a'],
  ],
  'lower-cases the scheme and host but keeps the case of the path and query': [
    ['HTTP://WWW.Example.ORG/Reports/Annual.PDF?Year=2022', 'http://www.example.org/Reports/Annual.PDF?Year=2022'],
  ],
  'drops only the default port of each scheme': [
    ['http://example.org:80/x', 'http://example.org/x'],
    ['https://example.org:443/x', 'https://example.org/x'],
    ['http://example.org:443/x', 'http://example.org:443/x'],
    ['https://example.org:8443/x', 'https://example.org:8443/x'],
  ],
  'removes the fragment': [
    ['https://example.org/page#section-2', 'https://example.org/page'],
    ['https://example.org/page?id=4#', 'https://example.org/page?id=4'],
  ],
  'removes tracking parameters and keeps the others in their order': [
    [
      'https://example.org/story?id=7&utm_source=tw&UTM_Medium=social&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref_src=5&_ga=6&yclid=7&msclkid=8&spm=9&page=2',
      'https://example.org/story?id=7&page=2',
    ],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?b=2&a=1'],
  ],
  'drops empty pieces of the query but keeps parameters without a value': [
    ['https://example.org/a?&&x=1&&', 'https://example.org/a?x=1'],
    ['https://example.org/a?print', 'https://example.org/a?print'],
    ['https://example.org/a?', 'https://example.org/a'],
    ['https://example.org/a?utm_campaign=z', 'https://example.org/a'],
  ],
  'keeps the encoding of the remaining parameters': [
    [
      'https://example.org/search?q=prisoner%20exchange&utm_source=x',
      'https://example.org/search?q=prisoner%20exchange',
    ],
    ['https://example.org/search?q=a+b', 'https://example.org/search?q=a+b'],
  ],
  'removes the trailing slash only from a bare host': [
    ['https://example.org/', 'https://example.org'],
    ['https://example.org', 'https://example.org'],
    ['https://example.org/?x=1', 'https://example.org?x=1'],
    ['https://example.org/news/', 'https://example.org/news/'],
  ],
  'writes international host names in punycode': [
    ['https://Bücher.example/Seite', 'https://xn--bcher-kva.example/Seite'],
  ],
  'trims spaces around a pasted address and a trailing dot on the host': [
    ['  https://example.org./a \n', 'https://example.org/a'],
  ],
}

describe('normaliseSourceUrl', () => {
  describe.each(Object.entries(NORMALISED))('%s', (_what, cases) => {
    it.each(cases)('%j is stored as %j', (typed, stored) => {
      expect(normalised(typed)).toBe(stored)
    })
  })

  it('refuses anything that is not an http or https address', () => {
    for (const input of [
      'ftp://example.org/file',
      'javascript:alert(1)',
      'mailto:desk@example.org',
      'file:///etc/passwd',
      'data:text/html,hi',
    ]) {
      const result = normaliseSourceUrl(input)
      expect(result).toEqual({ ok: false, message: 'Only web pages (http:// or https:// addresses) can be sources.' })
    }
  })

  it('refuses text that is not an address, an empty field, and addresses with a password', () => {
    expect(normaliseSourceUrl('example.org/a').ok).toBe(false)
    expect(normaliseSourceUrl('   ').ok).toBe(false)
    expect(normaliseSourceUrl('https://user:secret@example.org/').ok).toBe(false)
    expect(normaliseSourceUrl(`https://example.org/${'a'.repeat(3000)}`).ok).toBe(false)
  })
})

describe('isTrackingParameter', () => {
  it('knows the campaign prefixes and the click identifiers, in any case', () => {
    const names = ['utm_content', 'FBCLID', 'id', 'page']
    expect(names.filter((name) => isTrackingParameter(name))).toEqual(['utm_content', 'FBCLID'])
  })
})

describe('checkWebAddress', () => {
  it('accepts an archive address as typed and refuses other schemes', () => {
    expect(checkWebAddress('https://web.archive.org/web/2022/https://example.org/a')).toEqual({
      ok: true,
      url: 'https://web.archive.org/web/2022/https://example.org/a',
    })
    expect(checkWebAddress('ftp://example.org').ok).toBe(false)
  })
})
