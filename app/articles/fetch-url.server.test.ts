import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import {
  fetchArticleFromUrl,
  isPublicAddress,
  UrlImportError,
  type FetchArticleOptions,
  type HostLookup,
} from './fetch-url.server.ts'

const articleHtml = `<!doctype html>
<html><head>
<title>Swap talks | The Daily</title>
<meta property="og:title" content="Ukraine seeks release of 1,200 prisoners">
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2024-12-01T10:30:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Other","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2024-12-01"}</script>
<script>window.tracker = "SCRIPT-LEAK"</script>
<style>.STYLE-LEAK { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAV-LEAK World</a></li></ul></nav>
<article>
<h1>Ukraine seeks release of 1,200 prisoners</h1>
<p>Kyiv: Ukraine has launched an urgent diplomatic effort to secure the release of 1,200 Ukrainian
prisoners currently held in Russia, signalling one of the largest proposed exchanges since the war began.</p>
<p>President Volodymyr Zelenskiy, in a late-night address, said the government is pushing “on all fronts”
to revive stalled negotiations and bring home soldiers and civilians.</p>
<p>Rustem Umerov has been leading international discussions, having recently held talks in Turkey and
the United Arab Emirates, both of which have facilitated exchanges before.</p>
</article>
<footer>FOOTER-LEAK</footer>
</body></html>`

const pendingTimers = new Set<NodeJS.Timeout>()
let requestsSeen: string[] = []

function later(ms: number, fn: () => void) {
  const timer = setTimeout(() => {
    pendingTimers.delete(timer)
    fn()
  }, ms)
  pendingTimers.add(timer)
}

const server = http.createServer((req, res) => {
  const path = req.url ?? '/'
  requestsSeen.push(path)
  const redirect = /^\/redirect\/(\d+)$/.exec(path)
  if (redirect) {
    const left = Number(redirect[1])
    // Relative and absolute Location headers both occur in the wild.
    const next = left > 1 ? `/redirect/${left - 1}` : `http://127.0.0.1:${port}/article`
    res.writeHead(left % 2 ? 302 : 301, { location: next }).end()
    return
  }
  switch (path) {
    case '/article':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml)
      return
    case '/to-metadata':
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end()
      return
    case '/to-ftp':
      res.writeHead(302, { location: 'ftp://127.0.0.1/file.txt' }).end()
      return
    case '/slow':
      later(3_000, () => res.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml))
      return
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<html><body><p>Start of a page that never finishes')
      later(3_000, () => res.end('</p></body></html>'))
      return
    case '/huge': {
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = `<p>${'Lorem ipsum dolor sit amet. '.repeat(500)}</p>\n`
      let sent = 0
      const pump = () => {
        while (sent < 2_000_000 && !res.destroyed) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      pump()
      return
    }
    case '/declared-huge':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) })
      res.write('<p>partial</p>')
      return
    case '/gzip':
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
        .end(zlib.gzipSync(articleHtml))
      return
    case '/gzip-bomb':
      res
        .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        .end(zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 'a')))
      return
    case '/report.pdf':
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7 binary')
      return
    case '/no-type':
      res.writeHead(200).end('<p>hello</p>')
      return
    case '/plain':
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Line one.  \r\n\r\n\r\n\r\nLine two.\r\n')
      return
    case '/latin1':
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' })
        .end(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x70, 0x72, 0x69, 0x63, 0x65, 0x73, 0x2e]))
      return
    case '/host':
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`Host header was ${req.headers.host}.`)
      return
    case '/empty':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body></body></html>')
      return
    default:
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>')
  }
})

let port = 0
let base = ''

/** The test server's host and port on the allow-list. */
let local: FetchArticleOptions = { allowList: [] }

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
  local = { allowList: [`127.0.0.1:${port}`] }
})

beforeEach(() => {
  requestsSeen = []
})

