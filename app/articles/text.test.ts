import { htmlToText, markdownToText, normaliseArticleText, textFromUpload, UploadError } from './text.ts'

const persian = 'می\u200Cخواهم'
const family = '👩\u200D👧'
const typographic = 'Ukraine’s council said “on all fronts” — talks in 2022–2023'

/** What normaliseArticleText does, each with a text as typed or pasted and the text it keeps. */
const NORMALISED: Record<string, [string, string]> = {
  'composes accents into single characters (NFC)': ['Zelenskiy said cafe\u0301', 'Zelenskiy said café'],
  'turns Windows and old Mac line endings into newlines': ['one\r\ntwo\rthree\n', 'one\ntwo\nthree'],
  'drops the byte order mark, zero-width spaces and control characters': [
    '\uFEFFKyiv\u200B:\u0007 talks\u0000 resume\u007F\u0085',
    'Kyiv: talks resume',
  ],
  'keeps tabs, newlines and the joiners that spell words and emoji': [
    `a\tb\n${persian} ${family}`,
    `a\tb\n${persian} ${family}`,
  ],
  'removes spaces at the ends of lines but keeps indentation': [
    'first   \n  second\t\nthird\u00A0',
    'first\n  second\nthird',
  ],
  'collapses runs of blank lines into one blank line': [
    'one\n\n\n\ntwo\n \n\t\n\nthree\n\nfour',
    'one\n\ntwo\n\nthree\n\nfour',
  ],
  'trims the start and end of the text': ['\n\n  Body text.  \n\n', 'Body text.'],
  'keeps curly quotes, apostrophes and dashes as they are': [typographic, typographic],
}

describe('normaliseArticleText', () => {
  it.each(Object.entries(NORMALISED))('%s', (_what, [typed, kept]) => {
    expect(normaliseArticleText(typed)).toBe(kept)
  })

  it('gives the same text when run twice', () => {
    const once = normaliseArticleText('\uFEFFa \r\n\r\n\r\n\r\nb\u200B\u2028c\u2029d')
    expect(normaliseArticleText(once)).toBe(once)
  })
})

const newsPage = `<!doctype html>
<html><head>
<title>Swap talks resume | The Daily</title>
<meta property="og:title" content="Ukraine seeks release of 1,200 prisoners">
<meta property="og:site_name" content="The Daily">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-12-01T10:30:00+02:00">
<style>body { color: red } .STYLE-LEAK {}</style>
<script>window.leak = "SCRIPT-LEAK"</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">NAV-LEAK World</a></nav>
<article>
<h1>Ukraine seeks release of 1,200 prisoners</h1>
<p>Kyiv: Ukraine has launched an urgent diplomatic effort to secure the release of 1,200 Ukrainian
prisoners currently held in Russia, signalling one of the largest proposed exchanges.</p>
<p>President Volodymyr Zelenskiy said the government is pushing “on all fronts” to revive
<em>stalled</em> negotiations.<br>Families have kept vigil for months.</p>
<script>document.write("INLINE-SCRIPT-LEAK")</script>
<noscript>NOSCRIPT-LEAK</noscript>
<p>Ukraine’s National Security Council head, Rustem Umerov, has been leading international
discussions, having recently held talks in Turkey and the United Arab Emirates.</p>
</article>
<footer>FOOTER-LEAK Copyright</footer>
</body></html>`

