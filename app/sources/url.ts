// One web page, one Source: the same article pasted with a tracking tag, a fragment or an upper-case
// host must land on the same row, so every source URL goes through normaliseSourceUrl before it is stored.

export type NormalisedUrl = { ok: true; url: string } | { ok: false; message: string }

export const MAX_SOURCE_URL_LENGTH = 2_048

// Parameters that only say how the reader arrived (campaigns, ad clicks, share buttons), never which page it is.
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  'yclid',
  'msclkid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'spm',
  'scm',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  's_cid',
])
const TRACKING_PREFIXES = ['utm_', 'pk_campaign', 'pk_kwd', 'pk_source', 'pk_medium']

export function isTrackingParameter(name: string): boolean {
  const key = name.toLowerCase()
  return TRACKING_PARAMETERS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix))
}

function decodedKey(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? ''
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return raw
  }
}

/**
 * The canonical form of a source's address: scheme and host in lower case (punycode for
 * international names), no default port, no fragment, no tracking parameters, no empty `&&` pieces,
 * and no slash after a bare host. The path and the remaining parameters keep their case, encoding
 * and order, because servers may treat them as different pages. Parameters without a value (`?print`)
 * are kept for the same reason. Only http and https addresses are accepted.
 */
export function normaliseSourceUrl(input: string): NormalisedUrl {
  const text = input.trim()
  if (text === '') return { ok: false, message: 'Enter the address of the source, starting with https://.' }
  if (text.length > MAX_SOURCE_URL_LENGTH) {
    return {
      ok: false,
      message: `That address is longer than ${MAX_SOURCE_URL_LENGTH.toLocaleString('en')} characters.`,
    }
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return {
      ok: false,
      message: 'That is not a web address. Copy it from the browser’s address bar, starting with https://.',
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'Only web pages (http:// or https:// addresses) can be sources.' }
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Remove the user name and password from the address before saving it.' }
  }
  // "example.org." and "example.org" are the same host.
  const host = url.hostname.replace(/\.$/, '')
  if (host === '') return { ok: false, message: 'That address has no host name.' }

  const query = url.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      const key = decodedKey(pair)
      return key !== '' && !isTrackingParameter(key)
    })
    .join('&')

  // The URL parser has already lower-cased the scheme and host, applied punycode and dropped :80/:443.
  const port = url.port ? `:${url.port}` : ''
  const path = url.pathname === '/' ? '' : url.pathname
  return { ok: true, url: `${url.protocol}//${host}${port}${path}${query ? `?${query}` : ''}` }
}

/** Whether a second address (an archive copy) is a web address worth linking to. Kept as typed. */
export function checkWebAddress(input: string): NormalisedUrl {
  const text = input.trim()
  if (text.length > MAX_SOURCE_URL_LENGTH) {
    return {
      ok: false,
      message: `That address is longer than ${MAX_SOURCE_URL_LENGTH.toLocaleString('en')} characters.`,
    }
  }
  try {
    const url = new URL(text)
    if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, url: url.toString() }
  } catch {
    // fall through
  }
  return { ok: false, message: 'Enter the full address of the archived copy, starting with https://.' }
}
