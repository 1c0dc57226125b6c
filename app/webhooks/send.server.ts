// Sends one signed webhook request: through the article import's address checks (no private or local
// targets unless allow-listed), with a time limit, reading at most a little of the answer, following no redirect.
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { Webhook } from 'standardwebhooks'
import { UrlImportError, vetAddress, type HostLookup } from '~/articles/fetch-url.server'

export const SEND_TIMEOUT_MS = 10_000
/** The answer is read up to this many bytes and the rest dropped: only its status counts. */
export const MAX_RESPONSE_BYTES = 64 * 1024

export type SendResult =
  | { ok: true; status: number }
  /** `permanent`: trying again cannot help (the address is refused), so no retry is scheduled. */
  | { ok: false; status: number | null; error: string; permanent: boolean }

export type SendOptions = {
  allowList: string[]
  timeoutMs?: number
  signal?: AbortSignal
  lookup?: HostLookup
}

export class SendAborted extends Error {}

/** The three Standard Webhooks headers for `body`, signed with the endpoint's `whsec_` secret. */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string) {
  const signature = new Webhook(secret).sign(messageId, at, body)
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  }
}

function refusal(error: UrlImportError): string {
  switch (error.code) {
    case 'BLOCKED_ADDRESS':
      return 'Refused: the address is on a private or local network. An admin can allow its host and port under Settings › Article import allow-list.'
    case 'HOST_NOT_FOUND':
      return 'The host name could not be found.'
    case 'UNSUPPORTED_PROTOCOL':
      return 'Refused: only http:// and https:// addresses can receive webhooks.'
    default:
      return error.message
  }
}

export async function sendWebhook(
  target: { url: string; secret: string },
  messageId: string,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS
  let vetted
  try {
    vetted = await vetAddress(target.url, { allowList: options.allowList, lookup: options.lookup })
  } catch (error) {
    if (error instanceof UrlImportError) {
      // A name that does not resolve now may resolve later; a refused address stays refused.
      const permanent = error.code !== 'HOST_NOT_FOUND'
      return { ok: false, status: null, error: refusal(error), permanent }
    }
    throw error
  }
  const { url, lookup } = vetted
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const isTls = url.protocol === 'https:'
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onOuterAbort = () => controller.abort()
  options.signal?.addEventListener('abort', onOuterAbort, { once: true })
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Factdesk-Webhooks/1.0',
    'content-length': String(Buffer.byteLength(body)),
    ...signedHeaders(target.secret, messageId, new Date(), body),
  }
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const req = (isTls ? https : http).request({
        protocol: url.protocol,
        hostname: host,
        port: url.port || (isTls ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { host: url.host, ...headers },
        lookup,
        ...(isTls && !net.isIP(host) ? { servername: host } : {}),
        // No pooled sockets: a kept-alive socket could outlive the check that allowed it.
        agent: false,
        signal: controller.signal,
      })
      req.on('response', (response) => {
        let received = 0
        response.on('data', (chunk: Buffer) => {
          received += chunk.length
          if (received > MAX_RESPONSE_BYTES) response.destroy()
        })
        const done = () => resolve(response.statusCode ?? 0)
        response.on('end', done)
        response.on('close', done)
        response.on('error', done)
      })
      req.on('error', reject)
      req.end(body)
    })
    if (status >= 200 && status < 300) return { ok: true, status }
    if (status >= 300 && status < 400) {
      return {
        ok: false,
        status,
        error: `The endpoint answered with a redirect (${status}); redirects are not followed. Register the final address.`,
        permanent: false,
      }
    }
    return { ok: false, status, error: `The endpoint answered ${status}.`, permanent: false }
  } catch (error) {
    if (options.signal?.aborted) throw new SendAborted('The delivery was interrupted because the worker stopped.')
    if (timedOut) {
      return { ok: false, status: null, error: `No answer within ${timeoutMs / 1000} seconds.`, permanent: false }
    }
    const code = (error as NodeJS.ErrnoException).code
    return {
      ok: false,
      status: null,
      error: `The endpoint could not be reached${code ? ` (${code})` : ''}.`,
      permanent: false,
    }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onOuterAbort)
  }
}
