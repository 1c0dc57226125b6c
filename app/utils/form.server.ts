// Every form and query a route reads comes through here, with the bounds below. Conform turns `name[N]`
// into an array of N+1 items and a repeated name into a list, and echoes all of it back in its reply,
// so a few bytes of hostile input could hold the server for minutes: the body is read with a byte
// limit, and the names, counts and sizes are checked before Conform sees the form.
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import type { z } from 'zod'

export type FormLimits = {
  /** The whole body, refused with 413 once more has been declared or has arrived. */
  maxBytes: number
  /** One field's value (UTF-8 bytes, or a file's size). */
  maxFieldBytes: number
  /** Entries in the form or the query string. */
  maxFields: number
  /** Entries under one name (a repeated checkbox), and one above the highest `name[N]` index. */
  maxListItems: number
  /** Characters in a field's name. */
  maxNameLength: number
  /** Shown with the 413. */
  tooLargeMessage: string
}

/** Every form but the article ones: the longest field is the 20,000-character import allow-list. */
export const FORM_LIMITS: FormLimits = {
  maxBytes: 256 * 1024,
  maxFieldBytes: 64 * 1024,
  maxFields: 100,
  maxListItems: 50,
  maxNameLength: 100,
  tooLargeMessage: 'That was too much text to send at once. Go back, shorten what you wrote and send it again.',
}

/** The article forms: a 2 MB file plus 200,000 characters of text (up to 3 bytes each) and the multipart overhead. */
export const ARTICLE_FORM_LIMITS: FormLimits = {
  ...FORM_LIMITS,
  maxBytes: 4 * 1024 * 1024,
  maxFieldBytes: 3 * 1024 * 1024,
  tooLargeMessage:
    'That was too much to send at once. A file can be at most 2 MB and the article text at most 200,000 characters.',
}

/** The most any route accepts: the HTTP server refuses a larger declared body before the app sees it. */
export const LARGEST_BODY_BYTES = Math.max(FORM_LIMITS.maxBytes, ARTICLE_FORM_LIMITS.maxBytes)

/** Conform's own control fields; the desk's forms never send them. */
const RESERVED_NAMES = new Set(['__intent__', '__state__'])
const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])
// Conform's path syntax: keys joined by dots, list indexes in brackets.
const PATH = /^[^.[\]]+(?:\.[^.[\]]+|\[\d{1,9}\])*$/
const INDEX = /\[(\d+)\]/g

export const FORM_MESSAGES = {
  notAForm: 'That request did not carry a form. Reload the page and try again.',
  unreadable: 'The form could not be read. Reload the page and try again.',
  unexpectedFields: 'The form sent fields this page does not have. Reload the page and try again.',
  reservedName: 'The form used a field name that is kept for the desk’s own use. Reload the page and try again.',
  badQuery: 'This address has more in it than the page can read. Open the page from the desk’s menu and choose again.',
} as const

export type FormRead = { ok: true; formData: FormData } | { ok: false; status: 400 | 413; message: string }

type Refusal = { status: 400 | 413; message: string }

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

/** The posted form within `limits`, or why it was refused. Text fields lose any NUL (Postgres cannot store one). */
export async function readForm(request: Request, limits: FormLimits = FORM_LIMITS): Promise<FormRead> {
  const type = request.headers.get('Content-Type')
  if (!type || !FORM_TYPES.test(type)) return { ok: false, status: 400, message: FORM_MESSAGES.notAForm }
  const tooLarge = { ok: false, status: 413, message: limits.tooLargeMessage } as const
  const declared = Number(request.headers.get('Content-Length'))
  if (Number.isFinite(declared) && declared > limits.maxBytes) return tooLarge

  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.byteLength
      // Stop reading and leave the rest unread: the HTTP server closes a connection whose body was not
      // read to the end, and cancelling here would reset it before the 413 is sent.
      if (received > limits.maxBytes) {
        reader.releaseLock()
        return tooLarge
      }
      chunks.push(value)
    }
  }
  let parsed: FormData
  try {
    parsed = await new Response(new Blob(chunks), { headers: { 'Content-Type': type } }).formData()
  } catch {
    return { ok: false, status: 400, message: FORM_MESSAGES.unreadable }
  }
  const refusal = checkEntries(parsed.entries(), limits)
  if (refusal) return { ok: false, ...refusal }
  return { ok: true, formData: withoutNul(parsed) }
}

/** The posted form, or a small 400/413 thrown for the route's error page. */
export async function readFormData(request: Request, limits: FormLimits = FORM_LIMITS): Promise<FormData> {
  const read = await readForm(request, limits)
  if (!read.ok) throw data({ message: read.message }, { status: read.status })
  return read.formData
}

/** Conform's submission of the posted form, read within the bounds. */
export async function parseForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  limits: FormLimits = FORM_LIMITS,
) {
  return parseWithZod(await readFormData(request, limits), { schema })
}

/** Conform's submission of a query string, within the bounds; an address past them is a 400. */
export function parseQuery<Schema extends z.ZodType>(search: URL | URLSearchParams, schema: Schema) {
  const params = search instanceof URL ? search.searchParams : search
  const refusal = checkEntries(params.entries(), FORM_LIMITS)
  if (refusal || [...params].some(([name, value]) => name.includes('\0') || value.includes('\0'))) {
    throw data({ message: FORM_MESSAGES.badQuery }, { status: 400 })
  }
  return parseWithZod(params, { schema })
}

/** Why these names and values may not reach Conform, or null when they may. */
export function checkEntries(entries: Iterable<[string, FormDataEntryValue]>, limits: FormLimits): Refusal | null {
  const perName = new Map<string, number>()
  let count = 0
  for (const [name, value] of entries) {
    if (++count > limits.maxFields) return { status: 400, message: FORM_MESSAGES.unexpectedFields }
    if (RESERVED_NAMES.has(name)) return { status: 400, message: FORM_MESSAGES.reservedName }
    if (!isBoundedName(name, limits)) return { status: 400, message: FORM_MESSAGES.unexpectedFields }
    const seen = (perName.get(name) ?? 0) + 1
    if (seen > limits.maxListItems) return { status: 400, message: FORM_MESSAGES.unexpectedFields }
    perName.set(name, seen)
    const size = typeof value === 'string' ? Buffer.byteLength(value) : value.size
    if (size > limits.maxFieldBytes) return { status: 413, message: limits.tooLargeMessage }
  }
  return null
}

function isBoundedName(name: string, limits: FormLimits) {
  if (name.length > limits.maxNameLength) return false
  // A plain name is a plain key to Conform, whatever its characters.
  if (!/[.[\]]/.test(name)) return !UNSAFE_SEGMENTS.has(name)
  if (!PATH.test(name)) return false
  if (name.split(/[.[\]]+/).some((segment) => UNSAFE_SEGMENTS.has(segment))) return false
  for (const [, index] of name.matchAll(INDEX)) {
    if (Number(index) >= limits.maxListItems) return false
  }
  return true
}

function withoutNul(formData: FormData) {
  let clean: FormData | null = null
  for (const [, value] of formData) {
    if (typeof value === 'string' && value.includes('\0')) {
      clean = new FormData()
      break
    }
  }
  if (!clean) return formData
  for (const [name, value] of formData) {
    if (typeof value === 'string') clean.append(name, value.replaceAll('\0', ''))
    else clean.append(name, value, value.name)
  }
  return clean
}
