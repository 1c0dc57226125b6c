import { pagePath, pageUrl } from './page-url'

describe('pagePath', () => {
  test.each([
    ['http://localhost/account', '/account'],
    ['http://localhost/account.data', '/account'],
    ['http://localhost/admin/users.data?q=ann&_routes=root%2Croutes%2Fadmin%2Fusers', '/admin/users?q=ann'],
    ['http://localhost/_.data', '/'],
    ['http://localhost/_root.data', '/'],
    ['http://localhost/articles/_.data', '/articles/'],
    ['http://localhost/?index', '/'],
    ['http://localhost/articles.data?index&q=war', '/articles?q=war'],
    ['http://localhost/dashboard?_data=routes%2Fdashboard', '/dashboard'],
  ])('gives %s as the page %s', (address, page) => {
    expect(pagePath(new Request(address))).toBe(page)
  })

  test('keeps a real index filter and every other parameter the page uses', () => {
    expect(pagePath('http://localhost/queue.data?index=3&status=APPROVED')).toBe('/queue?index=3&status=APPROVED')
  })

  test('leaves a path that only looks like a data file in the middle alone', () => {
    expect(pagePath('http://localhost/exports/claims.csv?scope=any')).toBe('/exports/claims.csv?scope=any')
  })

  test('reads a path without an origin', () => {
    expect(pageUrl('/dashboard.data?from=2026-01-01').searchParams.get('from')).toBe('2026-01-01')
  })
})
