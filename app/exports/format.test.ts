import { parse } from 'csv-parse/sync'
import { ClaimStatus, Stance, Verdict } from '~/generated/prisma/enums'
import {
  CSV_COLUMNS,
  UTF8_BOM,
  claimReviewScriptTag,
  claimantType,
  csvChunks,
  defuseCell,
  jsonArrayChunks,
  readableStreamOf,
  toClaimReview,
  toCsvRecord,
  toJsonRecord,
  type ExportClaim,
} from './format'

function claim(overrides: Partial<ExportClaim> = {}): ExportClaim {
  return {
    id: 'clm_1',
    article: {
      id: 'art_1',
      title: 'Ukraine seeks release of 1,200 prisoners',
      url: 'https://news.example/ukraine-prisoners',
      outlet: 'Example News',
      author: 'Olena Reporter',
      publishedAt: new Date('2024-12-10T08:30:00Z'),
    },
    quote: 'the release of 1,200 Ukrainian prisoners currently held in Russia',
    text: 'Russia currently holds 1,200 Ukrainian prisoners whose release Ukraine is seeking.',
    claimant: 'Volodymyr Zelenskiy',
    claimDate: new Date('2024-12-09T00:00:00Z'),
    tags: ['prisoners', 'diplomacy'],
    status: ClaimStatus.APPROVED,
    verdict: Verdict.MOSTLY_TRUE,
    rationale: 'Official lists put the figure at about 1,200; independent counts are close.',
    sources: [
      { url: 'https://gov.example/statement', title: 'Statement', publisher: 'Government', stance: Stance.SUPPORTS },
      { url: 'https://ngo.example/report', title: 'Report', publisher: 'NGO', stance: Stance.CONTEXT },
    ],
    approvedBy: 'Erin Editor',
    approvedAt: new Date('2024-12-11T16:05:07.123Z'),
    ...overrides,
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = ''
  for await (const chunk of chunks) out += chunk
  return out
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item
}

function parseCsv(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false }) as string[][]
}

describe('defuseCell', () => {
  test.each(['=SUM(A1:A9)', '+380 44 123 4567', '-12% in a year', '@everyone', '\tindented', '\rreturn'])(
    'prefixes %j with an apostrophe so a spreadsheet shows it as text',
    (value) => {
      expect(defuseCell(value)).toBe(`'${value}`)
    },
  )

  test('also defuses the full-width forms that Apple Numbers turns into formulas', () => {
    expect(defuseCell('＝1+1')).toBe("'＝1+1")
    expect(defuseCell('＠user')).toBe("'＠user")
  })

  test('leaves ordinary text, empty cells and inner formula characters alone', () => {
    for (const value of ['', 'Kyiv said 1+1=2', "'already quoted", ' =leading space', 'Київ', '1,200']) {
      expect(defuseCell(value)).toBe(value)
    }
  })
})

describe('toCsvRecord', () => {
  test('maps a claim to the CSV columns in order', () => {
    const c = claim()
    const record = toCsvRecord(c)
    expect(record).toHaveLength(CSV_COLUMNS.length)
    expect(CSV_COLUMNS.map((column, index) => [column, record[index]])).toEqual([
      ['article_title', c.article.title],
      ['article_url', 'https://news.example/ukraine-prisoners'],
      ['quote', c.quote],
      ['claim_text', c.text],
      ['claimant', 'Volodymyr Zelenskiy'],
      ['claim_date', '2024-12-09'],
      ['verdict', 'Mostly true'],
      ['rating_value', '4'],
      ['rationale', c.rationale],
      ['sources', 'https://gov.example/statement (supports); https://ngo.example/report (context)'],
      ['approved_by', 'Erin Editor'],
      ['approved_at', '2024-12-11T16:05:07.123Z'],
    ])
  })

  test('leaves the rating empty for a verdict off the scale, and blanks for missing values', () => {
    const record = toCsvRecord(
      claim({
        verdict: Verdict.UNPROVEN,
        claimDate: null,
        approvedAt: null,
        approvedBy: null,
        sources: [],
        article: { ...claim().article, url: null },
      }),
    )
    const cell = (name: string) => record[CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number])]
    expect(cell('verdict')).toBe('Unproven')
    expect(cell('rating_value')).toBe('')
    expect(cell('claim_date')).toBe('')
    expect(cell('approved_at')).toBe('')
    expect(cell('approved_by')).toBe('')
    expect(cell('sources')).toBe('')
    expect(cell('article_url')).toBe('')
  })

  test('defuses every cell, not only the free-text ones', () => {
    const record = toCsvRecord(claim({ claimant: '=HYPERLINK("http://evil")', approvedBy: '@admin' }))
    expect(record[CSV_COLUMNS.indexOf('claimant')]).toBe('\'=HYPERLINK("http://evil")')
    expect(record[CSV_COLUMNS.indexOf('approved_by')]).toBe("'@admin")
  })
})

