// Turns pasted text, uploaded files and fetched HTML into an article body: the plain text that
// claims quote by offset, so the same input must always give the same text.
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { isCalendarDate } from '~/utils/dates'
import { normaliseArticleText } from './normalise.ts'

export type ArticleText = {
  title?: string
  author?: string
  /** `YYYY-MM-DD` when the page gives only a date, otherwise a UTC ISO datetime. */
  publishedAt?: string
  siteName?: string
  text: string
}

export { normaliseArticleText }

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'INPUT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'IMG',
])

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
])

const ELEMENT_NODE = 1
const TEXT_NODE = 3

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase()
  return style.includes('display:none') || style.includes('visibility:hidden')
}

/** Block-aware text of a subtree; textContent alone would run paragraphs together. */
function textOfNode(root: Node): string {
  const blocks: string[] = []
  let current = ''
  let preDepth = 0

  const flush = (fromPre: boolean) => {
    const block = fromPre
      ? current.replace(/^\n+|\s+$/g, '')
      : current
          .replace(/[^\S\n]+/g, ' ')
          .split('\n')
          .map((line) => line.trim())
          .join('\n')
          .trim()
    if (block) blocks.push(block)
    current = ''
  }

  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? ''
      current += preDepth > 0 ? value : value.replace(/[ \t\n\r\f]+/g, ' ')
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const element = node as Element
    const tag = element.tagName.toUpperCase()
    if (SKIPPED.has(tag) || isHidden(element)) return
    if (tag === 'BR') {
      current += '\n'
      return
    }
    const isBlock = BLOCKS.has(tag)
    const isPre = tag === 'PRE'
    if (isBlock) flush(preDepth > 0)
    if (isPre) preDepth++
    if (tag === 'TD' || tag === 'TH') {
      if (current.trim()) current += '\t'
    }
    for (const child of Array.from(element.childNodes)) walk(child)
    if (isPre) {
      flush(true)
      preDepth--
    } else if (isBlock) {
      flush(preDepth > 0)
    }
  }

  walk(root)
  flush(preDepth > 0)
  return normaliseArticleText(blocks.join('\n\n'))
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.replace(/\s+/g, ' ').trim()
  return text || undefined
}

function metaContent(document: Document, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    for (const meta of Array.from(document.querySelectorAll(selector))) {
      const value = clean(meta.getAttribute('content'))
      if (value) return value
    }
  }
  return undefined
}

/** Dates are only kept when they parse; a wrong date is worse than none on a fact-check. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return isCalendarDate(trimmed) ? trimmed : undefined
  const date = new Date(trimmed)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

type JsonLdArticle = { headline?: string; author?: string; datePublished?: string; publisher?: string }

const ARTICLE_TYPE = /(^|[:/])(\w*Article|BlogPosting|Report)$/

function namesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(namesOf)
  if (value && typeof value === 'object' && 'name' in value) return namesOf((value as { name: unknown }).name)
  return []
}

function jsonLdArticle(document: Document, decode: (s: string) => string): JsonLdArticle {
  const candidates: Record<string, unknown>[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    const record = value as Record<string, unknown>
    const types = ([] as unknown[]).concat(record['@type'] ?? [])
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) candidates.push(record)
    if (record['@graph']) visit(record['@graph'])
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''))
    } catch {
      // Broken JSON-LD is common; the meta tags still stand.
    }
  }
  const isNews = (record: Record<string, unknown>) =>
    ([] as unknown[]).concat(record['@type']).some((t) => typeof t === 'string' && /News/.test(t))
  const best = candidates.find(isNews) ?? candidates[0]
  if (!best) return {}
  const text = (value: unknown) => {
    const cleaned = clean(value)
    return cleaned ? clean(decode(cleaned)) : undefined
  }
  const authors = namesOf(best.author)
    .map(text)
    .filter((name): name is string => !!name)
  return {
    headline: text(best.headline) ?? text(best.name),
    author: authors.length ? [...new Set(authors)].join(', ') : undefined,
    datePublished: text(best.datePublished) ?? text(best.dateCreated),
    publisher: namesOf(best.publisher).map(text).find(Boolean),
  }
}

function parseHtml(html: string, baseUrl?: string): JSDOM {
  let url: string | undefined
  try {
    url = baseUrl ? new URL(baseUrl).href : undefined
  } catch {
    url = undefined
  }
  // No runScripts and no resources: the page's scripts never run and nothing is fetched.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() })
}

/**
 * Body text is one paragraph per line with a blank line between paragraphs (every block element
 * ends a paragraph); a <br> inside a paragraph is a single newline.
 */
