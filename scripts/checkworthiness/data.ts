// The two public training sets (see ../shared/datasets/checkworthiness/README.md), read as documents:
// each CLEF 2019 debate with its lines in order and speakers, each ClaimBuster sentence on its own
// (the published sample keeps no neighbours).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import type { ScoringLine } from '../../app/claims/checkworthiness-features.ts'

export type LabelledLine = ScoringLine & { label: 0 | 1 }
export type LabelledDocument = { name: string; source: 'clef' | 'claimbuster'; lines: LabelledLine[] }

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DATASET_DIR = path.resolve(repo, '../shared/datasets/checkworthiness')

export function readClef(dir = DATASET_DIR): LabelledDocument[] {
  const rows = parse(readFileSync(path.join(dir, 'clef2019-task1-train.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<{ line_number: string; speaker: string; text: string; label: string; file_name: string }>
  const byFile = new Map<string, Array<LabelledLine & { n: number }>>()
  for (const row of rows) {
    const lines = byFile.get(row.file_name) ?? []
    lines.push({ n: Number(row.line_number), text: row.text, speaker: row.speaker, label: row.label === '1' ? 1 : 0 })
    byFile.set(row.file_name, lines)
  }
  return [...byFile].map(([name, lines]) => ({
    name,
    source: 'clef' as const,
    lines: lines.sort((a, b) => a.n - b.n).map(({ n: _n, ...line }) => line),
  }))
}

export function readClaimBuster(dir = DATASET_DIR): LabelledDocument[] {
  const rows = JSON.parse(readFileSync(path.join(dir, 'claimbuster-train.json'), 'utf8')) as Array<{
    sentence_id: number
    label: number
    text: string
  }>
  return rows.map((row) => ({
    name: `claimbuster-${row.sentence_id}`,
    source: 'claimbuster' as const,
    lines: [{ text: row.text, label: row.label === 1 ? 1 : 0 }],
  }))
}

/** The same sentence in both sets (ClaimBuster's debates include 2016's) must not leak across folds. */
export function sameSentenceKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
