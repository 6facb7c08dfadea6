// @ts-check
/**
 * Which folder of server/src and client/src may import which. eslint.config.js turns it into the
 * `boundaries/dependencies` rule; `pnpm docs:folders` writes it as the table in
 * docs/architecture.md (and `pnpm docs:folders --check`, part of `pnpm lint`, fails when the table
 * is stale). Each list is acyclic, so no two folders import each other, not even by a detour
 * (scripts/folderTable.mjs checks that too). Tests beside the code (`*.test.ts`) are exempt: they
 * may reach for a helper anywhere.
 *
 * A part is a folder (`hub` is `server/src/hub/**`) or, where `files` is given, files at the top of
 * the source folder.
 */

/** @typedef {{ readonly files?: readonly string[], readonly about: string, readonly may: readonly string[] }} Part */
/** @typedef {{ readonly root: string, readonly parts: Readonly<Record<string, Part>> }} Side */

/** @type {Readonly<Record<'server' | 'client', Side>>} */
export const folders = {
  server: {
    root: 'server/src',
    parts: {
      app: {
        files: ['main.ts', 'createServer.ts', 'index.ts', 'backup.ts', 'restore.ts'],
        about: 'entry points: build everything, read the environment, listen',
        may: [
          'control',
          'export',
          'history',
          'http',
          'hub',
          'scale',
          'security',
          'store',
          'workshops',
          'core',
        ],
      },
      http: {
        about: 'the express app and its routes',
        may: ['control', 'export', 'history', 'hub', 'security', 'store', 'workshops', 'core'],
      },
      scale: {
        about: 'scale-out: Redis streams, PostgreSQL, leases',
        may: ['control', 'hub', 'store', 'core'],
      },
      export: {
        about: 'PNG, SVG, PDF, CSV, Markdown and zip exports',
        may: ['control', 'hub', 'store', 'core'],
      },
      control: {
        about: 'the session on socket.io: commands, phases, timer',
        may: ['hub', 'security', 'store', 'workshops', 'core'],
      },
      history: {
        about: "boards' versions and restores",
        may: ['hub', 'security', 'store', 'core'],
      },
      workshops: { about: 'creating workshops and their boards', may: ['store', 'core'] },
      hub: { about: 'the Yjs sync endpoint (/yjs)', may: ['store', 'core'] },
      security: {
        about: 'limits, throttles, grants, headers, retention',
        may: ['store', 'core'],
      },
      store: { about: 'SQLite and PostgreSQL stores', may: ['core'] },
      core: {
        files: ['logger.ts', 'metrics.ts', 'settled.ts', 'TokenBucket.ts'],
        about: 'logging, metrics and small parts every folder shares',
        may: [],
      },
    },
  },
  client: {
    root: 'client/src',
    parts: {
      app: {
        files: ['main.tsx', 'App.tsx'],
        about: 'entry point and routing to pages',
        may: [
          'pages',
          'i18n',
          'canvas',
          'commands',
          'components',
          'export',
          'history',
          'session',
          'sync',
          'locale',
          'core',
        ],
      },
      i18n: {
        about: 'every text in English and Dutch, gathered from the folders; i18next set-up',
        may: ['components', 'export', 'history', 'session', 'locale'],
      },
      pages: {
        about: 'start, workshop and board pages',
        may: ['canvas', 'commands', 'components', 'export', 'history', 'session', 'sync', 'core'],
      },
      canvas: {
        about: 'the board drawn with react-konva',
        may: ['commands', 'components', 'sync'],
      },
      history: { about: "a board's versions", may: ['components', 'locale', 'core'] },
      session: {
        about: 'the session UI and its socket.io connection',
        may: ['components', 'sync', 'locale', 'core'],
      },
      components: {
        about: 'panels, dialogs, toolbar',
        may: ['commands', 'sync', 'locale', 'core'],
      },
      commands: { about: 'every command, declared once', may: ['sync'] },
      export: { about: 'export menus and downloads', may: ['core'] },
      sync: { about: 'the Yjs document, presence, undo, the board view', may: ['core'] },
      locale: { about: 'the language choice and dates in it', may: [] },
      core: {
        files: ['api.ts', 'route.ts', 'prefetch.ts'],
        about: 'the API client, the route and what the entry asks for early',
        may: [],
      },
    },
  },
}
