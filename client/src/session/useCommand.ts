import { useCallback, useState } from 'react'
import type { CommandPayload, ControlCommand } from '@sparboard/protocol'
import { useSession } from './useSession.js'

/** Sends facilitator commands and keeps the last refusal to show. */
export function useCommand(token: string) {
  const { send } = useSession(token)
  const [refusal, setRefusal] = useState<string | null>(null)
  const run = useCallback(
    async <C extends ControlCommand>(command: C, payload: CommandPayload<C>) => {
      const ack = await send(command, payload).catch((err: unknown) => ({
        ok: false as const,
        error: String(err),
        field: undefined,
      }))
      setRefusal(ack.ok ? null : [ack.error, ack.field].filter(Boolean).join(': '))
      return ack.ok
    },
    [send],
  )
  return { run, refusal }
}
export type RunCommand = ReturnType<typeof useCommand>['run']
