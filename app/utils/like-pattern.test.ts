import { expect, test } from '@jest/globals'
import { likePattern } from './like-pattern'

test('a typed % or _ is matched as itself, anywhere in the text', () => {
  expect(likePattern('kyiv')).toBe('%kyiv%')
  expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%')
})
