// `checkworthiness score`: JSON lines in, {"id","score"} lines out in the same order. Lines of one
// document arrive together, so each is scored with its neighbours. Input is bounded: a line longer
// than MAX_LINE_BYTES is refused, and a document is scored in chunks of at most MAX_BATCH lines, so
// memory stays flat however much is piped in.
import type { ScoringLine } from '../../app/claims/checkworthiness-features.ts'

export const MAX_LINE_BYTES = 64 * 1024
export const MAX_BATCH = 2_000

type Input = ScoringLine & { id: string | number; document?: string }

export class ScoreInputError extends Error {}

export function parseInputLine(line: string, lineNumber: number): Input {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new ScoreInputError(`line ${lineNumber}: not valid JSON`)
  }
  const row = value as Record<string, unknown> | null
  if (!row || typeof row !== 'object' || Array.isArray(row)) {
    throw new ScoreInputError(`line ${lineNumber}: expected an object {"id","text","speaker"?,"document"?}`)
  }
  const { id, text, speaker, document } = row
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    throw new ScoreInputError(`line ${lineNumber}: "id" must be a string or a number`)
  }
  if (typeof text !== 'string') throw new ScoreInputError(`line ${lineNumber}: "text" must be a string`)
  if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') {
    throw new ScoreInputError(`line ${lineNumber}: "speaker" must be a string`)
  }
  if (document !== undefined && document !== null && typeof document !== 'string' && typeof document !== 'number') {
    throw new ScoreInputError(`line ${lineNumber}: "document" must be a string or a number`)
  }
  return {
    id,
    text,
    speaker: typeof speaker === 'string' && speaker ? speaker : undefined,
    document: document === undefined || document === null ? undefined : String(document),
  }
}

/**
 * Scores a stream of input chunks, calling `write` with each batch of output lines. Throws
 * ScoreInputError (after writing what came before) on the first bad line.
 */
export async function scoreStream(
  chunks: AsyncIterable<Buffer | string>,
  score: (lines: ScoringLine[]) => number[],
  write: (text: string) => Promise<void>,
): Promise<number> {
  let pending: Input[] = []
  let scored = 0
  const flush = async () => {
    if (pending.length === 0) return
    const scores = score(pending)
    const out = pending.map((line, i) => `${JSON.stringify({ id: line.id, score: round(scores[i]!) })}\n`).join('')
    scored += pending.length
    pending = []
    await write(out)
  }
  const take = async (raw: string, lineNumber: number) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (!line.trim()) return
    let input: Input
    try {
      input = parseInputLine(line, lineNumber)
    } catch (error) {
      await flush()
      throw error
    }
    if (pending.length >= MAX_BATCH || (pending.length > 0 && pending[0]!.document !== input.document)) await flush()
    pending.push(input)
  }

  const decoder = new TextDecoder('utf-8')
  let carry = ''
  let lineNumber = 0
  for await (const chunk of chunks) {
    carry += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    let newline = carry.indexOf('\n')
    while (newline !== -1) {
      lineNumber++
      if (newline > MAX_LINE_BYTES) throw await tooLong(flush, lineNumber)
      await take(carry.slice(0, newline), lineNumber)
      carry = carry.slice(newline + 1)
      newline = carry.indexOf('\n')
    }
    if (carry.length > MAX_LINE_BYTES) throw await tooLong(flush, lineNumber + 1)
  }
  carry += decoder.decode()
  if (carry) await take(carry, ++lineNumber)
  await flush()
  return scored
}

async function tooLong(flush: () => Promise<void>, lineNumber: number) {
  await flush()
  return new ScoreInputError(`line ${lineNumber}: longer than ${MAX_LINE_BYTES} characters`)
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6
}
