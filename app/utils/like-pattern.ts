// Searching with ILIKE for what a person typed: their % and _ are characters to find, not wildcards.

/** "50%_off" → "%50\%\_off%": matches the text anywhere (backslash is Postgres's default LIKE escape). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}
