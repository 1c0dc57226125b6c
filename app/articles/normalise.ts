// The one normal form of an article body (NFC, \n line ends, no invisible characters, no trailing
// blanks). Claims quote the body by offset, so every path into the body goes through this. Kept apart
// from text.ts so that forms can use it in the browser without pulling in jsdom.

// ZWJ/ZWNJ (U+200C/D) are kept: they spell words in Persian and Indic scripts and join emoji.
// Bidi embeddings/overrides/isolates go because they make the shown quote differ from the stored one.
const INVISIBLES = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/g

export function normaliseArticleText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u000B\u000C\u2028]/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(INVISIBLES, '')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
