import { describe, expect, it } from '@jest/globals'
import { escapeHtml } from './html'

describe('escapeHtml', () => {
  it('turns every character that could start or end markup into its entity, and leaves the rest', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    )
    expect(escapeHtml('Plain words, 4% and “quotes”.')).toBe('Plain words, 4% and “quotes”.')
  })
})
