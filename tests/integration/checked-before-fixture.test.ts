// The threshold of "Checked before", measured on tests/fixtures/claim-paraphrases.json: every second
// sentence of a pair is an approved claim (spread over several articles) and every first one asks for its
// matches. Each query is asked twice: with its paraphrase on the desk, and as if the desk had never checked
// it (its paraphrase left out). The top match offered must be a paraphrase at least 9 times in 10.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { CHECKED_BEFORE_THRESHOLD } from '~/claims/similar-score'
import { checkedBefore } from '~/claims/similar.server'
import { createArticle, createClaim } from '../helpers/claims'
import { createUser } from '../helpers/users'

type Pair = { same: boolean; a: string; b: string }
const { pairs } = JSON.parse(readFileSync(new URL('../fixtures/claim-paraphrases.json', import.meta.url), 'utf8')) as {
  pairs: Pair[]
}

const queries = [...new Set(pairs.map((pair) => pair.a))]
const corpus = [...new Set(pairs.map((pair) => pair.b))]
const claimIdOf = new Map<string, string>()
/** Every candidate's score, per query. */
const scores = new Map<string, Map<string, number>>()

beforeAll(async () => {
  const editor = await createUser('EDITOR')
  for (let start = 0; start < corpus.length; start += 20) {
    const sentences = corpus.slice(start, start + 20)
    const article = await createArticle(editor, `Fixture article ${start / 20 + 1}`, sentences.join(' '))
    for (const sentence of sentences) {
      claimIdOf.set(
        sentence,
        await createClaim(article, sentence, editor, { status: 'APPROVED', verdict: 'FALSE', approvedAt: new Date() }),
      )
    }
  }
  for (const query of queries) {
    const { desk } = await checkedBefore([query], { threshold: 0, shown: 40 })
    scores.set(query, new Map(desk.map((match) => [match.id, match.score])))
  }
}, 120_000)

function paraphrasesOf(query: string) {
  return new Set(pairs.filter((pair) => pair.a === query && pair.same).map((pair) => claimIdOf.get(pair.b)!))
}

function topOf(candidates: Map<string, number>, leaveOut: Set<string>) {
  let top: { id: string; score: number } | null = null
  for (const [id, score] of candidates) {
    if (!leaveOut.has(id) && (!top || score > top.score)) top = { id, score }
  }
  return top
}

function measure(threshold: number) {
  let offered = 0
  let right = 0
  let found = 0
  let answerable = 0
  for (const query of queries) {
    const candidates = scores.get(query)!
    const paraphrases = paraphrasesOf(query)
    const withIt = topOf(candidates, new Set())
    if (withIt && withIt.score >= threshold) {
      offered += 1
      if (paraphrases.has(withIt.id)) right += 1
    }
    if (paraphrases.size > 0) {
      answerable += 1
      if (withIt && withIt.score >= threshold && paraphrases.has(withIt.id)) found += 1
      const without = topOf(candidates, paraphrases)
      if (without && without.score >= threshold) offered += 1
    }
  }
  // Each pair on its own: is the second sentence offered for the first?
  const offeredPairs = pairs.filter((pair) => (scores.get(pair.a)!.get(claimIdOf.get(pair.b)!) ?? 0) >= threshold)
  return {
    precision: offered ? right / offered : 1,
    right,
    offered,
    recall: found / answerable,
    pairPrecision: offeredPairs.length ? offeredPairs.filter((pair) => pair.same).length / offeredPairs.length : 1,
    pairRecall: offeredPairs.filter((pair) => pair.same).length / pairs.filter((pair) => pair.same).length,
  }
}

describe('the paraphrase fixture', () => {
  it('has at least 100 labelled pairs, both kinds well represented', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100)
    expect(pairs.filter((pair) => pair.same).length).toBeGreaterThanOrEqual(40)
    expect(pairs.filter((pair) => !pair.same).length).toBeGreaterThanOrEqual(40)
  })

  it('gives the top match a precision of at least 0.9 at the chosen threshold, and finds most paraphrases', () => {
    const thresholds = [...new Set([0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, CHECKED_BEFORE_THRESHOLD])]
    const lines = thresholds
      .sort((a, b) => a - b)
      .map((threshold) => {
        const m = measure(threshold)
        const mark = threshold === CHECKED_BEFORE_THRESHOLD ? '  ← chosen' : ''
        return (
          `  ${threshold.toFixed(2)}  top match: precision ${m.precision.toFixed(3)} (${m.right}/${m.offered}), ` +
          `recall ${m.recall.toFixed(3)}  pairs: precision ${m.pairPrecision.toFixed(3)}, recall ${m.pairRecall.toFixed(3)}${mark}`
        )
      })
    console.log(
      `Checked before on ${pairs.length} labelled pairs (${queries.length} queries, ${corpus.length} approved claims):\n${lines.join('\n')}`,
    )
    const chosen = measure(CHECKED_BEFORE_THRESHOLD)
    expect(chosen.precision).toBeGreaterThanOrEqual(0.9)
    expect(chosen.pairPrecision).toBeGreaterThanOrEqual(0.9)
    expect(chosen.recall).toBeGreaterThanOrEqual(0.75)
  })
})
