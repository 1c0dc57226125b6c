import {
  concurrentWaves,
  describeWaves,
  formatGrowth,
  formatTable,
  percentile,
  summarise,
  type CapturedStatement,
} from './timing.ts'

const statement = (text: string, startedAt: number, endedAt: number): CapturedStatement => ({
  text,
  values: [],
  startedAt,
  endedAt,
})

describe('percentile', () => {
  test('takes the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i) // 100 … 1, unsorted on purpose
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 95)).toBe(95)
    expect(percentile(samples, 100)).toBe(100)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  test('summarise gives p50 and p95', () => {
    expect(summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ p50: 5, p95: 10 })
  })
})

describe('concurrentWaves', () => {
  test('puts statements sent before any answer came back in one wave, the rest after', () => {
    const waves = concurrentWaves([
      statement('session', 0, 1),
      statement('user', 1.2, 2),
      statement('desk', 2.1, 9),
      statement('overdue', 2.2, 3),
      statement('load', 2.3, 5),
      // Sent after "overdue" answered: it may have depended on it, so it waits.
      statement('late', 3.5, 4),
    ])
    expect(waves.map((wave) => wave.map((s) => s.text))).toEqual([
      ['session'],
      ['user'],
      ['desk', 'overdue', 'load'],
      ['late'],
    ])
    expect(describeWaves(waves)).toBe('1 + 1 + 3 + 1')
  })

  test('orders by the time each statement was sent', () => {
    const waves = concurrentWaves([statement('b', 5, 6), statement('a', 0, 1)])
    expect(waves.map((wave) => wave[0]!.text)).toEqual(['a', 'b'])
  })
})

test('formatTable lines up the columns and shows the ratio to the SQL', () => {
  const table = formatTable([
    { name: 'dashboard loader', p50: 44.71, p95: 69.9, sqlP50: 41.4, sqlP95: 68.8, note: '7 statements' },
    { name: 'export CSV', p50: 13140, p95: 16208, peakMemoryMb: 483 },
  ])
  const lines = table.split('\n')
  expect(lines[0]).toMatch(/^name\s+p50\s+p95\s+SQL p50\s+SQL p95\s+÷ p50\s+÷ p95\s+peak MB\s+note$/)
  expect(lines[2]).toMatch(/^dashboard loader\s+44\.7\s+69\.9\s+41\.4\s+68\.8\s+1\.08×\s+1\.02×\s+—\s+7 statements$/)
  expect(lines[3]).toMatch(/^export CSV\s+13140\s+16208\s+—\s+—\s+—\s+—\s+483$/)
})

test('formatGrowth sets each row’s p95 on every desk side by side, with the largest desk’s as a multiple of the smallest’s', () => {
  const lines = formatGrowth([
    { claims: 10_000, rows: [{ name: 'dashboard loader', p50: 10, p95: 20 }] },
    {
      claims: 1_000_000,
      rows: [
        { name: 'dashboard loader', p50: 12, p95: 25 },
        { name: 'export CSV', p50: 1, p95: 2 },
      ],
    },
  ]).split('\n')
  expect(lines[1]).toMatch(/^name\s+p95 @ 10,000\s+p95 @ 1,000,000\s+largest ÷ smallest$/)
  expect(lines[3]).toMatch(/^dashboard loader\s+20\.0\s+25\.0\s+1\.25×$/)
  expect(lines[4]).toMatch(/^export CSV\s+—\s+2\.0\s+—$/)
})
