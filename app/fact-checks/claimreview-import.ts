// Reads other fact-checkers' ClaimReview JSON-LD (schema.org, as Google Fact Check Tools and every
// publisher's pages carry it) into plain reviews. All or nothing: one unreadable review refuses the whole
// file, naming it, so an import never half-happens. Pure; every walk and field is bounded.

import { hostOf } from '~/utils/host-of'

export type ImportedReview = {
  url: string
  publisher: string
  publisherUrl: string | null
  claimReviewed: string
  claimant: string
  claimDate: Date | null
  rating: string
  ratingValue: number | null
  bestRating: number | null
  worstRating: number | null
  datePublished: Date | null
}

export type ClaimReviewRead = { ok: true; reviews: ImportedReview[] } | { ok: false; message: string }

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
export const MAX_REVIEWS = 500
/** JSON-LD nodes visited at most, so a deep or wide document cannot hold the server. */
const MAX_NODES = 50_000
const MAX_DEPTH = 12
const MAX_SCRIPTS = 50
const LIMITS = { url: 2_000, publisher: 200, claimReviewed: 2_000, claimant: 300, rating: 200 } as const

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Node = { [key: string]: Json }

function isNode(value: Json | undefined): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typesOf(node: Node): string[] {
  const type = node['@type']
  const list = Array.isArray(type) ? type : [type]
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^.*[/:#]/, ''))
}

function first(value: Json | undefined): Json | undefined {
  return Array.isArray(value) ? value[0] : value
}

function text(value: Json | undefined): string {
  const item = first(value)
  if (typeof item === 'string') return item.replace(/\s+/g, ' ').trim()
  if (typeof item === 'number') return String(item)
  return ''
}

/** A person's or organisation's name, whether given as a string or as a node. */
function nameOf(value: Json | undefined): string {
  const item = first(value)
  if (isNode(item)) return text(item.name) || text(item.alternateName)
  return text(item)
}

function numberOf(value: Json | undefined): number | null {
  const item = first(value)
  const number = typeof item === 'number' ? item : typeof item === 'string' && item.trim() ? Number(item) : NaN
  return Number.isFinite(number) ? number : null
}

function dateOf(value: Json | undefined): Date | null {
  const raw = text(value)
  if (!raw) return null
  const date = new Date(raw)
  const year = date.getUTCFullYear()
  return Number.isNaN(date.getTime()) || year < 1900 || year > 2200 ? null : date
}

function webAddress(raw: string): string | null {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Every ClaimReview node in the document, in order, within the walk's bounds. */
function collectReviews(root: Json): { reviews: Node[]; tooBig: boolean } {
  const reviews: Node[] = []
  let visited = 0
  const stack: { value: Json; depth: number }[] = [{ value: root, depth: 0 }]
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!
    if (++visited > MAX_NODES || reviews.length > MAX_REVIEWS) return { reviews, tooBig: true }
    if (depth > MAX_DEPTH) continue
    const children: Json[] = Array.isArray(value) ? value : isNode(value) ? Object.values(value) : []
    if (isNode(value) && typesOf(value).includes('ClaimReview')) {
      reviews.push(value)
      continue
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      stack.push({ value: children[index] as Json, depth: depth + 1 })
    }
  }
  return { reviews, tooBig: reviews.length > MAX_REVIEWS }
}

function readReview(node: Node, position: string): ImportedReview | string {
  const url = webAddress(text(node.url))
  if (!url) return `${position} has no web address (url) of its own.`
  const claimReviewed = text(node.claimReviewed) || nameOf(first(node.itemReviewed))
  if (!claimReviewed) return `${position} (${url}) does not say which claim it reviews (claimReviewed).`
  const rating = first(node.reviewRating)
  const ratingNode = isNode(rating) ? rating : {}
  const ratingValue = numberOf(ratingNode.ratingValue)
  const bestRating = numberOf(ratingNode.bestRating)
  const ratingText =
    text(ratingNode.alternateName) ||
    text(ratingNode.name) ||
    (ratingValue !== null ? `${ratingValue}${bestRating !== null ? ` of ${bestRating}` : ''}` : '')
  if (!ratingText) return `${position} (${url}) has no rating (reviewRating with alternateName).`
  const author = first(node.author)
  const publisher = nameOf(author) || nameOf(node.publisher) || hostOf(url)
  const publisherUrl = isNode(author) ? webAddress(text(author.url)) : null
  const item = first(node.itemReviewed)
  const claim = isNode(item) ? item : {}
  for (const [field, value] of [
    ['url', url],
    ['claimReviewed', claimReviewed],
    ['rating', ratingText],
    ['publisher', publisher],
  ] as const) {
    if (value.length > LIMITS[field]) {
      return `${position} (${url.slice(0, 100)}) has a ${field} longer than ${LIMITS[field]} characters.`
    }
  }
  return {
    url,
    publisher,
    publisherUrl: publisherUrl && publisherUrl.length <= LIMITS.url ? publisherUrl : null,
    claimReviewed,
    claimant: nameOf(claim.author).slice(0, LIMITS.claimant),
    claimDate: dateOf(claim.datePublished),
    rating: ratingText,
    ratingValue,
    bestRating,
    worstRating: numberOf(ratingNode.worstRating),
    datePublished: dateOf(node.datePublished),
  }
}

/** The JSON-LD blocks of an HTML page: the fact-check's own page carries its ClaimReview there. */
export function jsonLdScripts(html: string): string[] {
  const blocks: string[] = []
  const pattern = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi
  for (const match of html.matchAll(pattern)) {
    if (blocks.length >= MAX_SCRIPTS) break
    blocks.push(match[1] ?? '')
  }
  return blocks
}

const ordinal = (index: number) => `The ${index + 1}${['st', 'nd', 'rd'][index] ?? 'th'} review`

/** Reads a ClaimReview document: JSON (one review, a list, a @graph, a DataFeed) or an HTML page. */
export function readClaimReviews(input: string): ClaimReviewRead {
  if (input.length > MAX_IMPORT_BYTES) {
    return { ok: false, message: `That file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` }
  }
  const trimmed = input.replace(/^\uFEFF/, '').trim()
  if (!trimmed) return { ok: false, message: 'That file is empty.' }
  const isHtml = trimmed.startsWith('<')
  const sources = isHtml ? jsonLdScripts(trimmed) : [trimmed]
  if (isHtml && sources.length === 0) {
    return { ok: false, message: 'That page carries no JSON-LD, so it has no ClaimReview to import.' }
  }
  const documents: Json[] = []
  for (const source of sources) {
    try {
      documents.push(JSON.parse(source) as Json)
    } catch (error) {
      const detail = error instanceof SyntaxError ? ` (${error.message.slice(0, 120)})` : ''
      return { ok: false, message: `That is not valid JSON-LD${detail}. Nothing was imported.` }
    }
  }
  const { reviews: nodes, tooBig } = collectReviews(documents)
  if (tooBig) {
    return { ok: false, message: `That file holds too much: at most ${MAX_REVIEWS} reviews are imported at once.` }
  }
  if (nodes.length === 0) {
    return { ok: false, message: 'No ClaimReview was found in it (an object with "@type": "ClaimReview").' }
  }
  const byUrl = new Map<string, ImportedReview>()
  for (const [index, node] of nodes.entries()) {
    const review = readReview(node, ordinal(index))
    if (typeof review === 'string') return { ok: false, message: `${review} Nothing was imported.` }
    // The same review twice in one file: the later one is what the publisher says now.
    byUrl.set(review.url, review)
  }
  return { ok: true, reviews: [...byUrl.values()] }
}