describe('htmlToText', () => {
  it('reads title, author, date and site name from the meta tags', () => {
    const article = htmlToText(newsPage, 'https://news.example/world/swap')
    expect(article).toMatchObject({
      title: 'Ukraine seeks release of 1,200 prisoners',
      author: 'Jane Doe',
      publishedAt: '2024-12-01T08:30:00.000Z',
      siteName: 'The Daily',
    })
  })

  it('puts one paragraph per line with a blank line between paragraphs, and a <br> as a newline', () => {
    const { text } = htmlToText(newsPage)
    expect(text.split('\n\n')).toEqual([
      'Kyiv: Ukraine has launched an urgent diplomatic effort to secure the release of 1,200 Ukrainian prisoners currently held in Russia, signalling one of the largest proposed exchanges.',
      'President Volodymyr Zelenskiy said the government is pushing “on all fronts” to revive stalled negotiations.\nFamilies have kept vigil for months.',
      'Ukraine’s National Security Council head, Rustem Umerov, has been leading international discussions, having recently held talks in Turkey and the United Arab Emirates.',
    ])
  })

  it('never lets scripts, styles, navigation or footers into the text', () => {
    const { text } = htmlToText(newsPage)
    expect(text).not.toMatch(/LEAK|window\.|color: red/)
  })

  it('falls back to JSON-LD NewsArticle for headline, authors and date', () => {
    const html = `<html><head><title>Site title</title>
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Wrong' },
          {
            '@type': ['NewsArticle'],
            headline: 'Talks in Istanbul &amp; Abu Dhabi',
            author: [{ '@type': 'Person', name: 'Ana Lima' }, { name: 'Ben Ode' }],
            datePublished: '2024-11-30',
            publisher: { '@type': 'Organization', name: 'Wire Service' },
          },
        ],
      })}</script></head>
      <body><p>Talks resumed in Istanbul on Saturday, officials said.</p></body></html>`
    expect(htmlToText(html)).toMatchObject({
      title: 'Talks in Istanbul & Abu Dhabi',
      author: 'Ana Lima, Ben Ode',
      publishedAt: '2024-11-30',
      siteName: 'Wire Service',
    })
  })

  it('uses the <title> when there is nothing better', () => {
    expect(htmlToText('<title> Plain  page </title><p>Some text here.</p>').title).toBe('Plain page')
  })

  it('leaves out a date that does not parse rather than guessing', () => {
    const html = '<meta property="article:published_time" content="last Tuesday"><p>Text.</p>'
    expect(htmlToText(html).publishedAt).toBeUndefined()
  })

  it('keeps block boundaries on a bare page without article markup', () => {
    const html = `<body><script>var x = "SCRIPT-LEAK"</script><style>p{}</style>
      <template>TEMPLATE-LEAK</template><div>Only line one.</div><div>Line <b>two</b>.</div></body>`
    expect(htmlToText(html).text).toBe('Only line one.\n\nLine two.')
  })

  it('falls back to the body text when Readability finds no article', () => {
    // Readability gives up on a page whose only text sits in an <aside>.
    const html = `<body><script>var x = "SCRIPT-LEAK"</script><noscript>NOSCRIPT-LEAK</noscript>
      <aside>Statement from the ministry:<br>talks resume on Monday.</aside></body>`
    expect(htmlToText(html).text).toBe('Statement from the ministry:\ntalks resume on Monday.')
  })

  it('returns empty text for an empty page', () => {
    expect(htmlToText('').text).toBe('')
  })
})

describe('textFromUpload', () => {
  it('reads a .txt file, normalising line endings and the byte order mark', () => {
    const content = Buffer.from('\uFEFFFirst paragraph.\r\n\r\n\r\nSecond paragraph.\r\n', 'utf8')
    expect(textFromUpload('article.TXT', content)).toEqual({ text: 'First paragraph.\n\nSecond paragraph.' })
  })

  it('reads UTF-16 text files saved by Windows editors', () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv said “yes”.', 'utf16le')])
    expect(textFromUpload('notes.txt', content).text).toBe('Kyiv said “yes”.')
  })

  it('reads HTML files through the same extraction as imported pages', () => {
    const article = textFromUpload('saved.html', Buffer.from(newsPage))
    expect(article.title).toBe('Ukraine seeks release of 1,200 prisoners')
    expect(article.text).toContain('Rustem Umerov')
    expect(article.text).not.toContain('LEAK')
  })

  it('takes a leading Markdown heading as the title and strips light Markdown syntax', () => {
    const markdown = [
      '# Prisoner exchange talks',
      '',
      'Talks are **urgent**, said [the President](https://example.com/p "bio").',
      '',
      '> “On all fronts,” he said.',
      '',
      '## Background',
      '',
      '- snake_case_name stays',
      '- 2 * 3 = 6 stays',
      '',
      '---',
      '',
      '```',
      'code *kept*',
      '```',
    ].join('\n')
    expect(markdownToText(markdown)).toEqual({
      title: 'Prisoner exchange talks',
      text: [
        'Talks are urgent, said the President.',
        '“On all fronts,” he said.',
        'Background',
        '- snake_case_name stays\n- 2 * 3 = 6 stays',
        'code *kept*',
      ].join('\n\n'),
    })
    expect(textFromUpload('a.md', markdown).title).toBe('Prisoner exchange talks')
  })

  it.each(['report.pdf', 'article.docx', 'README', 'photo.html.png'])(
    'refuses %s with a message a person understands',
    (name) => {
      expect(() => textFromUpload(name, 'text')).toThrow(UploadError)
      expect(() => textFromUpload(name, 'text')).toThrow('Upload a .txt, .md or .html file.')
    },
  )

  it('refuses a binary file renamed to .txt', () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02])
    expect(() => textFromUpload('report.txt', pdf)).toThrow(/does not look like text/)
  })
})
