// The features and learner the shipped model uses, chosen by cross-validation
// (`npm run checkworthiness -- compare` re-runs the comparison), and the candidates it was chosen from.
// Character n-grams and the neighbours' words helped ROC-AUC a little but lowered MAP, the measure
// that matters for ranking a document, and made news sentences of pure sentiment outrank named facts.
import type { Setup } from './cross-validate.ts'

export const CHOSEN: Setup = {
  features: {
    bits: 17,
    words: 1,
    bigrams: 0.5,
    chars: 0,
    charMin: 3,
    charMax: 5,
    rules: 0.5,
    context: 0,
    speaker: 0.5,
  },
  learn: { epochs: 5, rate: 0.1, l2: 1e-5, seed: 1 },
  claimBusterWeight: 2,
  positiveWeight: 1,
}

type Variation = Omit<Partial<Setup>, 'features' | 'learn'> & {
  features?: Partial<Setup['features']>
  learn?: Partial<Setup['learn']>
}

export const CANDIDATES: Array<[string, Variation]> = [
  ['chosen', {}],
  ['words only', { features: { bigrams: 0, chars: 0, rules: 0, context: 0, speaker: 0 } }],
  ['with character 3–5-grams', { features: { chars: 1 } }],
  ['with neighbouring sentences', { features: { context: 0.3 } }],
  ['with both', { features: { chars: 1, context: 0.3 } }],
  ['with both, ClaimBuster weighted 4', { features: { chars: 1, context: 0.3 }, claimBusterWeight: 4 }],
  ['no speaker', { features: { speaker: 0 } }],
  ['no rule features', { features: { rules: 0 } }],
  ['ClaimBuster weighted 1', { claimBusterWeight: 1 }],
  ['positives weighted 3', { positiveWeight: 3 }],
  ['2^18 buckets', { features: { bits: 18 } }],
]

export function vary(base: Setup, variation: Variation): Setup {
  return {
    ...base,
    ...variation,
    features: { ...base.features, ...variation.features },
    learn: { ...base.learn, ...variation.learn },
  }
}