describe('csvChunks', () => {
  const awkward: ExportClaim[] = [
    claim({ id: 'c1', quote: 'prisoners, soldiers, and civilians', text: 'He said "all fronts", twice' }),
    claim({ id: 'c2', rationale: 'First line.\nSecond line.\r\nThird line.\rFourth.', claimant: '' }),
    claim({
      id: 'c3',
      quote: '=1+1',
      text: '+380 is the dialling code',
      claimant: '-anonymous',
      rationale: '@mention',
    }),
    claim({ id: 'c4', quote: '\tTabbed', text: '\rCarriage return first' }),
    claim({
      id: 'c5',
      article: { ...claim().article, title: 'Обмін полоненими: Київ шукає звільнення 1200 українців' },
      quote: 'Україна розпочала термінові дипломатичні зусилля',
      text: 'أوكرانيا تسعى للإفراج عن 1200 أسير',
      claimant: 'Рустем Умєров',
      rationale: 'Confirmed 🇺🇦 ✅ — see sources 📄',
    }),
    claim({ id: 'c6', verdict: Verdict.NOT_A_CLAIM, sources: [] }),
  ]

  test('writes a header and one record per claim that parse back to the same cells', async () => {
    const csv = await collect(csvChunks(fromArray(awkward), { bom: false }))
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows.slice(1)).toEqual(awkward.map(toCsvRecord))
  })

  /** The CSV of the awkward claims, parsed back: each record as its cells by column name. */
  async function recordsBack() {
    const rows = parseCsv(await collect(csvChunks(fromArray(awkward), { bom: false })))
    return rows.map((row) => Object.fromEntries(CSV_COLUMNS.map((name, index) => [name, row[index]])))
  }

  test('keeps commas, quotes, newlines and non-Latin text intact through a round trip', async () => {
    const records = await recordsBack()
    expect(records[1]).toMatchObject({
      quote: 'prisoners, soldiers, and civilians',
      claim_text: 'He said "all fronts", twice',
    })
    expect(records[2]).toMatchObject({ rationale: 'First line.\nSecond line.\r\nThird line.\rFourth.' })
    expect(records[5]).toMatchObject({
      article_title: 'Обмін полоненими: Київ шукає звільнення 1200 українців',
      quote: 'Україна розпочала термінові дипломатичні зусилля',
      claim_text: 'أوكرانيا تسعى للإفراج عن 1200 أسير',
      claimant: 'Рустем Умєров',
      rationale: 'Confirmed 🇺🇦 ✅ — see sources 📄',
    })
  })

  test('comes back with formula prefixes defused', async () => {
    const records = await recordsBack()
    expect(records[3]).toMatchObject({
      quote: "'=1+1",
      claim_text: "'+380 is the dialling code",
      claimant: "'-anonymous",
      rationale: "'@mention",
    })
    expect(records[4]).toMatchObject({ quote: "'\tTabbed", claim_text: "'\rCarriage return first" })
  })

  test('ends records with CRLF and quotes only the fields that need it (RFC 4180)', async () => {
    const csv = await collect(
      csvChunks([claim({ quote: 'plain', text: 'a, b', rationale: 'say "hi"' })], { bom: false }),
    )
    const lines = csv.split('\r\n')
    expect(lines).toHaveLength(3) // header, record, and the empty string after the final CRLF
    expect(lines[0]).toBe(CSV_COLUMNS.join(','))
    expect(lines[1]).toContain(',plain,"a, b",')
    expect(lines[1]).toContain(',"say ""hi""",')
    expect(lines[2]).toBe('')
  })

  test('quotes a field holding a lone CR or LF too, where a spreadsheet would end the record', async () => {
    const csv = await collect(csvChunks([claim({ quote: 'one\ntwo', text: 'three\rfour' })], { bom: false }))
    expect(csv).toContain(',"one\ntwo","three\rfour",')
  })

  test('starts with a UTF-8 byte-order mark only when asked', async () => {
    const withBom = await collect(csvChunks([claim()], { bom: true }))
    const withoutBom = await collect(csvChunks([claim()], { bom: false }))
    expect(withBom.startsWith(UTF8_BOM + 'article_title,')).toBe(true)
    expect(withoutBom.startsWith('article_title,')).toBe(true)
    expect(withBom.slice(1)).toBe(withoutBom)
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(parseCsv(withBom)[0]![0]).toBe('article_title')
  })

  test('writes just the header when there is nothing to export', async () => {
    expect(await collect(csvChunks([], { bom: false }))).toBe(CSV_COLUMNS.join(',') + '\r\n')
  })

  test('yields many rows in a handful of chunks, without reading ahead of the consumer', async () => {
    let produced = 0
    async function* many() {
      for (let i = 0; i < 2000; i++) {
        produced++
        yield claim({ id: `c${i}` })
      }
    }
    const chunks = csvChunks(many(), { bom: false })
    const first = await chunks.next()
    expect(first.done).toBe(false)
    expect(produced).toBeLessThan(2000)
    let count = 1
    let csv = first.value as string
    for await (const chunk of chunks) {
      count++
      csv += chunk
    }
    expect(count).toBeLessThan(200)
    expect(parseCsv(csv)).toHaveLength(2001)
  })
})

