import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildDecision, readBuildState, sourceHash, writeStamp } from './build-stamp.ts'

function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-stamp-'))
  fs.mkdirSync(path.join(root, 'app/routes'), { recursive: true })
  fs.writeFileSync(path.join(root, 'app/routes/index.tsx'), 'export default function Index() {}\n')
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}\n')
  return root
}

function build(root: string) {
  fs.mkdirSync(path.join(root, 'build/server'), { recursive: true })
  fs.mkdirSync(path.join(root, 'build/client'), { recursive: true })
  fs.writeFileSync(path.join(root, 'build/server/index.js'), '')
  writeStamp(root, sourceHash(root))
}

describe('buildDecision', () => {
  test('builds when there is no build, or the build does not say what it was built from', () => {
    expect(buildDecision({ stamp: null, current: 'a', outputsPresent: false }).build).toBe(true)
    expect(buildDecision({ stamp: 'a', current: 'a', outputsPresent: false }).build).toBe(true)
    expect(buildDecision({ stamp: null, current: 'a', outputsPresent: true }).build).toBe(true)
  })

  test('builds when the sources changed, and skips when they did not', () => {
    expect(buildDecision({ stamp: 'a', current: 'b', outputsPresent: true })).toEqual({
      build: true,
      reason: 'the sources changed since the last build',
    })
    expect(buildDecision({ stamp: 'a', current: 'a', outputsPresent: true })).toEqual({
      build: false,
      reason: 'the build is up to date',
    })
  })
})

describe('on a project', () => {
  test('skips after a build, however often the files are touched', () => {
    const root = project()
    build(root)
    const file = path.join(root, 'app/routes/index.tsx')
    fs.utimesSync(file, new Date(), new Date(Date.now() + 60_000))
    expect(buildDecision(readBuildState(root)).build).toBe(false)
  })

  test('rebuilds after an edit to the app, a new file, or a changed lockfile', () => {
    for (const change of [
      (root: string) => fs.appendFileSync(path.join(root, 'app/routes/index.tsx'), '// edited\n'),
      (root: string) => fs.writeFileSync(path.join(root, 'app/routes/new.tsx'), ''),
      (root: string) => fs.writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n'),
    ]) {
      const root = project()
      build(root)
      change(root)
      expect(buildDecision(readBuildState(root))).toMatchObject({
        build: true,
        reason: 'the sources changed since the last build',
      })
    }
  })

  test('rebuilds when the build output was removed', () => {
    const root = project()
    build(root)
    fs.rmSync(path.join(root, 'build/client'), { recursive: true })
    expect(buildDecision(readBuildState(root)).build).toBe(true)
  })
})
