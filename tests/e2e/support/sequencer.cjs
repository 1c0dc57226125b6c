// Browser tests share one seeded desk. Those that read the seed's exact figures run first, those that
// change it (new articles, transitions) afterwards, so no test depends on which others ran before it.
const Sequencer = require('@jest/test-sequencer').default

const ORDER = ['smoke', 'accounts', 'dashboard', 'export', 'claim-extraction', 'workflow', 'request-safety', 'outage']

function rank(path) {
  const name = path.split('/').pop().replace('.e2e.test.ts', '')
  const index = ORDER.indexOf(name)
  return index === -1 ? ORDER.length : index
}

class SeedFirstSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path))
  }
}

module.exports = SeedFirstSequencer
