// Imports an article from a URL a reporter typed, without letting that URL reach the desk's own
// network (SSRF): every hop is vetted, and the socket connects to exactly the address that was vetted.
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { pipeline, type Readable } from 'node:stream'
import zlib from 'node:zlib'
import ipaddr from 'ipaddr.js'
import { decodeText, htmlToText, normaliseArticleText, type ArticleText } from './text.ts'

export type UrlImportErrorCode =
  | 'INVALID_URL'
  | 'UNSUPPORTED_PROTOCOL'
  | 'BLOCKED_ADDRESS'
  | 'HOST_NOT_FOUND'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT'
  | 'HTTP_STATUS'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'NETWORK'
  | 'NO_TEXT'

export class UrlImportError extends Error {
  readonly code: UrlImportErrorCode
  /** The HTTP status the site answered with, for `HTTP_STATUS`. */
  readonly status?: number
  constructor(code: UrlImportErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'UrlImportError'
    this.code = code
    this.status = options.status
  }
}

export type ResolvedAddress = { address: string; family: number }
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>

export type FetchArticleOptions = {
  /** Host names or IPs, with a port ('127.0.0.1:4567') or without one (the scheme's default port only), that skip the address check. */
  allowList: string[]
  /** For the whole import, redirects and body included. */
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  /** Replaces DNS; tests use it to make a name resolve to a chosen address. */
  lookup?: HostLookup
  userAgent?: string
}

export type FetchedArticle = ArticleText & { finalUrl: string }

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024
const DEFAULT_MAX_REDIRECTS = 5
const ACCEPTED_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain'])
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

const BLOCKED_MESSAGE = 'That address points to a private or local network and cannot be imported.'

// Names that reach cloud metadata services or the local network without any public DNS record.
const BLOCKED_NAMES = new Set(['localhost', 'metadata', 'metadata.goog', 'instance-data', 'kubernetes'])
const BLOCKED_SUFFIXES = [
  '.localhost',
  '.local',
  '.localdomain',
  '.internal',
  '.intranet',
  '.lan',
  '.home',
  '.corp',
  '.home.arpa',
  '.goog',
]

const defaultLookup: HostLookup = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family,
  }))

function embeddedIPv4(parts: number[], high: number, low: number): string {
  const a = parts[high] ?? 0
  const b = parts[low] ?? 0
  return `${a >> 8}.${a & 0xff}.${b >> 8}.${b & 0xff}`
}

/**
 * Only ordinary public unicast addresses pass. IPv6 forms that carry an IPv4 address
 * (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address inside them.
 */
export function isPublicAddress(address: string): boolean {
  let ip: ipaddr.IPv4 | ipaddr.IPv6
  try {
    ip = ipaddr.parse(address)
  } catch {
    return false
  }
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast'

  const v6 = ip as ipaddr.IPv6
  const parts = v6.parts
  if (parts.slice(0, 5).every((part) => part === 0) && (parts[5] === 0 || parts[5] === 0xffff)) {
    return isPublicAddress(embeddedIPv4(parts, 6, 7))
  }
  const range = v6.range()
  if (range === 'rfc6145') return isPublicAddress(embeddedIPv4(parts, 6, 7))
  if (range === 'rfc6052' && v6.match(ipaddr.IPv6.parseCIDR('64:ff9b::/96'))) {
    return isPublicAddress(embeddedIPv4(parts, 6, 7))
  }
  if (range === '6to4') return isPublicAddress(embeddedIPv4(parts, 1, 2))
  return range === 'unicast'
}

function isBlockedName(host: string): boolean {
  // A single-label name is resolved through the server's search domains, i.e. the intranet.
  if (!host.includes('.')) return true
  return BLOCKED_NAMES.has(host) || BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix))
}

function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase()
}

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80')
}

type AllowRule = { host: string; port?: string }

function parseAllowList(entries: string[]): AllowRule[] {
  const rules: AllowRule[] = []
  for (const raw of entries) {
    let entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (net.isIPv6(entry)) entry = `[${entry}]`
    const port = /^(?:\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry)?.[1]
    try {
      // Going through the URL parser puts entries in the same canonical form as the URL's host.
      rules.push({ host: hostOf(new URL(`http://${entry}`)), port })
    } catch {
      // An entry that is not a host cannot match anything.
    }
  }
  return rules
}

// An entry without a port allows the scheme's default port only (80 for http, 443 for https), so
// listing a host does not open its other services to the import.
function isAllowListed(url: URL, rules: AllowRule[]): boolean {
  const host = hostOf(url)
  const port = portOf(url)
  return rules.some((rule) => rule.host === host && (rule.port === undefined ? url.port === '' : rule.port === port))
}

