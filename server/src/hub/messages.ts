import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

/** Top-level y-websocket message types. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncType = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Sync step 1: our state vector, asking the peer for what we lack. */
export const syncStep1 = (doc: Y.Doc) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    syncProtocol.writeSyncStep1(e, doc)
  })

/** Sync step 2: everything the peer lacks, given its state vector. */
export const syncStep2 = (doc: Y.Doc, stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    syncProtocol.writeSyncStep2(e, doc, stateVector)
  })

/** Sync step 2 carrying an update already encoded (the whole board, for an empty peer). */
export const syncStep2Of = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncType.step2)
    encoding.writeVarUint8Array(e, update)
  })

/** A state vector of a document that holds nothing: no client, encoded as the count 0. */
export const isEmptyStateVector = (stateVector: Uint8Array) =>
  stateVector.byteLength === 1 && stateVector[0] === 0

/** An incremental document update. */
export const updateMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    syncProtocol.writeUpdate(e, update)
  })

/** An awareness update for the given clients. */
export const awarenessMessage = (
  awareness: awarenessProtocol.Awareness,
  clients: readonly number[],
) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]))
  })
