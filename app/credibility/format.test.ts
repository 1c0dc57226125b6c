import { claimsCount, coveragePercent, formatCount, formatCoverage } from './format'

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
