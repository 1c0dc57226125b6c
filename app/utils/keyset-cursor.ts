// Where the next page of a keyset-paginated list starts, as it travels in an address: "<key>.<id>",
// the key being the last row's sort value (a timestamp, or a number as Postgres prints it) or "-" when
// it has none. Every list uses this one codec. Anything this app did not make decodes to null, and the
// list then starts from its top.

/** The last row's sort value (null when the row has none) and its id, the tie-breaker. */
export type KeysetCursor<Key> = { key: Key | null; id: string }

// Ids never hold a dot, so the last dot ends the key (timestamps and decimals have dots of their own).
const CURSOR = /^(.{1,100})\.([A-Za-z0-9_-]{1,100})$/
const DECIMAL = /^-?\d{1,20}(?:\.\d{1,40})?$/

export function encodeCursor(key: Date | string | number | null, id: string): string {
  const text = key === null ? '-' : key instanceof Date ? key.toISOString() : String(key)
  return `${text}.${id}`
}

function split(value: string | null | undefined): { key: string | null; id: string } | null {
  const match = value ? CURSOR.exec(value) : null
  if (!match) return null
  return { key: match[1] === '-' ? null : match[1]!, id: match[2]! }
}

/** A cursor whose key is a timestamp, exactly as `encodeCursor` wrote it. */
export function decodeTimeCursor(value: string | null | undefined): KeysetCursor<Date> | null {
  const cursor = split(value)
  if (!cursor || cursor.key === null) return cursor && { key: null, id: cursor.id }
  const at = new Date(cursor.key)
  return !Number.isNaN(at.getTime()) && at.toISOString() === cursor.key ? { key: at, id: cursor.id } : null
}

/** A cursor whose key is a decimal number, kept as text so Postgres compares it as `numeric` without rounding. */
export function decodeDecimalCursor(value: string | null | undefined): KeysetCursor<string> | null {
  const cursor = split(value)
  if (!cursor || cursor.key === null) return cursor
  return DECIMAL.test(cursor.key) ? cursor : null
}

/**
 * Prisma's `where` for the rows after `cursor` in a list ordered newest first: by `key`, then by `id`, both
 * descending. The first page (no cursor, or one without a time) gets `{}`, which matches every row.
 */
export function newestFirstAfter<K extends string, I extends string = 'id'>(
  cursor: KeysetCursor<Date> | null,
  key: K,
  id: I = 'id' as I,
):
  | { OR: Array<Record<NoInfer<K>, { lt: Date }> | (Record<NoInfer<K>, Date> & Record<NoInfer<I>, { lt: string }>)> }
  | Record<string, never> {
  if (!cursor?.key) return {}
  const older = { [key]: { lt: cursor.key } } as Record<K, { lt: Date }>
  const tied = { [key]: cursor.key, [id]: { lt: cursor.id } } as Record<K, Date> & Record<I, { lt: string }>
  return { OR: [older, tied] }
}
