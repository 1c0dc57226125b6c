import { describe, expect, it } from '@jest/globals'
import { MAX_REVIEWS, readClaimReviews } from './claimreview-import'

const review = (url: string) => ({
  '@type': 'ClaimReview',
  url,
  claimReviewed: 'Wheat exports stopped in 2023.',
  author: { '@type': 'Organization', name: 'Full Fact' },
  reviewRating: { '@type': 'Rating', ratingValue: '1', bestRating: '5' },
})

describe('reading ClaimReview JSON-LD', () => {
  it('reads reviews from a DataFeed, with a numeric rating when no name is given', () => {
    const feed = {
      '@type': 'DataFeed',
      dataFeedElement: [{ '@type': 'DataFeedItem', item: [review('https://fullfact.org/a')] }],
    }
    expect(readClaimReviews(JSON.stringify(feed))).toEqual({
      ok: true,
      reviews: [
        expect.objectContaining({
          url: 'https://fullfact.org/a',
          publisher: 'Full Fact',
          rating: '1 of 5',
          ratingValue: 1,
        }),
      ],
    })
  })

  it('keeps one review per address when a file repeats it', () => {
    const read = readClaimReviews(JSON.stringify([review('https://fullfact.org/a'), review('https://fullfact.org/a')]))
    expect(read.ok && read.reviews).toHaveLength(1)
  })

  it('refuses a review whose address is not a web address', () => {
    expect(readClaimReviews(JSON.stringify(review('javascript:alert(1)')))).toEqual({
      ok: false,
      message: 'The 1st review has no web address (url) of its own. Nothing was imported.',
    })
  })

  it('refuses more reviews than one import takes, and a page without JSON-LD', () => {
    const many = Array.from({ length: MAX_REVIEWS + 1 }, (_, index) => review(`https://fullfact.org/${index}`))
    expect(readClaimReviews(JSON.stringify(many)).ok).toBe(false)
    expect(readClaimReviews('<html><body>No data</body></html>')).toMatchObject({ ok: false })
  })

  it('stays bounded on a deeply nested document and finds nothing there', () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000)
    expect(readClaimReviews(deep)).toMatchObject({ ok: false })
  })
})
