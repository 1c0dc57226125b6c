import { describe, expect, it } from '@jest/globals'
import { fuzzyText, kindsSearched, parseSearch, searchHref, searchQuerySchema, toSearchQuery } from './query'

describe('reading a search the way websearch_to_tsquery does', () => {
  it.each([
    ['prisoners exchange', ['prisoners', 'exchange'], false],
    ['"prisoners of war" freed', ['prisoners', 'of', 'war', 'freed'], true],
    ['civilians or roads', ['civilians', 'roads'], true],
    ['prisoner -budget', ['prisoner'], true],
    ['-"left out" kept', ['kept'], true],
    ['"unclosed phrase', ['unclosed', 'phrase'], true],
    ['Kyiv’s 1,200', ['kyiv', 's', '1', '200'], false],
    ['!!! &|:*()', [], false],
  ])('%s → words %j, operators %s', (input, words, usesOperators) => {
    expect(parseSearch(input)).toEqual({ words, usesOperators })
  })

  it('adds near spellings only to plain words', () => {
    expect(fuzzyText(parseSearch('prisonrs exchange'))).toBe('prisonrs exchange')
    expect(fuzzyText(parseSearch('"prisonrs"'))).toBeNull()
    expect(fuzzyText(parseSearch('prisonrs -war'))).toBeNull()
  })

  it('keeps at most 12 words of a long query', () => {
    expect(parseSearch(Array.from({ length: 30 }, (_, n) => `w${n}`).join(' ')).words).toHaveLength(12)
  })
})

describe('the /search address', () => {
  it('refuses what cannot be searched, each with its reason', () => {
    const errors = (params: Record<string, string>) => {
      const result = searchQuerySchema.safeParse(params)
      return result.success ? [] : result.error.issues.map((issue) => issue.message)
    }
    expect(errors({ q: '   ' })).toEqual(['Type what to search for.', expect.stringMatching(/Add a word/)])
    expect(errors({ q: 'a\u0007b' })).toEqual(['Search for words, not control characters.'])
    expect(errors({ q: 'ok', status: 'DONE' })).toEqual(['That is not a claim status.'])
    expect(errors({ q: 'ok', article: 'no spaces allowed' })).toEqual(['That is not an article id.'])
    expect(errors({ q: 'ok', tag: 'x'.repeat(41) })).toEqual(['Tags are at most 40 characters.'])
    expect(errors({ q: 'ok', after: 'garbage' })).toEqual(['That page address is not one this search made.'])
  })

  it('a claim facet searches claims only; the type facet one kind', () => {
    const query = (params: Record<string, string>) => toSearchQuery(searchQuerySchema.parse({ q: 'x', ...params }))
    expect(kindsSearched(query({}))).toEqual(['claim', 'source', 'article'])
    expect(kindsSearched(query({ type: 'source' }))).toEqual(['source'])
    expect(kindsSearched(query({ verdict: 'FALSE' }))).toEqual(['claim'])
    expect(kindsSearched(query({ verdict: 'FALSE', type: 'article' }))).toEqual([])
  })

  it('writes the words and facets back into an address, leaving out what is not set', () => {
    expect(searchHref({ q: 'prisoner swap', tag: 'diplomacy', after: null })).toBe(
      '/search?q=prisoner+swap&tag=diplomacy',
    )
    expect(searchHref({})).toBe('/search')
  })
})