function parseTarget(raw: string | URL, base?: URL): URL {
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    throw new UrlImportError(
      base ? 'BAD_REDIRECT' : 'INVALID_URL',
      base
        ? 'The page redirected to an address that cannot be read.'
        : 'That does not look like a web address. Check it and try again.',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UrlImportError('UNSUPPORTED_PROTOCOL', 'Only http:// and https:// addresses can be imported.')
  }
  if (url.username || url.password) {
    throw new UrlImportError('INVALID_URL', 'Remove the user name and password from the address and try again.')
  }
  return url
}

/** The addresses this hop may connect to; refuses before any packet leaves for the host. */
async function vetTarget(url: URL, rules: AllowRule[], lookup: HostLookup): Promise<ResolvedAddress[]> {
  const host = hostOf(url)
  const allowed = isAllowListed(url, rules)
  const literalFamily = net.isIP(host)
  if (literalFamily) {
    if (!allowed && !isPublicAddress(host)) throw new UrlImportError('BLOCKED_ADDRESS', BLOCKED_MESSAGE)
    return [{ address: host, family: literalFamily }]
  }
  if (!allowed && isBlockedName(host)) throw new UrlImportError('BLOCKED_ADDRESS', BLOCKED_MESSAGE)

  let addresses: ResolvedAddress[]
  try {
    addresses = await lookup(host)
  } catch (error) {
    throw new UrlImportError('HOST_NOT_FOUND', 'We could not find that website. Check the address.', {
      cause: error,
    })
  }
  if (addresses.length === 0) {
    throw new UrlImportError('HOST_NOT_FOUND', 'We could not find that website. Check the address.')
  }
  // One private answer is enough to refuse: the connection could be steered to any of them.
  if (!allowed && addresses.some(({ address }) => !isPublicAddress(address))) {
    throw new UrlImportError('BLOCKED_ADDRESS', BLOCKED_MESSAGE)
  }
  return addresses
}

/** A resolver that can only answer with the vetted addresses, so DNS cannot change between check and connect. */
function pinnedLookup(addresses: ResolvedAddress[]): net.LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family
    const usable = addresses.filter(({ family }) => !wanted || family === wanted)
    const first = usable[0]
    if (!first) {
      callback(Object.assign(new Error('No vetted address for this family'), { code: 'ENOTFOUND' }), '', 0)
    } else if (options.all) {
      callback(null, usable)
    } else {
      callback(null, first.address, first.family)
    }
  }
}

/** A vetted target: the parsed address, and a resolver for the socket that can only answer with the vetted addresses. */
export type VettedAddress = { url: URL; addresses: ResolvedAddress[]; lookup: net.LookupFunction }

/**
 * The address check of the import on its own, for other outgoing requests (webhooks): refuses private and
 * local targets unless allow-listed, and pins the connection to the addresses that were checked.
 */
export async function vetAddress(
  raw: string,
  options: Pick<FetchArticleOptions, 'allowList' | 'lookup'>,
): Promise<VettedAddress> {
  const url = parseTarget(raw)
  const addresses = await vetTarget(url, parseAllowList(options.allowList), options.lookup ?? defaultLookup)
  return { url, addresses, lookup: pinnedLookup(addresses) }
}

