// ESM throughout, as the app is: SWC strips types and keeps `import`, Node runs the modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
      // Keeps `with { type: 'json' }`, which Node's ES module loader needs for a JSON import.
      experimental: { keepImportAttributes: true },
    },
    module: { type: 'es6' },
  },
]

// jsdom require()s packages that ship only as ES modules; Node 20 can, Jest's CommonJS loader cannot,
// so those few are compiled like our own code.
const esmOnlyPackages = ['@asamuzakjp', '@csstools', '@exodus/bytes', 'parse5', 'entities']

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/tests/setup/style-stub.js',
    '^~/(.*)\\.js$': '<rootDir>/app/$1',
    '^~/(.*)$': '<rootDir>/app/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/app/**/*.test.ts?(x)', '<rootDir>/tests/**/*.test.ts?(x)', '<rootDir>/scripts/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/setup/per-file-database.ts'],
  testTimeout: 30_000,
}

export default config
