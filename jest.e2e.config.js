// Browser tests: the production build served against its own seeded database, driven through Debian's Chromium.
import base from './jest.config.js'

/** @type {import('jest').Config} */
const config = {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  setupFilesAfterEnv: [],
  testSequencer: '<rootDir>/tests/e2e/support/sequencer.cjs',
  testTimeout: 60_000,
}

export default config
