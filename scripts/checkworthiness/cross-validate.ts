// Cross-validation the CLEF way and the ClaimBuster way, and the final fit on everything.
//   MAP: leave one CLEF 2019 training debate out, rank its lines, average precision per debate, mean.
//   AUC: 5 folds of ClaimBuster, ROC-AUC over the pooled held-out scores.
// Every fold trains on both sets, minus any sentence that also appears in what it is tested on.
import {
  featuresOfDocument,
  type FeatureConfig,
  type FeatureVector,
} from '../../app/claims/checkworthiness-features.ts'
import { readClaimBuster, readClef, sameSentenceKey, type LabelledDocument } from './data.ts'
import { learnLogistic, marginOf, type Example, type LearnOptions, type LinearModel } from './learn.ts'
import { averagePrecision, rocAuc } from './metrics.ts'

export type Setup = {
  features: FeatureConfig
  learn: LearnOptions
  /** Weight of a ClaimBuster sentence relative to a CLEF line. */
  claimBusterWeight: number
  /** Weight of a check-worthy example relative to another. */
  positiveWeight: number
}

type Featured = { doc: LabelledDocument; xs: FeatureVector[]; keys: string[] }
export type Corpus = { clef: LabelledDocument[]; claimBuster: LabelledDocument[] }
export type CrossValidation = { map: number; perDebate: Array<[string, number]>; auc: number }

export function readCorpus(): Corpus {
  return { clef: readClef(), claimBuster: readClaimBuster() }
}

function featurise(docs: LabelledDocument[], config: FeatureConfig): Featured[] {
  return docs.map((doc) => ({
    doc,
    xs: featuresOfDocument(doc.lines, config),
    keys: doc.lines.map((line) => sameSentenceKey(line.text)),
  }))
}

function examplesOf(featured: Featured[], setup: Setup, exclude: ReadonlySet<string>): Example[] {
  const examples: Example[] = []
  for (const f of featured) {
    const base = f.doc.source === 'claimbuster' ? setup.claimBusterWeight : 1
    f.doc.lines.forEach((line, i) => {
      if (exclude.has(f.keys[i]!)) return
      examples.push({ x: f.xs[i]!, y: line.label, weight: base * (line.label ? setup.positiveWeight : 1) })
    })
  }
  return examples
}

export function crossValidate(corpus: Corpus, setup: Setup): CrossValidation {
  const dimensions = 1 << setup.features.bits
  const clef = featurise(corpus.clef, setup.features)
  const claimBuster = featurise(corpus.claimBuster, setup.features)

  const perDebate: Array<[string, number]> = []
  for (const held of clef) {
    const others = [...claimBuster, ...clef.filter((debate) => debate !== held)]
    const model = learnLogistic(examplesOf(others, setup, new Set(held.keys)), dimensions, setup.learn)
    const scores = held.xs.map((x) => marginOf(model, x))
    perDebate.push([
      held.doc.name,
      averagePrecision(
        scores,
        held.doc.lines.map((line) => line.label),
      ),
    ])
  }

  const FOLDS = 5
  const scores: number[] = []
  const labels: number[] = []
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = claimBuster.filter((_, i) => i % FOLDS === fold)
    const training = [...claimBuster.filter((_, i) => i % FOLDS !== fold), ...clef]
    const model = learnLogistic(
      examplesOf(training, setup, new Set(held.map((f) => f.keys[0]!))),
      dimensions,
      setup.learn,
    )
    for (const f of held) {
      scores.push(marginOf(model, f.xs[0]!))
      labels.push(f.doc.lines[0]!.label)
    }
  }

  const map = perDebate.reduce((sum, [, ap]) => sum + ap, 0) / perDebate.length
  return { map, perDebate, auc: rocAuc(scores, labels) }
}

/** The model to ship: the same learner on every labelled line of both sets. */
export function fitAll(corpus: Corpus, setup: Setup): LinearModel {
  const all = [...featurise(corpus.claimBuster, setup.features), ...featurise(corpus.clef, setup.features)]
  return learnLogistic(examplesOf(all, setup, new Set()), 1 << setup.features.bits, setup.learn)
}
