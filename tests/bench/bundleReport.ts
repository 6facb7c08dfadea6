import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const clientSource = fileURLToPath(new URL('../../client', import.meta.url))

/** One chunk of Vite's build manifest (`build.manifest`). */
interface ManifestChunk {
  readonly file: string
  readonly src?: string
  readonly isEntry?: boolean
  readonly imports?: readonly string[]
  readonly dynamicImports?: readonly string[]
  readonly css?: readonly string[]
}
type Manifest = Record<string, ManifestChunk>

/**
 * Builds the client as `pnpm build` does, plus Vite's manifest (`--manifest`), into a temporary
 * directory that the bench then serves: the sizes reported are those of the files it loads.
 */
export function buildClientWithManifest(): { dir: string; manifest: Manifest } {
  const dir = mkdtempSync(join(tmpdir(), 'sparboard-bench-client-'))
  execFileSync(
    'npx',
    ['vite', 'build', '--manifest', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: clientSource,
      stdio: 'inherit',
    },
  )
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest
  return { dir, manifest }
}

export interface FileSize {
  readonly file: string
  readonly bytes: number
  readonly gzipBytes: number
}

const sizeOf = (dir: string, file: string): FileSize => {
  const data = readFileSync(join(dir, file))
  return { file, bytes: data.byteLength, gzipBytes: gzipSync(data, { level: 9 }).byteLength }
}

/**
 * What every page of the app loads before any of its code runs (the entry, its static imports and
 * their CSS), and what it may load later (dynamic imports), from the manifest.
 */
export function entryGraph(dir: string, manifest: Manifest) {
  const entry = Object.values(manifest).find((c) => c.isEntry)
  if (!entry) throw new Error('no entry in the Vite manifest')
  const statics = new Set<ManifestChunk>()
  const visit = (c: ManifestChunk) => {
    if (statics.has(c)) return
    statics.add(c)
    for (const key of c.imports ?? []) visit(manifest[key]!)
  }
  visit(entry)
  const dynamic = new Set<ManifestChunk>()
  for (const c of statics) for (const key of c.dynamicImports ?? []) dynamic.add(manifest[key]!)
  for (const c of statics) dynamic.delete(c)
  const files = (cs: Iterable<ManifestChunk>) =>
    [...cs].flatMap((c) => [c.file, ...(c.css ?? [])]).map((f) => sizeOf(dir, f))
  return {
    statics: files(statics),
    dynamic: [...dynamic].map((c) => ({ ...sizeOf(dir, c.file), src: c.src ?? c.file })),
  }
}

export { sizeOf as fileSize }

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes one line of a source map's `mappings` into [generated column, source index] pairs. */
function* segments(line: string, state: { source: number }) {
  let column = 0
  for (const segment of line.split(',')) {
    if (!segment) continue
    const fields: number[] = []
    let value = 0
    let shift = 0
    for (const ch of segment) {
      const digit = BASE64.indexOf(ch)
      value += (digit & 31) << shift
      if (digit & 32) shift += 5
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
        value = 0
        shift = 0
      }
    }
    column += fields[0]!
    if (fields.length > 1) state.source += fields[1]!
    yield { column, source: fields.length > 1 ? state.source : -1 }
  }
}

/**
 * Minified bytes of a JS file by the module they came from, from its source map: each mapped
 * segment of the generated code counts for the source it maps to, up to the next segment.
 */
export function bytesBySource(dir: string, file: string): Map<string, number> {
  const text = readFileSync(join(dir, file), 'utf8')
  // the bundler's own runtime (a few hundred bytes) comes without a map: it counts as itself
  if (!existsSync(join(dir, `${file}.map`))) return new Map([[file, text.length]])
  const code = text.split('\n')
  const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as {
    sources: string[]
    mappings: string
  }
  const out = new Map<string, number>()
  const state = { source: 0 }
  map.mappings.split(';').forEach((line, i) => {
    const segs = [...segments(line, state)]
    const length = code[i]?.length ?? 0
    segs.forEach((s, k) => {
      if (s.source < 0) return
      const end = segs[k + 1]?.column ?? length
      const name = map.sources[s.source]!
      out.set(name, (out.get(name) ?? 0) + Math.max(0, end - s.column))
    })
  })
  return out
}

/** A module path as a reader groups it: an npm package, or a folder of the workspace. */
export function areaOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  const pkg = /packages\/[^/]+/.exec(source)
  if (pkg) return pkg[0]
  const client = /client\/src\/(.*)$/.exec(source)
  if (!client) return workspacePath(source)
  const rest = client[1]!
  return `client/src/${rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest}`
}

/** A source map's path from the workspace root (they are relative to the built file). */
export const workspacePath = (source: string) =>
  source.replace(/^.*?(?=(client|packages|node_modules)\/)/, '')

/**
 * Code the board route should not load (issue 19): exports (the client's `export/` folder but for
 * the board's export menu itself and its texts, PDF and zip libraries), the start and workshop
 * pages, and the facilitator's screens (`FacilitatorPanel` and the components only it and the
 * links panel import, the board's cockpit and history), and zod (the browser parses nothing with
 * it). Matched on module paths.
 */
export const notForTheBoard = new RegExp(
  [
    'client/src/export/(?!ExportMenu\\.tsx|ExportOption\\.tsx|exportTexts\\.)',
    // the schemas are the server's: the browser reads plain values (protocol's methodPlain.ts)
    'node_modules/zod/',
    'pdfkit',
    'pdfjs',
    'jszip',
    'pages/WorkshopPage',
    'pages/StartPage',
    'cockpit/Cockpit\\.tsx',
    'history/BoardHistory\\.tsx',
    ...[
      'FacilitatorPanel',
      'BoardControls',
      'BoardThumbnail',
      'FollowUpControl',
      'GroupDropZones',
      'ParticipantRoster',
      'PhaseStepper',
      'RotateLink',
      'StrategyMatrix',
      'TimerControls',
      'LinksPanel',
      'DeleteWorkshop',
    ].map((name) => `/${name}\\.tsx`),
  ].join('|'),
)
