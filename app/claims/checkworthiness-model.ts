// The trained check-worthiness model: a logistic regression over the hashed features of
// checkworthiness-features.ts, shipped as checkworthiness-model.json (written by
// `npm run checkworthiness -- train`) and read once, on first use.
import modelJson from './checkworthiness-model.json' with { type: 'json' }
import { marginsOfDocument, type FeatureConfig, type ScoringLine } from './checkworthiness-features'

export const MODEL_FORMAT = 'factdesk-checkworthiness/1'

/** The model file as written: weights quantised to 16-bit integers, base64, times `scale`. */
export type ModelFile = {
  format: typeof MODEL_FORMAT
  trainedAt: string
  trainedOn: string[]
  features: FeatureConfig
  bias: number
  scale: number
  weights: string
  metrics: Record<string, number>
}

export type CheckworthinessModel = { features: FeatureConfig; bias: number; weights: Float32Array }

function isFeatureConfig(value: unknown): value is FeatureConfig {
  if (!value || typeof value !== 'object') return false
  const config = value as Record<string, unknown>
  const keys = ['bits', 'words', 'bigrams', 'chars', 'charMin', 'charMax', 'rules', 'context', 'speaker']
  return keys.every((key) => typeof config[key] === 'number' && Number.isFinite(config[key]))
}

/** Reads a model file, refusing one that is not complete: a broken model must not rank silently. */
export function parseModel(file: unknown): CheckworthinessModel {
  const model = file as Partial<ModelFile> | null
  if (!model || model.format !== MODEL_FORMAT) throw new Error(`Not a ${MODEL_FORMAT} model file.`)
  const { features, bias, scale, weights } = model
  if (!isFeatureConfig(features) || features.bits < 8 || features.bits > 22) {
    throw new Error('The model file has no valid feature settings.')
  }
  if (typeof bias !== 'number' || typeof scale !== 'number' || typeof weights !== 'string') {
    throw new Error('The model file has no weights.')
  }
  const bytes = Buffer.from(weights, 'base64')
  const dimensions = 1 << features.bits
  if (bytes.length !== dimensions * 2) {
    throw new Error(`The model file holds ${bytes.length / 2} weights where its features need ${dimensions}.`)
  }
  const quantised = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
  const real = new Float32Array(dimensions)
  for (let i = 0; i < dimensions; i++) real[i] = quantised[i]! * scale
  return { features, bias, weights: real }
}

/** The inverse of parseModel, for the trainer. */
export function serialiseModel(
  model: { features: FeatureConfig; bias: number; weights: Float32Array },
  about: Pick<ModelFile, 'trainedAt' | 'trainedOn' | 'metrics'>,
): ModelFile {
  let largest = 0
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight))
  const scale = largest > 0 ? largest / 32767 : 1
  const quantised = new Int16Array(model.weights.length)
  for (let i = 0; i < model.weights.length; i++) quantised[i] = Math.round(model.weights[i]! / scale)
  return {
    format: MODEL_FORMAT,
    ...about,
    features: model.features,
    bias: model.bias,
    scale,
    weights: Buffer.from(quantised.buffer).toString('base64'),
  }
}

let shipped: CheckworthinessModel | null = null

/** The model committed with the app. */
export function shippedModel(): CheckworthinessModel {
  shipped ??= parseModel(modelJson)
  return shipped
}

/** The model's margin (log-odds) for each line of one document, in order. */
export function marginsOf(lines: readonly ScoringLine[], model: CheckworthinessModel = shippedModel()): number[] {
  return marginsOfDocument(lines, model.features, model.weights, model.bias)
}

/** Check-worthiness of each line of one document, in order: 0–1, higher is more worth checking. */
export function scoreLines(lines: readonly ScoringLine[], model: CheckworthinessModel = shippedModel()): number[] {
  return marginsOf(lines, model).map((margin) => 1 / (1 + Math.exp(-margin)))
}
