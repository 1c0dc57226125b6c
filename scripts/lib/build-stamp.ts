// Whether `npm start` must rebuild: a content hash of everything the production build reads, kept next
// to the build. Contents, not modification times, so a checkout, a copy or a touched file that did not
// change rebuilds nothing, and an edited one always rebuilds.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** What `react-router build` reads: the app, its static files, the build configuration and the exact dependencies. */
export const BUILD_INPUTS = [
  'app',
  'public',
  'package.json',
  'package-lock.json',
  'react-router.config.ts',
  'vite.config.ts',
  'tsconfig.json',
] as const

export const STAMP_FILE = 'build/.source-hash'
const BUILD_OUTPUTS = ['build/server/index.js', 'build/client']

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return [entry]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((child) => filesUnder(root, path.posix.join(entry, child.name)))
}

/** A SHA-256 over every input file's path and contents, in a fixed order. */
export function sourceHash(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = crypto.createHash('sha256')
  for (const file of inputs.flatMap((entry) => filesUnder(root, entry)).sort()) {
    hash.update(`${file}\0`)
    hash.update(fs.readFileSync(path.join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

export type BuildState = {
  /** The hash stored beside the last build, or null when there is none. */
  stamp: string | null
  /** The hash of the inputs as they are now. */
  current: string
  /** Whether the build's server entry and client assets are all there. */
  outputsPresent: boolean
}

/** Build unless a complete build exists that was made from exactly these inputs. */
export function buildDecision(state: BuildState): { build: boolean; reason: string } {
  if (!state.outputsPresent) return { build: true, reason: 'there is no complete build yet' }
  if (state.stamp === null) return { build: true, reason: 'the build does not say what it was built from' }
  if (state.stamp !== state.current) return { build: true, reason: 'the sources changed since the last build' }
  return { build: false, reason: 'the build is up to date' }
}

export function readBuildState(root: string): BuildState {
  const stampPath = path.join(root, STAMP_FILE)
  return {
    stamp: fs.existsSync(stampPath) ? fs.readFileSync(stampPath, 'utf8').trim() || null : null,
    current: sourceHash(root),
    outputsPresent: BUILD_OUTPUTS.every((output) => fs.existsSync(path.join(root, output))),
  }
}

export function writeStamp(root: string, hash: string) {
  fs.writeFileSync(path.join(root, STAMP_FILE), `${hash}\n`)
}
