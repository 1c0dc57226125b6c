// The claim suggester's bench section: how fast the trained model scores sentences, and how long the
// suggestions for a 5,000-word article take, each against a baseline timed in the same run (a
// compromise parse of every sentence, as the rule scorer did; splitting the article into sentences).
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import nlp from 'compromise'
import {
  claimParts,
  rankSentences,
  reasonsFor,
  splitSentences,
  suggestClaims,
} from '../../app/claims/checkworthiness.ts'
import { scoreLines } from '../../app/claims/checkworthiness-model.ts'
import { summarise, type BenchRow, type RunOptions } from './timing.ts'

export const CHECKWORTHINESS_TARGETS = { sentencesPerSecond: 50_000, articleMs: 50 } as const

const SEED = readFileSync(new URL('../../prisma/fixtures/ukraine-prisoner-exchange.txt', import.meta.url), 'utf8')

function articleOf(words: number): string {
  const paragraphs: string[] = []
  let count = 0
  for (let copy = 1; count < words; copy++) {
    // Each copy's figures differ, so no two sentences are the same text.
    const text = SEED.replace(/\d[\d,]*/g, (n) => String(Number(n.replace(/,/g, '')) + copy))
    paragraphs.push(text)
    count += text.split(/\s+/).length
  }
  return paragraphs.join('\n\n')
}

function timeSync(work: () => unknown, { warmups = 3, runs = 20 }: RunOptions): number[] {
  for (let i = 0; i < warmups; i++) work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    samples.push(performance.now() - start)
  }
  return samples
}

export async function benchCheckworthiness(options: RunOptions = {}): Promise<BenchRow[]> {
  const runs = { warmups: 3, runs: Math.min(options.runs ?? 20, 20) }
  const article = articleOf(5_000)
  const sentences = splitSentences(article)
  const lines: Array<{ text: string }> = []
  while (lines.length < 10_000) lines.push(...sentences.map(({ text }) => ({ text })))
  lines.length = 10_000

  const cpuBefore = process.cpuUsage()
  const scoringSamples = timeSync(() => scoreLines(lines), runs)
  const cpu = process.cpuUsage(cpuBefore)
  const scoring = summarise(scoringSamples)
  const perSecond = lines.length / (scoring.p50 / 1000)
  // On a shared machine the wall clock also counts other processes' turns; CPU time does not.
  const perCpuSecond = (lines.length * (runs.warmups + runs.runs)) / ((cpu.user + cpu.system) / 1e6)
  // The baseline: one compromise parse per sentence, what scoring used to cost, on a few hundred.
  const sample = lines.slice(0, 200)
  const parsing = summarise(timeSync(() => sample.forEach(({ text }) => nlp(text).people()), { warmups: 1, runs: 5 }))
  const parsedPerSecond = sample.length / (parsing.p50 / 1000)

  // What the workspace does for a body it has not seen: rank every sentence, explain the ten it shows.
  const topTen = () =>
    rankSentences(article)
      .slice(0, 10)
      .map((sentence) => [reasonsFor(sentence.text), claimParts(sentence)])
  const suggesting = summarise(timeSync(topTen, runs))
  const everything = summarise(timeSync(() => suggestClaims(article), runs))
  const splitting = summarise(timeSync(() => splitSentences(article), runs))
  const words = article.split(/\s+/).length

  const { sentencesPerSecond, articleMs } = CHECKWORTHINESS_TARGETS
  const met = (ok: boolean) => (ok ? 'met' : 'NOT MET')
  return [
    {
      name: `checkworthiness: score ${lines.length.toLocaleString('en-GB')} sentences`,
      ...scoring,
      note:
        `${Math.round(perSecond).toLocaleString('en-GB')} sentences/s (≥ ${sentencesPerSecond.toLocaleString('en-GB')}: ` +
        `${met(perSecond >= sentencesPerSecond)}), ${Math.round(perCpuSecond).toLocaleString('en-GB')} per CPU second; ` +
        `${(perSecond / parsedPerSecond).toFixed(0)}× a compromise parse per sentence ` +
        `(${Math.round(parsedPerSecond).toLocaleString('en-GB')}/s)`,
    },
    {
      name: `checkworthiness: suggestions, ${words.toLocaleString('en-GB')}-word article`,
      ...suggesting,
      note:
        `${sentences.length} sentences ranked, top ten explained; p95 under ${articleMs} ms: ${met(suggesting.p95 < articleMs)}; ` +
        `${(suggesting.p50 / splitting.p50).toFixed(1)}× splitting it into sentences (${splitting.p50.toFixed(1)} ms)`,
    },
    {
      name: `checkworthiness: all suggestions explained, ${words.toLocaleString('en-GB')}-word article`,
      ...everything,
      note: `"Show all suggestions"; ${(everything.p50 / splitting.p50).toFixed(1)}× splitting it into sentences`,
    },
  ]
}

// `npx tsx scripts/bench/checkworthiness.ts` runs this section alone: it needs no database.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchCheckworthiness()) {
    console.log(`${row.name}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms — ${row.note}`)
  }
}
