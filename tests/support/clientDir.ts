import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built client; end-to-end tests need `pnpm build` first (turbo's test task does it). */
export function clientDir(): string {
  const dir = fileURLToPath(new URL('../../client/dist', import.meta.url))
  if (!existsSync(`${dir}/index.html`))
    throw new Error(`no built client in ${dir}: run pnpm build first`)
  return dir
}
