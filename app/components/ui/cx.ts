/** Joins class names, skipping empty ones. Callers' classes are appended, so they add to the base
 * styles (margins, widths); they cannot reliably override a conflicting utility. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ')
}
