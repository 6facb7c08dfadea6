import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['sparboard-source'] },
  test: { include: ['src/**/*.test.ts'] },
})
