import { expect, test } from '@jest/globals'
import { hostOf } from './host-of'

test('names an address by its host, without www.', () => {
  expect(hostOf('https://www.example.org/report?id=1')).toBe('example.org')
  expect(hostOf('http://news.example.com:8080/a')).toBe('news.example.com:8080')
  expect(hostOf('not an address')).toBe('not an address')
})
