import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Workspace packages resolve to their TypeScript source in tests (no build needed).
  ssr: {
    resolve: { conditions: ['sparboard-source', 'module', 'node', 'development|production'] },
  },
  test: { include: ['src/**/*.test.ts'] },
})
