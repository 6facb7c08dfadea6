import { z } from 'zod'

/**
 * Makes zod parse without compiling schemas through `new Function`. Under Sparboard's CSP
 * (no 'unsafe-eval') zod's probe for eval is a reported violation, so browsers never compile.
 */
export function withoutSchemaCompilation(): void {
  z.config({ jitless: true })
}

// zod probes when a schema is built, so this must run before any module defines one: index.ts
// exports this module first. The server keeps compiled parsing.
if (typeof (globalThis as { document?: unknown }).document !== 'undefined')
  withoutSchemaCompilation()
