// Logistic regression on hashed sparse features, trained by AdaGrad stochastic gradient descent with
// L2 regularisation on the weights each example touches. Deterministic: a seeded shuffle.
import type { FeatureVector } from '../../app/claims/checkworthiness-features.ts'

export type Example = { x: FeatureVector; y: 0 | 1; weight: number }
export type LearnOptions = { epochs: number; rate: number; l2: number; seed: number }
export type LinearModel = { weights: Float32Array; bias: number }

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x100000000
  }
}

export function learnLogistic(examples: readonly Example[], dimensions: number, options: LearnOptions): LinearModel {
  const weights = new Float32Array(dimensions)
  const squares = new Float32Array(dimensions).fill(1e-6)
  let bias = 0
  let biasSquares = 1e-6
  const order = examples.map((_, i) => i)
  const random = seededRandom(options.seed)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const at of order) {
      const { x, y, weight } = examples[at]!
      let margin = bias
      for (let k = 0; k < x.index.length; k++) margin += weights[x.index[k]!]! * x.value[k]!
      const p = 1 / (1 + Math.exp(-margin))
      const g = (p - y) * weight
      for (let k = 0; k < x.index.length; k++) {
        const index = x.index[k]!
        const grad = g * x.value[k]! + options.l2 * weights[index]!
        squares[index]! += grad * grad
        weights[index]! -= (options.rate * grad) / Math.sqrt(squares[index]!)
      }
      biasSquares += g * g
      bias -= (options.rate * g) / Math.sqrt(biasSquares)
    }
  }
  return { weights, bias }
}

export function marginOf(model: LinearModel, x: FeatureVector): number {
  let margin = model.bias
  for (let k = 0; k < x.index.length; k++) margin += model.weights[x.index[k]!]! * x.value[k]!
  return margin
}
