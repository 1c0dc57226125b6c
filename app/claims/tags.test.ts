import { describe, expect, test } from '@jest/globals'
import { normaliseTag, parseTags } from './tags'

describe('normaliseTag', () => {
  test('trims, collapses spaces and lower-cases, as tags are stored', () => {
    expect(normaliseTag('  Public   Health ')).toBe('public health')
    expect(normaliseTag('ОБМІН')).toBe('обмін')
  })
})

describe('parseTags', () => {
  test('trims, lower-cases, drops blanks and repeats', () => {
    expect(parseTags(' Prisoners, diplomacy ,, PRISONERS,  Human   rights ')).toEqual([
      'prisoners',
      'diplomacy',
      'human rights',
    ])
    expect(parseTags('')).toEqual([])
    expect(parseTags(undefined)).toEqual([])
  })
})
