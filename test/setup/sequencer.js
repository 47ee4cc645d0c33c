const Sequencer = require('@jest/test-sequencer').default;

/** Unit and API tests first; browser journeys (test/e2e) last. */
class ScopewiseSequencer extends Sequencer {
  sort(tests) {
    const isE2e = (t) => t.path.includes('/e2e/');
    const sorted = super.sort(tests);
    return [...sorted.filter((t) => !isE2e(t)), ...sorted.filter(isE2e)];
  }
}

module.exports = ScopewiseSequencer;