afterAll(async () => {
  for (const timer of pendingTimers) clearTimeout(timer)
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** A resolver that must not be reached: the guard is expected to refuse before any lookup. */
const noLookup: HostLookup = async (host) => {
  throw new Error(`DNS lookup for ${host} should not have happened`)
}

const UNREACHABLE = 'The site could not be reached or did not answer in time. Check the address, or try again later.'

async function importError(url: string, options: FetchArticleOptions): Promise<UrlImportError> {
  try {
    await fetchArticleFromUrl(url, options)
  } catch (error) {
    if (error instanceof UrlImportError) return error
    throw error
  }
  throw new Error(`Expected ${url} to be refused`)
}

describe('fetchArticleFromUrl from an allow-listed server', () => {
  it('extracts title, author, date, site name and the article text', async () => {
    const article = await fetchArticleFromUrl(`${base}/article`, local)
    expect(article).toMatchObject({
      finalUrl: `${base}/article`,
      title: 'Ukraine seeks release of 1,200 prisoners',
      author: 'Jane Doe',
      publishedAt: '2024-12-01T10:30:00.000Z',
      siteName: 'The Daily',
    })
    expect(article.text.split('\n\n')).toHaveLength(3)
    expect(article.text).toMatch(/^Kyiv: Ukraine has launched/)
    expect(article.text).toContain('pushing “on all fronts” to revive')
  })

  it('keeps navigation, scripts, styles and footers out of the text', async () => {
    const { text } = await fetchArticleFromUrl(`${base}/article`, local)
    expect(text).not.toMatch(/LEAK|tracker|Home/)
  })

  it('follows a chain of redirects and reports where it ended', async () => {
    const article = await fetchArticleFromUrl(`${base}/redirect/5`, local)
    expect(article.finalUrl).toBe(`${base}/article`)
    expect(article.title).toBe('Ukraine seeks release of 1,200 prisoners')
  })

  it('gives up after five redirects', async () => {
    const error = await importError(`${base}/redirect/6`, local)
    expect(error.code).toBe('TOO_MANY_REDIRECTS')
    expect(error.message).toBe('The page redirected too many times.')
  })

  it('refuses a redirect to the cloud metadata address even though the first host was allowed', async () => {
    const error = await importError(`${base}/to-metadata`, local)
    expect(error.code).toBe('BLOCKED_ADDRESS')
    expect(error.message).toBe('That address points to a private or local network and cannot be imported.')
  })

  it('refuses a redirect to a protocol other than http and https', async () => {
    expect((await importError(`${base}/to-ftp`, local)).code).toBe('UNSUPPORTED_PROTOCOL')
  })

  it('stops waiting for a page that does not answer in time, with the message a closed port gets', async () => {
    const error = await importError(`${base}/slow`, { ...local, timeoutMs: 200 })
    expect(error.code).toBe('NETWORK')
    expect(error.message).toBe(UNREACHABLE)
  })

  it('stops waiting for a page whose body never finishes', async () => {
    const error = await importError(`${base}/slow-body`, { ...local, timeoutMs: 300 })
    expect(error.code).toBe('TIMEOUT')
  })

  it('stops reading a page larger than the limit while it streams', async () => {
    const error = await importError(`${base}/huge`, { ...local, maxBytes: 100 * 1024 })
    expect(error.code).toBe('TOO_LARGE')
    expect(error.message).toBe('The page is larger than 100 KB.')
  })

  it('refuses a page whose declared length is over the limit without reading it', async () => {
    const error = await importError(`${base}/declared-huge`, { ...local, timeoutMs: 2_000 })
    expect(error.code).toBe('TOO_LARGE')
    expect(error.message).toBe('The page is larger than 5 MB.')
  })

  it('counts the decompressed size, so a small gzip bomb is stopped', async () => {
    const error = await importError(`${base}/gzip-bomb`, { ...local, maxBytes: 1024 * 1024 })
    expect(error.code).toBe('TOO_LARGE')
  })

  it('reads gzip-compressed pages', async () => {
    const article = await fetchArticleFromUrl(`${base}/gzip`, local)
    expect(article.author).toBe('Jane Doe')
  })

  it('refuses a PDF', async () => {
    const error = await importError(`${base}/report.pdf`, local)
    expect(error.code).toBe('UNSUPPORTED_CONTENT_TYPE')
    expect(error.message).toBe('The page is not HTML or plain text.')
  })

  it('refuses a response without a content type', async () => {
    expect((await importError(`${base}/no-type`, local)).code).toBe('UNSUPPORTED_CONTENT_TYPE')
  })

  it('imports plain text, normalised like a pasted article', async () => {
    const article = await fetchArticleFromUrl(`${base}/plain`, local)
    expect(article).toEqual({ finalUrl: `${base}/plain`, text: 'Line one.\n\nLine two.' })
  })

  it('decodes the charset the server declares', async () => {
    expect((await fetchArticleFromUrl(`${base}/latin1`, local)).text).toBe('Café prices.')
  })

  it('says when the site answers with an error status', async () => {
    const error = await importError(`${base}/missing`, local)
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 404 })
    expect(error.message).toBe('The site says that page does not exist (404).')
  })

  it('says when a page has no text to import', async () => {
    expect((await importError(`${base}/empty`, local)).code).toBe('NO_TEXT')
  })

  it('honours a port in the allow-list entry', async () => {
    await expect(fetchArticleFromUrl(`${base}/plain`, { allowList: [`127.0.0.1:${port}`] })).resolves.toMatchObject({
      text: 'Line one.\n\nLine two.',
    })
    const error = await importError(`${base}/plain`, { allowList: [`127.0.0.1:${port === 1 ? 2 : 1}`] })
    expect(error.code).toBe('BLOCKED_ADDRESS')
    expect(requestsSeen).toEqual(['/plain'])
  })

  it('takes an entry without a port to mean the default port of the scheme only', async () => {
    const error = await importError(`${base}/plain`, { allowList: ['127.0.0.1'] })
    expect(error.code).toBe('BLOCKED_ADDRESS')
    expect(requestsSeen).toEqual([])
    const lookup: HostLookup = async () => [{ address: '127.0.0.1', family: 4 }]
    for (const url of ['http://cms.example.test/a', 'https://cms.example.test/a', 'http://cms.example.test:80/a']) {
      // Allowed, so it connects: port 80/443 on this machine is closed (or not this server), which is not a refusal.
      expect((await importError(url, { allowList: ['cms.example.test'], lookup, timeoutMs: 1_000 })).code).not.toBe(
        'BLOCKED_ADDRESS',
      )
    }
    for (const url of [
      'http://cms.example.test:8080/a',
      'https://cms.example.test:80/a',
      'http://cms.example.test:443/a',
    ]) {
      expect((await importError(url, { allowList: ['cms.example.test'], lookup })).code).toBe('BLOCKED_ADDRESS')
    }
  })

  it('gives one message for a refused, a reset, a silent and a non-HTTP port, so ports cannot be probed', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo
        probe.close(() => resolve(free))
      })
    })
    const sockets = new Set<net.Socket>()
    const listen = async (onConnection: (socket: net.Socket) => void) => {
      const server = net.createServer((socket) => {
        sockets.add(socket)
        onConnection(socket)
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return server
    }
    const reset = await listen((socket) => socket.once('data', () => socket.resetAndDestroy()))
    const silent = await listen(() => {})
    const notHttp = await listen((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'))
    try {
      const ports = [closedPort, ...[reset, silent, notHttp].map((server) => (server.address() as AddressInfo).port)]
      for (const target of ports) {
        const error = await importError(`http://127.0.0.1:${target}/`, {
          allowList: [`127.0.0.1:${target}`],
          timeoutMs: 500,
        })
        expect({ target, code: error.code, message: error.message }).toEqual({
          target,
          code: 'NETWORK',
          message: UNREACHABLE,
        })
      }
    } finally {
      for (const socket of sockets) socket.destroy()
      for (const server of [reset, silent, notHttp]) server.close()
    }
  })

  it('connects to the address it checked while keeping the host name in the request', async () => {
    const lookups: string[] = []
    const lookup: HostLookup = async (host) => {
      lookups.push(host)
      return [{ address: '127.0.0.1', family: 4 }]
    }
    const article = await fetchArticleFromUrl(`http://news.example.test:${port}/host`, {
      allowList: [`news.example.test:${port}`],
      lookup,
    })
    expect(article.text).toBe(`Host header was news.example.test:${port}.`)
    expect(lookups).toEqual(['news.example.test'])
  })
})