export function htmlToText(html: string, baseUrl?: string): ArticleText {
  const dom = parseHtml(html, baseUrl)
  const document = dom.window.document
  const decoder = document.createElement('textarea')
  const decode = (value: string) => {
    if (!value.includes('&')) return value
    decoder.innerHTML = value
    return decoder.value
  }
  const ld = jsonLdArticle(document, decode)

  const title =
    metaContent(document, ['meta[property="og:title"]', 'meta[name="og:title"]']) ??
    ld.headline ??
    metaContent(document, ['meta[name="twitter:title"]']) ??
    clean(document.querySelector('title')?.textContent)
  const metaAuthor = metaContent(document, ['meta[name="author"]', 'meta[property="author"]'])
  const articleAuthor = metaContent(document, ['meta[property="article:author"]'])
  const publishedAt =
    toIsoDate(metaContent(document, ['meta[property="article:published_time"]'])) ??
    toIsoDate(ld.datePublished) ??
    toIsoDate(
      metaContent(document, [
        'meta[itemprop="datePublished"]',
        'meta[name="date"]',
        'meta[name="pubdate"]',
        'meta[name="dc.date"]',
      ]),
    )
  const siteName =
    metaContent(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? ld.publisher

  // Readability rewrites the tree it reads, so it gets a copy and the fallback keeps the original.
  const copy = document.cloneNode(true) as Document
  let article: ReturnType<Readability<Node>['parse']> = null
  try {
    article = new Readability<Node>(copy, { serializer: (node) => node }).parse()
  } catch {
    article = null
  }
  let text = article?.content ? textOfNode(article.content) : ''
  if (!text) text = bodyText(document)

  const byline = clean(article?.byline)?.replace(/^by\s+/i, '')
  return {
    title: title ?? clean(article?.title),
    author:
      metaAuthor ??
      ld.author ??
      (articleAuthor && !/^https?:\/\//i.test(articleAuthor) ? articleAuthor : undefined) ??
      byline,
    publishedAt: publishedAt ?? toIsoDate(clean(article?.publishedTime)),
    siteName: siteName ?? clean(article?.siteName),
    text,
  }
}

/** Whole-page text for pages Readability cannot read; site chrome goes first if anything is left. */
function bodyText(document: Document): string {
  const body = document.body
  if (!body) return ''
  const trimmed = body.cloneNode(true) as HTMLElement
  for (const chrome of Array.from(trimmed.querySelectorAll('nav, aside, footer, form, [role="navigation"]'))) {
    chrome.remove()
  }
  return textOfNode(trimmed) || textOfNode(body)
}

/** Bytes to text: a BOM wins, then the declared charset, then a <meta charset> for HTML, then UTF-8. */
export function decodeText(bytes: Uint8Array, options: { charset?: string; sniffHtml?: boolean } = {}): string {
  let label: string | undefined
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8'
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le'
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be'
  label ??= options.charset
  if (!label && options.sniffHtml) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
    label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]
  }
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

export type UploadErrorCode = 'UNSUPPORTED_TYPE' | 'NOT_TEXT'

export class UploadError extends Error {
  readonly code: UploadErrorCode
  constructor(code: UploadErrorCode, message: string) {
    super(message)
    this.name = 'UploadError'
    this.code = code
  }
}

const UPLOAD_KINDS: Record<string, 'text' | 'markdown' | 'html'> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
}

export function textFromUpload(filename: string, content: Buffer | string): ArticleText {
  const extension = /\.([^./\\]+)$/.exec(filename.trim())?.[1]?.toLowerCase() ?? ''
  const kind = UPLOAD_KINDS[extension]
  if (!kind) throw new UploadError('UNSUPPORTED_TYPE', 'Upload a .txt, .md or .html file.')

  let raw: string
  if (typeof content === 'string') {
    raw = content
  } else {
    const utf16 = (content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)
    // A NUL byte outside UTF-16 means a binary file (PDF, Word) renamed to .txt.
    if (!utf16 && content.includes(0)) {
      throw new UploadError('NOT_TEXT', 'That file does not look like text. Upload a .txt, .md or .html file.')
    }
    raw = decodeText(content, { sniffHtml: kind === 'html' })
  }

  if (kind === 'html') return htmlToText(raw)
  if (kind === 'markdown') return markdownToText(raw)
  return { text: normaliseArticleText(raw) }
}

/**
 * Light Markdown stripping: the markup a reader never sees goes (heading marks, emphasis, link
 * syntax, quote marks, fences), while list markers and anything ambiguous such as snake_case or
 * "2 * 3" stay. A leading "# Heading" becomes the title, as a page's headline does for HTML.
 */
export function markdownToText(markdown: string): ArticleText {
  const lines = normaliseArticleText(markdown).split('\n')
  const out: string[] = []
  let inFence = false
  let title: string | undefined

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      inFence = !inFence
      continue
    }
    if (inFence) {
      out.push(line)
      continue
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      // A setext underline turns the previous line into a heading; a lone rule is just a break.
      continue
    }
    if (/^\s{0,3}=+\s*$/.test(line) && out.length && out[out.length - 1]) continue

    let text = line.replace(/^\s{0,3}(>\s?)+/, '')
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$/.exec(text)
    if (heading) text = heading[2] ?? ''
    text = stripInline(text)

    if (heading?.[1] === '#' && title === undefined && out.every((l) => !l.trim())) {
      title = clean(text)
      continue
    }
    out.push(text)
  }
  const text = normaliseArticleText(out.join('\n'))
  return title ? { title, text } : { text }
}

function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])/g, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
}
