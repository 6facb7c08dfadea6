import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Workspace packages resolve to their TypeScript source in tests (no build needed).
  ssr: {
    resolve: { conditions: ['sparboard-source', 'module', 'node', 'development|production'] },
  },
  test: {
    // Under CI each package also writes its counts to test-results.json; .ci/run adds them up.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results.json' },
    include: ['src/**/*.test.ts'],
  },
})
