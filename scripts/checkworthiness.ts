// `npm run checkworthiness -- <command>`: the trained claim suggester's model.
//   train      cross-validates the chosen setup, fits it on both public sets and writes
//              app/claims/checkworthiness-model.json (about a minute; run it niced on a shared machine)
//   evaluate   prints cross-validated MAP (CLEF 2019, leave one debate out) and ROC-AUC (ClaimBuster, 5 folds)
//   compare    cross-validates the candidate setups the chosen one was picked from
//   score      JSON lines {"id","text","speaker"?,"document"?} on stdin, {"id","score"} lines on stdout
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serialiseModel, scoreLines } from '../app/claims/checkworthiness-model.ts'
import { ScoreInputError, scoreStream } from './checkworthiness/score-stream.ts'

const command = process.argv[2]
const MODEL_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../app/claims/checkworthiness-model.json',
)

function report(
  name: string,
  result: { map: number; auc: number; perDebate: Array<[string, number]> },
  seconds: number,
) {
  console.log(`${name}: MAP ${result.map.toFixed(4)}  ROC-AUC ${result.auc.toFixed(4)}  (${seconds.toFixed(0)} s)`)
}

async function main(): Promise<number> {
  if (command === 'score') {
    const write = (text: string) =>
      new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())))
    try {
      await scoreStream(process.stdin, (lines) => scoreLines(lines), write)
      return 0
    } catch (error) {
      if (error instanceof ScoreInputError) {
        console.error(`checkworthiness score: ${error.message}`)
        return 1
      }
      throw error
    }
  }

  const { crossValidate, fitAll, readCorpus } = await import('./checkworthiness/cross-validate.ts')
  const { CANDIDATES, CHOSEN, vary } = await import('./checkworthiness/setup.ts')
  const corpus = readCorpus()
  const started = Date.now()
  const seconds = () => (Date.now() - started) / 1000

  if (command === 'evaluate') {
    const result = crossValidate(corpus, CHOSEN)
    console.log('CLEF 2019 Task 1 training debates, leave one debate out (average precision per debate):')
    for (const [debate, ap] of result.perDebate) console.log(`  ${debate.padEnd(32)} ${ap.toFixed(4)}`)
    console.log(`Cross-validated MAP (mean over ${result.perDebate.length} debates): ${result.map.toFixed(4)}`)
    console.log(`ClaimBuster, 5-fold cross-validated ROC-AUC: ${result.auc.toFixed(4)}`)
    console.log(`(${seconds().toFixed(0)} s; each fold trains on both sets minus the sentences it is tested on)`)
    return 0
  }
  if (command === 'compare') {
    for (const [name, variation] of CANDIDATES) {
      const start = Date.now()
      report(name, crossValidate(corpus, vary(CHOSEN, variation)), (Date.now() - start) / 1000)
    }
    return 0
  }
  if (command === 'train') {
    const result = crossValidate(corpus, CHOSEN)
    report('cross-validated', result, seconds())
    const model = fitAll(corpus, CHOSEN)
    const file = serialiseModel(
      { features: CHOSEN.features, bias: model.bias, weights: model.weights },
      {
        trainedAt: new Date().toISOString().slice(0, 10),
        trainedOn: ['ClaimBuster two_class/train.json', 'CLEF 2019 CheckThat! Task 1 training set'],
        metrics: { clefLeaveOneDebateOutMap: round4(result.map), claimBusterFiveFoldAuc: round4(result.auc) },
      },
    )
    // Written as Prettier would lay it out, so `npm run format:check` passes on a fresh model.
    const prettier = await import('prettier')
    const options = await prettier.resolveConfig(MODEL_PATH)
    writeFileSync(MODEL_PATH, await prettier.format(JSON.stringify(file), { ...options, filepath: MODEL_PATH }))
    console.log(`Wrote ${path.relative(process.cwd(), MODEL_PATH)} (${seconds().toFixed(0)} s).`)
    return 0
  }
  console.error('Usage: npm run checkworthiness -- train | evaluate | compare | score')
  return 2
}

function round4(value: number) {
  return Math.round(value * 1e4) / 1e4
}

process.exitCode = await main()
