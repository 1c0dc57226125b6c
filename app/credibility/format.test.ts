import { claimsCount, coveragePercent, formatCount, formatCoverage, inQuotes } from './format'

test('coverage reads "9 of 12", and has no percentage without claims', () => {
  expect(formatCoverage(9, 12)).toBe('9 of 12')
  expect(formatCoverage(37874, 98999)).toBe('37,874 of 98,999')
  expect(coveragePercent(9, 12)).toBe(75)
  expect(coveragePercent(0, 0)).toBeNull()
  expect(coveragePercent(0, 3)).toBe(0)
})

test('claimsCount agrees in number', () => {
  expect(claimsCount(1)).toBe('1 claim')
  expect(claimsCount(0)).toBe('0 claims')
  expect(claimsCount(12000)).toBe('12,000 claims')
  expect(formatCount(1234567)).toBe('1,234,567')
})

describe('inQuotes', () => {
  test('puts a claim in quotation marks', () => {
    expect(inQuotes('Russia holds 1,200 prisoners.')).toBe('“Russia holds 1,200 prisoners.”')
  })

  test.each(['“on all fronts”', '"on all fronts"', '„on all fronts“', '«on all fronts»', ' ‘on all fronts’ '])(
    'does not double the marks already around %s',
    (text) => {
      expect(inQuotes(text)).toBe('“on all fronts”')
    },
  )

  test('keeps the marks of two quotes side by side, and of a quote inside the claim', () => {
    expect(inQuotes('“Yes” and “no”')).toBe('““Yes” and “no””')
    expect(inQuotes('He said “on all fronts” twice')).toBe('“He said “on all fronts” twice”')
  })

  test('cuts a long claim with an ellipsis inside the marks', () => {
    const quoted = inQuotes(`“${'word '.repeat(40)}”`, 20)
    expect(quoted).toBe('“word word word word…”')
    expect(quoted.length).toBeLessThanOrEqual(22)
  })
})
