import { parseAllowList, parseAllowListEntry } from './allow-list'

describe('parseAllowListEntry', () => {
  test.each([
    ['intranet.example.org', 'intranet.example.org'],
    ['Intranet.Example.ORG', 'intranet.example.org'],
    ['cms.example.org.', 'cms.example.org'],
    ['localhost', 'localhost'],
    ['10.0.0.5', '10.0.0.5'],
    ['10.0.0.5:8080', '10.0.0.5:8080'],
    ['127.0.0.1:04567', '127.0.0.1:4567'],
    ['127.1', '127.0.0.1'],
    ['новини.укр', 'xn--b1amarcd.xn--j1amh'],
    ['::1', '[::1]'],
    ['[::1]', '[::1]'],
    ['[2001:DB8::1]:8443', '[2001:db8::1]:8443'],
    ['  cms.example.org  ', 'cms.example.org'],
  ])('accepts %j as %j', (line, entry) => {
    expect(parseAllowListEntry(line)).toEqual({ ok: true, entry })
  })

  test.each([
    ['https://cms.example.org', /without http/],
    ['cms.example.org/news', /without a path/],
    ['user@cms.example.org', /without a path, user name/],
    ['*.example.org', /wildcards/],
    ['cms example.org', /no spaces/],
    ['cms.example.org:0', /port/],
    ['cms.example.org:70000', /port/],
    ['cms.example.org:http', /port/],
    [':8080', /missing the host/],
    ['-bad-.example.org', /not a host name/],
    ['999.1.1.1', /not a host name/],
    ['exa_mple.org', /not a host name/],
    ['[::g]', /IPv6/],
    ['[::1]:99999', /port/],
  ])('refuses %j', (line, reason) => {
    const result = parseAllowListEntry(line)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.reason).toMatch(reason)
  })
})

describe('parseAllowList', () => {
  test('skips blank lines, drops repeats and names each bad line by number', () => {
    expect(parseAllowList('cms.example.org\n\n  \r\nCMS.example.org\n10.0.0.5:8080\nhttps://bad.example\n*.x')).toEqual(
      {
        entries: ['cms.example.org', '10.0.0.5:8080'],
        errors: [
          'Line 6, “https://bad.example”: write the host only, without http:// (for example intranet.example.org or 10.0.0.5:8080).',
          'Line 7, “*.x”: wildcards are not supported; list each host on its own line.',
        ],
      },
    )
  })

  test('an empty list is valid', () => {
    expect(parseAllowList('')).toEqual({ entries: [], errors: [] })
  })

  test('refuses more than 100 hosts', () => {
    const text = Array.from({ length: 101 }, (_, i) => `host${i}.example.org`).join('\n')
    expect(parseAllowList(text).errors).toEqual(['List at most 100 hosts; this list has 101.'])
  })
})
