import { describe, expect, it } from '@jest/globals'
import { freeSlug, isSlug, SLUG_MAX_LENGTH, slugify } from './slugs'

describe('slugify', () => {
  it('keeps the words of any script, lower-cased, without accents or punctuation', () => {
    expect(slugify('Ukraine and Russia swap 1,200 prisoners!', 'report')).toBe(
      'ukraine-and-russia-swap-1-200-prisoners',
    )
    expect(slugify('Élections : la participation à 71 %', 'report')).toBe('elections-la-participation-a-71')
    expect(slugify('Обмін полоненими', 'report')).toBe('обмін-полоненими')
  })

  it('cuts between words, and falls back when nothing is left', () => {
    const slug = slugify('word '.repeat(40), 'report')
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(slug.endsWith('-')).toBe(false)
    expect(slugify('x'.repeat(100), 'report')).toHaveLength(SLUG_MAX_LENGTH)
    expect(slugify(' — !! ', 'claim')).toBe('claim')
  })

  it('makes slugs that the public routes accept', () => {
    for (const text of ['A title', 'Обмін', 'Über 5%', '中文标题']) expect(isSlug(slugify(text, 'report'))).toBe(true)
    expect(isSlug('has space')).toBe(false)
    expect(isSlug('')).toBe(false)
  })
})

describe('freeSlug', () => {
  it('takes the slug itself, then -2, -3 …', () => {
    expect(freeSlug('a', new Set())).toBe('a')
    expect(freeSlug('a', new Set(['a', 'a-2']))).toBe('a-3')
  })
})