function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ]
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`
  }
  return `${bytes} bytes`
}

function statusError(status: number): UrlImportError {
  const message =
    status === 404 || status === 410
      ? `The site says that page does not exist (${status}).`
      : status === 401 || status === 403
        ? `The site refused to show that page (${status}).`
        : status === 429
          ? 'The site is refusing requests for now (429). Try again later.'
          : `The site answered with an error (${status}).`
  return new UrlImportError('HTTP_STATUS', message, { status })
}

type Deadline = { signal: AbortSignal; timedOut: () => boolean }

function timeoutError(cause?: unknown): UrlImportError {
  return new UrlImportError('TIMEOUT', 'The page took too long to answer.', { cause })
}

// Refused, reset, timed out or not speaking HTTP: until a response arrives every failure reads the same,
// so the import cannot be used to learn which ports of an allowed host are open.
const UNREACHABLE_MESSAGE =
  'The site could not be reached or did not answer in time. Check the address, or try again later.'

function unreachableError(cause?: unknown): UrlImportError {
  return new UrlImportError('NETWORK', UNREACHABLE_MESSAGE, { cause })
}

function request(
  url: URL,
  addresses: ResolvedAddress[],
  deadline: Deadline,
  userAgent: string,
  accept: string,
): Promise<http.IncomingMessage> {
  const host = hostOf(url)
  const isTls = url.protocol === 'https:'
  const transport = isTls ? https : http
  const requestOptions: https.RequestOptions = {
    protocol: url.protocol,
    hostname: host,
    port: portOf(url),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: {
      host: url.host,
      'user-agent': userAgent,
      accept,
      'accept-encoding': 'gzip, deflate, br',
    },
    lookup: pinnedLookup(addresses),
    ...(isTls && !net.isIP(host) ? { servername: host } : {}),
    // No pooled sockets: a kept-alive socket could outlive the check that allowed it.
    agent: false,
    signal: deadline.signal,
  }
  return new Promise((resolve, reject) => {
    let req: http.ClientRequest
    try {
      req = transport.request(requestOptions)
    } catch (error) {
      reject(unreachableError(error))
      return
    }
    req.once('response', resolve)
    // `on`, not `once`: a second error after the response (an abort mid-body) must not go unhandled.
    req.on('error', (error) => reject(unreachableError(error)))
    req.end()
  })
}

async function readBody(response: http.IncomingMessage, maxBytes: number, deadline: Deadline): Promise<Buffer> {
  const tooLarge = () => new UrlImportError('TOO_LARGE', `The page is larger than ${formatSize(maxBytes)}.`)
  const encoding = String(response.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase()
  const declared = Number(response.headers['content-length'])
  if ((encoding === 'identity' || encoding === '') && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy()
    throw tooLarge()
  }

  let body: Readable = response
  const decompressor =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined
  if (decompressor) {
    // Errors travel both ways through the pipeline, so an abort or bad gzip ends the loop below.
    body = pipeline(response, decompressor, () => {})
  } else if (encoding !== 'identity' && encoding !== '') {
    response.destroy()
    throw new UrlImportError('NETWORK', 'The page could not be read.')
  }

  // Counted after decompression, so a small compressed bomb is stopped too.
  const chunks: Buffer[] = []
  let received = 0
  try {
    for await (const chunk of body) {
      const buffer = chunk as Buffer
      received += buffer.length
      if (received > maxBytes) {
        body.destroy()
        response.destroy()
        throw tooLarge()
      }
      chunks.push(buffer)
    }
  } catch (error) {
    if (error instanceof UrlImportError) throw error
    if (deadline.timedOut()) throw timeoutError(error)
    throw new UrlImportError('NETWORK', 'The page could not be read.', { cause: error })
  }
  if (deadline.timedOut()) throw timeoutError()
  return Buffer.concat(chunks)
}

function withDeadline<T>(promise: Promise<T>, deadline: Deadline): Promise<T> {
  if (deadline.signal.aborted) return Promise.reject(timeoutError())
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(timeoutError())
    deadline.signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => deadline.signal.removeEventListener('abort', onAbort))
  })
}

/** What a vetted fetch brings back: the body as bytes, with what the site said it is. */
export type FetchedPage = { bytes: Buffer; mediaType: string; charset: string | undefined; finalUrl: string }

/** The kinds of answer a fetch takes, and the Accept header that asks for them. */
export type AcceptedContent = { types: ReadonlySet<string>; accept: string; refusal: string }

const ARTICLE_CONTENT: AcceptedContent = {
  types: ACCEPTED_TYPES,
  accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
  refusal: 'The page is not HTML or plain text.',
}

/** Fetches a page with every hop vetted as for article import; other imports (ClaimReview) share it. */
export async function fetchVettedPage(
  url: string,
  options: FetchArticleOptions,
  content: AcceptedContent,
): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const lookup = options.lookup ?? defaultLookup
  const userAgent = options.userAgent ?? 'Factdesk/1.0 (article import for fact-checking)'
  const rules = parseAllowList(options.allowList)

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const deadline: Deadline = { signal: controller.signal, timedOut: () => timedOut }

  try {
    let current = parseTarget(url)
    for (let redirects = 0; ; redirects++) {
      const addresses = await withDeadline(vetTarget(current, rules, lookup), deadline)
      const response = await request(current, addresses, deadline, userAgent, content.accept)
      const status = response.statusCode ?? 0

      if (REDIRECT_STATUSES.has(status)) {
        response.destroy()
        if (redirects >= maxRedirects) {
          throw new UrlImportError('TOO_MANY_REDIRECTS', 'The page redirected too many times.')
        }
        const location = response.headers.location
        if (!location)
          throw new UrlImportError('BAD_REDIRECT', 'The page redirected to an address that cannot be read.')
        current = parseTarget(location, current)
        continue
      }
      if (status < 200 || status >= 300) {
        response.destroy()
        throw statusError(status)
      }

      const contentType = String(response.headers['content-type'] ?? '')
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
      if (!content.types.has(mediaType)) {
        response.destroy()
        throw new UrlImportError('UNSUPPORTED_CONTENT_TYPE', content.refusal)
      }
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]
      const bytes = await readBody(response, maxBytes, deadline)
      return { bytes, mediaType, charset, finalUrl: current.href }
    }
  } finally {
    clearTimeout(timer)
  }
}

export async function fetchArticleFromUrl(url: string, options: FetchArticleOptions): Promise<FetchedArticle> {
  const { bytes, mediaType, charset, finalUrl } = await fetchVettedPage(url, options, ARTICLE_CONTENT)
  const isHtml = mediaType !== 'text/plain'
  const decoded = decodeText(bytes, { charset, sniffHtml: isHtml })
  const article = isHtml ? htmlToText(decoded, finalUrl) : { text: normaliseArticleText(decoded) }
  if (!article.text) {
    throw new UrlImportError('NO_TEXT', 'We could not find any article text on that page.')
  }
  return { ...article, finalUrl }
}
