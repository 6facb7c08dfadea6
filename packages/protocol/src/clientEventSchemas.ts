import type { z } from 'zod'

/**
 * The payload schema of every event a client may send on the control plane (socket.io).
 * The server refuses an event that has no schema here or whose payload does not parse, so
 * adding an event to `ClientToServerEvents` means adding its schema here too.
 * @example ClientEventSchemas['phase:set'] = z.tuple([z.object({ phase: Phase })])
 */
export const ClientEventSchemas: Readonly<Record<string, z.ZodType<readonly unknown[]>>> = {}