describe('toJsonRecord', () => {
  test('uses stable field names, ISO dates and nested sources', () => {
    const c = claim()
    expect(toJsonRecord(c)).toEqual({
      id: c.id,
      article: {
        id: c.article.id,
        title: c.article.title,
        url: c.article.url,
        outlet: c.article.outlet,
        publishedAt: '2024-12-10T08:30:00.000Z',
      },
      quote: c.quote,
      text: c.text,
      claimant: c.claimant,
      claimDate: '2024-12-09',
      tags: ['prisoners', 'diplomacy'],
      status: 'APPROVED',
      verdict: 'MOSTLY_TRUE',
      verdictLabel: 'Mostly true',
      ratingValue: 4,
      rationale: 'Official lists put the figure at about 1,200; independent counts are close.',
      sources: [
        { url: 'https://gov.example/statement', title: 'Statement', publisher: 'Government', stance: 'SUPPORTS' },
        { url: 'https://ngo.example/report', title: 'Report', publisher: 'NGO', stance: 'CONTEXT' },
      ],
      approvedBy: 'Erin Editor',
      approvedAt: '2024-12-11T16:05:07.123Z',
    })
  })

  test('survives JSON.stringify unchanged, nulls included, and is not formula-defused', () => {
    const record = toJsonRecord(
      claim({ quote: '=1+1', claimDate: null, approvedAt: null, approvedBy: null, verdict: Verdict.UNPROVEN }),
    )
    expect(JSON.parse(JSON.stringify(record))).toEqual(record)
    expect(record).toMatchObject({ quote: '=1+1', claimDate: null, approvedAt: null, ratingValue: null })
  })
})

