import { describe, expect, it } from '@jest/globals'
import { checkWebAddress, isTrackingParameter, normaliseSourceUrl } from './url'

function normalised(input: string) {
  const result = normaliseSourceUrl(input)
  if (!result.ok) throw new Error(`refused ${input}: ${result.message}`)
  return result.url
}

describe('normaliseSourceUrl', () => {
  it('turns the same page written two ways into one address', () => {
    expect(normalised('HTTPS://Example.org:443/a?utm_source=x#top')).toBe('https://example.org/a')
    expect(normalised('https://example.org/a')).toBe('https://example.org/a')
  })

  it('lower-cases the scheme and host but keeps the case of the path and query', () => {
    expect(normalised('HTTP://WWW.Example.ORG/Reports/Annual.PDF?Year=2022')).toBe(
      'http://www.example.org/Reports/Annual.PDF?Year=2022',
    )
  })

  it('drops only the default port of each scheme', () => {
    expect(normalised('http://example.org:80/x')).toBe('http://example.org/x')
    expect(normalised('https://example.org:443/x')).toBe('https://example.org/x')
    expect(normalised('http://example.org:443/x')).toBe('http://example.org:443/x')
    expect(normalised('https://example.org:8443/x')).toBe('https://example.org:8443/x')
  })

  it('removes the fragment', () => {
    expect(normalised('https://example.org/page#section-2')).toBe('https://example.org/page')
    expect(normalised('https://example.org/page?id=4#')).toBe('https://example.org/page?id=4')
  })

  it('removes tracking parameters and keeps the others in their order', () => {
    expect(
      normalised(
        'https://example.org/story?id=7&utm_source=tw&UTM_Medium=social&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref_src=5&_ga=6&yclid=7&msclkid=8&spm=9&page=2',
      ),
    ).toBe('https://example.org/story?id=7&page=2')
    expect(normalised('https://example.org/a?b=2&a=1')).toBe('https://example.org/a?b=2&a=1')
  })

  it('drops empty pieces of the query but keeps parameters without a value', () => {
    expect(normalised('https://example.org/a?&&x=1&&')).toBe('https://example.org/a?x=1')
    expect(normalised('https://example.org/a?print')).toBe('https://example.org/a?print')
    expect(normalised('https://example.org/a?')).toBe('https://example.org/a')
    expect(normalised('https://example.org/a?utm_campaign=z')).toBe('https://example.org/a')
  })

  it('keeps the encoding of the remaining parameters', () => {
    expect(normalised('https://example.org/search?q=prisoner%20exchange&utm_source=x')).toBe(
      'https://example.org/search?q=prisoner%20exchange',
    )
    expect(normalised('https://example.org/search?q=a+b')).toBe('https://example.org/search?q=a+b')
  })

  it('removes the trailing slash only from a bare host', () => {
    expect(normalised('https://example.org/')).toBe('https://example.org')
    expect(normalised('https://example.org')).toBe('https://example.org')
    expect(normalised('https://example.org/?x=1')).toBe('https://example.org?x=1')
    expect(normalised('https://example.org/news/')).toBe('https://example.org/news/')
  })

  it('writes international host names in punycode', () => {
    expect(normalised('https://Bücher.example/Seite')).toBe('https://xn--bcher-kva.example/Seite')
  })

  it('trims spaces around a pasted address and a trailing dot on the host', () => {
    expect(normalised('  https://example.org./a \n')).toBe('https://example.org/a')
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
    expect(isTrackingParameter('utm_content')).toBe(true)
    expect(isTrackingParameter('FBCLID')).toBe(true)
    expect(isTrackingParameter('id')).toBe(false)
    expect(isTrackingParameter('page')).toBe(false)
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
