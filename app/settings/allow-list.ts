// The URL-import allow-list: hosts and ports that the import may fetch even though they resolve to private
// addresses, such as an intranet CMS. An entry without a port allows the default port of the address's
// scheme only (80 for http://, 443 for https://). Each line is checked and put in the canonical
// form the importer compares against (lower case, punycode, bracketed IPv6). Pure: runs in the browser too.

export const MAX_ALLOW_LIST_ENTRIES = 100

export type AllowListEntry = { ok: true; entry: string } | { ok: false; reason: string }

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
const EXAMPLE = 'for example intranet.example.org or 10.0.0.5:8080'

function refuse(reason: string): AllowListEntry {
  return { ok: false, reason }
}

function canonicalHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname
  } catch {
    return null
  }
}

function portOf(text: string | undefined): string | null | undefined {
  if (text === undefined) return undefined
  if (!/^\d{1,5}$/.test(text)) return null
  const port = Number(text)
  return port >= 1 && port <= 65535 ? String(port) : null
}

/** One line of the allow-list, checked and canonicalised. */
export function parseAllowListEntry(line: string): AllowListEntry {
  const entry = line.trim()
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return refuse(`write the host only, without http:// (${EXAMPLE})`)
  if (/\s/.test(entry)) return refuse('a host name has no spaces')
  if (entry.includes('*')) return refuse('wildcards are not supported; list each host on its own line')
  if (/[/?#@\\]/.test(entry)) return refuse(`write the host only, without a path, user name or query (${EXAMPLE})`)

  // [2001:db8::1] or [2001:db8::1]:8443
  const bracketed = /^\[([^\]]*)\](?::([^:]*))?$/.exec(entry)
  // A bare IPv6 address (two or more colons); it cannot carry a port without brackets.
  const bareIpv6 = !bracketed && (entry.match(/:/g)?.length ?? 0) >= 2 ? entry : null
  if (bracketed || bareIpv6) {
    const address = bracketed ? bracketed[1]! : bareIpv6!
    const host = canonicalHost(`[${address}]`)
    if (!host) return refuse('is not a valid IPv6 address')
    const port = portOf(bracketed?.[2])
    if (port === null) return refuse('the port must be a number from 1 to 65535')
    return { ok: true, entry: port ? `${host}:${port}` : host }
  }

  const colon = entry.lastIndexOf(':')
  const hostPart = colon >= 0 ? entry.slice(0, colon) : entry
  const port = portOf(colon >= 0 ? entry.slice(colon + 1) : undefined)
  if (port === null) return refuse('the port must be a number from 1 to 65535')
  if (!hostPart) return refuse(`is missing the host name (${EXAMPLE})`)
  // The URL parser turns international names into punycode and odd IPv4 forms (127.1) into dotted quads.
  const host = canonicalHost(hostPart.replace(/\.$/, ''))
  if (!host || host.length > 253 || !host.split('.').every((label) => LABEL.test(label))) {
    return refuse(`is not a host name or IP address (${EXAMPLE})`)
  }
  return { ok: true, entry: port ? `${host}:${port}` : host }
}

export type AllowListParse = { entries: string[]; errors: string[] }

/** Every line checked; blank lines skipped, repeats dropped. Errors name the line a person typed. */
export function parseAllowList(text: string): AllowListParse {
  const entries: string[] = []
  const errors: string[] = []
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((line, index) => {
    if (!line.trim()) return
    const result = parseAllowListEntry(line)
    if (!result.ok) {
      const shown = line.trim().length > 60 ? `${line.trim().slice(0, 57)}…` : line.trim()
      errors.push(`Line ${index + 1}, “${shown}”: ${result.reason}.`)
    } else if (!entries.includes(result.entry)) {
      entries.push(result.entry)
    }
  })
  if (entries.length > MAX_ALLOW_LIST_ENTRIES) {
    errors.push(`List at most ${MAX_ALLOW_LIST_ENTRIES} hosts; this list has ${entries.length}.`)
  }
  return { entries, errors }
}
