import { createdAtRange, dashboardHref, hasFilters, parseDashboardQuery } from './dashboard-query'

const parse = (search: string) => parseDashboardQuery(new URLSearchParams(search))

describe('parseDashboardQuery', () => {
  test('an empty address is the whole desk, best score first', () => {
    expect(parse('')).toEqual({
      query: { from: null, to: null, tag: null, sort: 'score', dir: 'desc', after: null },
      errors: {},
    })
  })

  test('reads the dates, the tag and the order', () => {
    expect(parse('from=2026-01-01&to=2026-01-31&tag=Health&sort=coverage&dir=asc').query).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      tag: 'health',
      sort: 'coverage',
      dir: 'asc',
      after: null,
    })
  })

  test('an unknown order falls back to best score first without an error', () => {
    expect(parse('sort=title&dir=sideways')).toEqual({
      query: { from: null, to: null, tag: null, sort: 'score', dir: 'desc', after: null },
      errors: {},
    })
  })

  test('a day that does not exist is explained and ignored', () => {
    const { query, errors } = parse('from=2026-02-30&to=31/01/2026')
    expect(query.from).toBeNull()
    expect(query.to).toBeNull()
    expect(errors).toEqual({
      from: 'Enter the start date as a day, such as 2026-01-31.',
      to: 'Enter the end date as a day, such as 2026-01-31.',
    })
  })

  test('an end before the start keeps the start and explains the end', () => {
    const { query, errors } = parse('from=2026-03-01&to=2026-02-01')
    expect([query.from, query.to]).toEqual(['2026-03-01', null])
    expect(errors).toEqual({ to: 'The end date is before the start date.' })
  })

  test('the same day as start and end is one day', () => {
    expect(parse('from=2026-03-01&to=2026-03-01').errors).toEqual({})
  })

  test('a blank tag is no tag; an overlong one is explained', () => {
    expect(parse('tag=%20%20').query.tag).toBeNull()
    expect(parse(`tag=${'x'.repeat(41)}`).errors).toEqual({ tag: 'Tags are at most 40 characters.' })
  })
})

test('hasFilters is about which claims count, not the order', () => {
  expect(hasFilters(parse('sort=coverage').query)).toBe(false)
  expect(hasFilters(parse('tag=x').query)).toBe(true)
  expect(hasFilters(parse('to=2026-01-01').query)).toBe(true)
})

describe('createdAtRange', () => {
  test('runs from the start of the first day to the start of the day after the last', () => {
    expect(createdAtRange({ from: '2026-02-01', to: '2026-02-28', tag: null })).toEqual({
      start: '2026-02-01T00:00:00.000',
      end: '2026-03-01T00:00:00.000',
    })
  })

  test('crosses the end of a year and leaves open ends open', () => {
    expect(createdAtRange({ from: null, to: '2025-12-31', tag: null })).toEqual({
      start: null,
      end: '2026-01-01T00:00:00.000',
    })
    expect(createdAtRange({ from: null, to: null, tag: 'x' })).toEqual({ start: null, end: null })
  })
})

describe('dashboardHref', () => {
  const query = parse('tag=health&from=2026-01-01&after=75.abc').query

  test('keeps the filter and drops defaults', () => {
    expect(dashboardHref(parse('').query)).toBe('/dashboard')
    expect(dashboardHref(query, { after: null })).toBe('/dashboard?from=2026-01-01&tag=health')
  })

  test('a new order starts the table again', () => {
    expect(dashboardHref(query, { sort: 'coverage', dir: 'desc' })).toBe(
      '/dashboard?from=2026-01-01&tag=health&sort=coverage&dir=desc',
    )
  })

  test('carries the cursor for the next page', () => {
    expect(dashboardHref(query, { after: '63.xyz' })).toBe('/dashboard?from=2026-01-01&tag=health&after=63.xyz')
  })
})
