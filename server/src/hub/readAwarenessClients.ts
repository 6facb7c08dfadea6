import * as decoding from 'lib0/decoding'

/** The client ids an awareness update speaks for; throws on a malformed update. */
export function readAwarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const clients: number[] = []
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(decoder))
    decoding.readVarUint(decoder) // clock
    JSON.parse(decoding.readVarString(decoder)) // state; must be JSON
  }
  return clients
}
