// `npm start`'s first step: the production build, skipped when the existing one was made from the same sources.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDecision, readBuildState, writeStamp } from './lib/build-stamp.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const state = readBuildState(root)
const decision = buildDecision(state)
if (decision.build) {
  console.log(`Building, because ${decision.reason}.`)
  execFileSync('npx', ['react-router', 'build'], { cwd: root, stdio: 'inherit' })
  // Hashed before building: an edit made while the build ran is picked up by the next start.
  writeStamp(root, state.current)
} else {
  console.log('Skipping the build: nothing changed since the last one.')
}
