// Reads an article form without trusting its size: request.formData() would buffer any amount a
// client sends, so the body is read with a byte limit first and only then parsed.

/** A 2 MB file plus 200,000 characters of text (up to 3 bytes each) and the multipart overhead, rounded up. */
export const ARTICLE_FORM_MAX_BYTES = 4 * 1024 * 1024

export type ArticleFormRead =
  | { ok: true; formData: FormData }
  | { ok: false; status: 400 | 413; message: string }

const TOO_LARGE = {
  ok: false,
  status: 413,
  message: 'That was too much to send at once. A file can be at most 2 MB and the article text at most 200,000 characters.',
} as const

const UNREADABLE = { ok: false, status: 400, message: 'The form could not be read. Reload the page and try again.' } as const

/** The submitted form; refused once more than `maxBytes` are declared or have arrived. */
export async function readArticleForm(request: Request, maxBytes = ARTICLE_FORM_MAX_BYTES): Promise<ArticleFormRead> {
  const declared = Number(request.headers.get('Content-Length'))
  if (Number.isFinite(declared) && declared > maxBytes) return TOO_LARGE

  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.byteLength
      if (received > maxBytes) {
        await reader.cancel()
        return TOO_LARGE
      }
      chunks.push(value)
    }
  }
  const headers = new Headers()
  const type = request.headers.get('Content-Type')
  if (type) headers.set('Content-Type', type)
  try {
    return { ok: true, formData: await new Response(new Blob(chunks), { headers }).formData() }
  } catch {
    return UNREADABLE
  }
}
