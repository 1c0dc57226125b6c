// Tags are stored in one form, so a filter typed as "Prisoners" finds claims saved as "prisoners":
// every place that writes a tag or filters by one goes through `normaliseTag`. Pure.

export const MAX_TAGS = 10
export const MAX_TAG_LENGTH = 40

/** "  Public   Health " → "public health": trimmed, single spaces, lower-case. */
export function normaliseTag(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** "Prisoners, diplomacy ,, PRISONERS" → ["prisoners", "diplomacy"]: each tag normalised, no blanks, no repeats. */
export function parseTags(input: string | null | undefined): string[] {
  if (!input) return []
  const tags: string[] = []
  for (const raw of input.split(',')) {
    const tag = normaliseTag(raw)
    if (tag && !tags.includes(tag)) tags.push(tag)
  }
  return tags
}