describe('jsonArrayChunks', () => {
  test('streams a JSON array that parses back to the records', async () => {
    const claims = [claim({ id: 'a' }), claim({ id: 'b', text: 'Line\n"quoted" 🇺🇦' })]
    const json = await collect(jsonArrayChunks(fromArray(claims), toJsonRecord))
    expect(JSON.parse(json)).toEqual(claims.map(toJsonRecord))
  })

  test('writes an empty array when there is nothing to export', async () => {
    expect(JSON.parse(await collect(jsonArrayChunks([], toJsonRecord)))).toEqual([])
  })
})

describe('readableStreamOf', () => {
  test('encodes the chunks as UTF-8 bytes', async () => {
    const text = await new Response(readableStreamOf(fromArray(['Київ, ', 'كييف ', '🇺🇦']))).text()
    expect(text).toBe('Київ, كييف 🇺🇦')
  })

  test('cancelling the stream closes the source, so its database cursor is released', async () => {
    let closed = false
    async function* source() {
      try {
        for (let i = 0; ; i++) yield `row ${i}\n`
      } finally {
        closed = true
      }
    }
    const reader = readableStreamOf(source()).getReader()
    await reader.read()
    await reader.cancel()
    expect(closed).toBe(true)
  })
})

describe('toClaimReview', () => {
  const org = { name: 'Factdesk Newsroom', url: 'https://factdesk.example' }
  const claimUrl = 'https://factdesk.example/claims/clm_1'

  test('maps an approved claim to a schema.org ClaimReview', () => {
    expect(toClaimReview(claim(), org, claimUrl)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: claimUrl,
      claimReviewed: 'Russia currently holds 1,200 Ukrainian prisoners whose release Ukraine is seeking.',
      datePublished: '2024-12-11',
      author: { '@type': 'Organization', name: 'Factdesk Newsroom', url: 'https://factdesk.example' },
      reviewRating: { '@type': 'Rating', alternateName: 'Mostly true', ratingValue: 4, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Volodymyr Zelenskiy' },
        datePublished: '2024-12-09',
        appearance: {
          '@type': 'CreativeWork',
          url: 'https://news.example/ukraine-prisoners',
          headline: 'Ukraine seeks release of 1,200 prisoners',
        },
      },
    })
  })

  test('round-trips through JSON with every required field present', () => {
    const review = JSON.parse(JSON.stringify(toClaimReview(claim({ verdict: Verdict.FALSE }), org, claimUrl)))
    expect(review['@context']).toBe('https://schema.org')
    expect(review['@type']).toBe('ClaimReview')
    for (const field of ['url', 'claimReviewed', 'datePublished', 'author', 'reviewRating', 'itemReviewed']) {
      expect(review).toHaveProperty(field)
    }
    expect(review.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'False',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
    })
    expect(review.itemReviewed['@type']).toBe('Claim')
    expect(review.itemReviewed.appearance['@type']).toBe('CreativeWork')
    expect(review.author['@type']).toBe('Organization')
  })

  test.each([Verdict.UNPROVEN, Verdict.NOT_A_CLAIM])(
    'gives the unscored verdict %s a label but no rating',
    (verdict) => {
      const { reviewRating } = JSON.parse(JSON.stringify(toClaimReview(claim({ verdict }), org, claimUrl)))
      expect(reviewRating.alternateName).toBe(verdict === Verdict.UNPROVEN ? 'Unproven' : 'Not a factual claim')
      expect(reviewRating).not.toHaveProperty('ratingValue')
      expect(reviewRating).not.toHaveProperty('bestRating')
      expect(reviewRating).not.toHaveProperty('worstRating')
    },
  )

  test('credits the article’s author as a Person, marked as the byline, when no claimant is named', () => {
    const review = toClaimReview(claim({ claimant: '   ' }), org, claimUrl)
    expect(review.itemReviewed.author).toEqual({
      '@type': 'Person',
      name: 'Olena Reporter',
      description: 'Author of the article the claim appears in; no claimant is named.',
    })
  })

  test('credits the outlet as an Organization when neither claimant nor article author is known', () => {
    const review = toClaimReview(claim({ claimant: '', article: { ...claim().article, author: ' ' } }), org, claimUrl)
    expect(review.itemReviewed.author).toEqual({
      '@type': 'Organization',
      name: 'Example News',
      description: 'Publisher of the article the claim appears in; no claimant is named.',
    })
  })

  test('omits the claim author when nobody at all is named', () => {
    const review = toClaimReview(
      claim({ claimant: '', article: { ...claim().article, author: '', outlet: '' } }),
      org,
      claimUrl,
    )
    expect(review.itemReviewed).not.toHaveProperty('author')
    expect(JSON.stringify(review)).not.toContain('undefined')
  })

  test('dates the claim by the article’s publication when the claim date is unknown, and omits it when both are', () => {
    expect(toClaimReview(claim({ claimDate: null }), org, claimUrl).itemReviewed.datePublished).toBe('2024-12-10')
    const undated = toClaimReview(
      claim({ claimDate: null, article: { ...claim().article, publishedAt: null } }),
      org,
      claimUrl,
    )
    expect(undated.itemReviewed).not.toHaveProperty('datePublished')
    expect(JSON.stringify(undated)).not.toContain('undefined')
  })

  test('names an institution as an Organization and a person as a Person', () => {
    expect(toClaimReview(claim({ claimant: 'Russian Defence Ministry' }), org, claimUrl).itemReviewed.author).toEqual({
      '@type': 'Organization',
      name: 'Russian Defence Ministry',
    })
    expect(toClaimReview(claim({ claimant: '  Rustem Umerov ' }), org, claimUrl).itemReviewed.author).toEqual({
      '@type': 'Person',
      name: 'Rustem Umerov',
    })
  })

  test('keeps non-Latin text as it is', () => {
    const review = toClaimReview(
      claim({ text: 'Україна повертає 1200 полонених 🇺🇦', claimant: 'Рустем Умєров' }),
      org,
      claimUrl,
    )
    const parsed = JSON.parse(JSON.stringify(review))
    expect(parsed.claimReviewed).toBe('Україна повертає 1200 полонених 🇺🇦')
    expect(parsed.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Рустем Умєров' })
  })

  test('refuses a claim without a verdict rather than publish an empty review', () => {
    expect(() => toClaimReview(claim({ verdict: null, status: ClaimStatus.IN_RESEARCH }), org, claimUrl)).toThrow(
      /no verdict/,
    )
  })
})

