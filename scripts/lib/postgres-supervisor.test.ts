import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cappedLog } from './postgres-supervisor.ts'

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-log-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the embedded PostgreSQL log', () => {
  it('keeps at most the current file and one previous part, each under the cap', () => {
    const file = path.join(dir, 'postgres.log')
    const write = cappedLog(file, 100)
    for (let line = 0; line < 50; line++) write(`line ${String(line).padStart(2, '0')} of the server log`)
    expect(fs.readdirSync(dir).sort()).toEqual(['postgres.log', 'postgres.log.1'])
    expect(fs.statSync(file).size).toBeLessThanOrEqual(100)
    expect(fs.statSync(`${file}.1`).size).toBeLessThanOrEqual(100)
    expect(fs.readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)).toBe('line 49 of the server log')
  })

  it('continues an existing log after a restart instead of starting over', () => {
    const file = path.join(dir, 'postgres.log')
    cappedLog(file, 1_000)('before the restart')
    cappedLog(file, 1_000)('after the restart')
    expect(fs.readFileSync(file, 'utf8')).toBe('before the restart\nafter the restart\n')
  })
})
