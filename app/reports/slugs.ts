// Public addresses are made from words a reader recognises: the article's title, the claim's text.
// Pure, so the same rules serve the database writes and the tests.

/** Long enough to say what the page is about, short enough to share. */
export const SLUG_MAX_LENGTH = 60

/**
 * "Ukraine and Russia swap 1,200 prisoners" → "ukraine-and-russia-swap-1-200-prisoners". Letters of any
 * script are kept (Cyrillic stays Cyrillic), accents are dropped, and the cut falls between words.
 */
export function slugify(text: string, fallback: string, maxLength = SLUG_MAX_LENGTH): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength)
      break
    }
    slug = next
  }
  return slug || fallback
}

/** The slug itself, then "-2", "-3", …: the first of these not in `taken` is the one to use. */
export function slugCandidates(base: string, count = 20): string[] {
  return [base, ...Array.from({ length: count - 1 }, (_, index) => `${base}-${index + 2}`)]
}

/** The first candidate not already taken, or null when every one is. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string | null {
  return slugCandidates(base).find((candidate) => !taken.has(candidate)) ?? null
}

/** What a slug in an address may look like; anything else is not a public page. */
export function isSlug(value: string | undefined): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= SLUG_MAX_LENGTH + 12 &&
    /^[\p{L}\p{N}-]+$/u.test(value)
  )
}