describe('fetchArticleFromUrl refuses private and local addresses before connecting', () => {
  it('refuses the test server itself without the allow-list', async () => {
    const error = await importError(`${base}/article`, { allowList: [], lookup: noLookup })
    expect(error.code).toBe('BLOCKED_ADDRESS')
    expect(requestsSeen).toEqual([])
  })

  it.each([
    'http://169.254.169.254/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://app.localhost/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://intranet/',
  ])('refuses %s', async (url) => {
    const error = await importError(url, { allowList: [], lookup: noLookup })
    expect(error.code).toBe('BLOCKED_ADDRESS')
    expect(error.message).toBe('That address points to a private or local network and cannot be imported.')
  })

  it('refuses a name that resolves to a private address', async () => {
    const lookup: HostLookup = async () => [{ address: '10.1.2.3', family: 4 }]
    expect((await importError('https://evil.example.com/', { allowList: [], lookup })).code).toBe('BLOCKED_ADDRESS')
  })

  it('refuses a name when any one of its addresses is private', async () => {
    const lookup: HostLookup = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '::ffff:192.168.0.10', family: 6 },
    ]
    expect((await importError('https://mixed.example.com/', { allowList: [], lookup })).code).toBe('BLOCKED_ADDRESS')
  })

  it('says when a name does not resolve', async () => {
    const lookup: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    }
    const error = await importError('https://no-such-site.example.com/', { allowList: [], lookup })
    expect(error.code).toBe('HOST_NOT_FOUND')
    expect(error.message).toBe('We could not find that website. Check the address.')
  })

  it.each(['ftp://example.com/file.txt', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi'])(
    'refuses the %s scheme',
    async (url) => {
      const error = await importError(url, { allowList: [], lookup: noLookup })
      expect(error.code).toBe('UNSUPPORTED_PROTOCOL')
      expect(error.message).toBe('Only http:// and https:// addresses can be imported.')
    },
  )

  it('refuses text that is not an address', async () => {
    expect((await importError('not a url', { allowList: [], lookup: noLookup })).code).toBe('INVALID_URL')
  })

  it('refuses an address with a user name and password', async () => {
    expect((await importError('https://user:pw@example.com/', { allowList: [], lookup: noLookup })).code).toBe(
      'INVALID_URL',
    )
  })
})

describe('isPublicAddress', () => {
  it.each([
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::808:808', true],
    ['127.0.0.1', false],
    ['10.255.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.0.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['100.128.0.1', true],
    ['0.0.0.0', false],
    ['224.0.0.251', false],
    ['255.255.255.255', false],
    ['192.0.2.1', false],
    ['240.0.0.1', false],
    ['::', false],
    ['::1', false],
    ['fe80::1%eth0', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['::127.0.0.1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2002:a9fe:a9fe::1', false],
    ['2001:db8::1', false],
    ['not an ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })
})
