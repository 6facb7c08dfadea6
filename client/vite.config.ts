import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const server = process.env.SPARBOARD_DEV_SERVER ?? 'http://localhost:3000'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages from source: no separate build step while developing.
    conditions: ['sparboard-source', 'module', 'browser', 'development|production'],
    dedupe: ['yjs'],
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/yjs': { target: server.replace(/^http/, 'ws'), ws: true },
      '/socket.io': { target: server, ws: true },
    },
  },
  test: {
    // Under CI each package also writes its counts to test-results.json; .ci/run adds them up.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results.json' },
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
})
