// How a web address is named in a list or a notice: its host, without "www.". Pure and browser-safe.

/** "https://www.example.org/a?b" → "example.org"; text that is not an address comes back as it is. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '')
  } catch {
    return url
  }
}