describe('claimantType', () => {
  test.each([
    ['Russian Defence Ministry', 'Organization'],
    ["Ukraine's Coordination Headquarters for the Treatment of Prisoners of War", 'Organization'],
    ['the Kremlin', 'Organization'],
    ['Міністерство оборони України', 'Organization'],
    ['Volodymyr Zelenskiy', 'Person'],
    ['Рустем Умєров', 'Person'],
    ['Officer Jane Doe', 'Person'],
  ])('%s is a %s', (name, type) => {
    expect(claimantType(name)).toBe(type)
  })
})

describe('claimReviewScriptTag', () => {
  const org = { name: 'Factdesk Newsroom', url: 'https://factdesk.example' }

  test('wraps the reviews in a JSON-LD script element that parses back to the same array', () => {
    const reviews = [toClaimReview(claim(), org, 'https://factdesk.example/claims/clm_1')]
    const tag = claimReviewScriptTag(reviews)
    expect(tag.startsWith('<script type="application/ld+json">\n')).toBe(true)
    expect(tag.endsWith('\n</script>')).toBe(true)
    const json = tag.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(reviews)))
  })

  test('cannot be closed early by a claim that quotes a script end tag', () => {
    const text = 'He wrote </script><script>alert(1)</script> & <!-- more'
    const tag = claimReviewScriptTag([toClaimReview(claim({ text }), org, 'https://factdesk.example/claims/clm_1')])
    expect(tag.indexOf('</script>')).toBe(tag.length - '</script>'.length)
    expect(tag).not.toContain('<!--')
    const json = tag.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    expect(JSON.parse(json)[0].claimReviewed).toBe(text)
  })

  test('writes an empty array when there is nothing to publish', () => {
    expect(claimReviewScriptTag([])).toBe('<script type="application/ld+json">\n[]\n</script>')
  })
})
