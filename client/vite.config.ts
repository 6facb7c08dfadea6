import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const server = process.env.SPARBOARD_DEV_SERVER ?? 'http://localhost:3000'

/** Modules of these npm packages (pnpm's store path included). */
const vendor = (...packages: string[]) =>
  new RegExp(
    `[\\/]node_modules[\\/](${packages.map((p) => p.replace(/[.]/g, '\\.')).join('|')})[\\/]`,
  )

const LIBRARIES = new Set(['react', 'konva', 'yjs', 'socket.io'])

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages from source: no separate build step while developing.
    conditions: ['sparboard-source', 'module', 'browser', 'development|production'],
    dedupe: ['yjs'],
  },
  build: {
    sourcemap: true,
    // The manifest maps each source module to its chunk: the e2e test of what a participant's
    // board link loads reads it (issue 19). Not served: express.static skips dot folders.
    manifest: true,
    rolldownOptions: {
      output: {
        // The libraries by what needs them, under names a reader of the network panel knows:
        // every page needs React and i18next; the board Konva and Yjs; the session socket.io.
        // Chunks shared by several pages or panels are named "shared"; a name of its own is a
        // page, a panel, a language or one of the library groups below.
        chunkFileNames: (chunk) =>
          `assets/${chunk.isDynamicEntry || LIBRARIES.has(chunk.name) ? chunk.name : 'shared'}-[hash].js`,
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: vendor('react', 'react-dom', 'scheduler', 'i18next', 'react-i18next'),
            },
            { name: 'konva', test: vendor('konva', 'react-konva', 'react-reconciler', 'its-fine') },
            {
              name: 'yjs',
              test: vendor('yjs', 'lib0', 'y-protocols', 'y-websocket', 'y-indexeddb'),
            },
            {
              name: 'socket.io',
              test: vendor(
                'socket.io-client',
                'socket.io-parser',
                'engine.io-client',
                'engine.io-parser',
                '@socket.io/component-emitter',
              ),
            },
          ],
        },
      },
    },
  },
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
