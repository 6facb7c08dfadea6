import { cosignerProblem, type Signer } from '@sparboard/board-model'
import type { Participant } from '@sparboard/protocol'

/**
 * Why an agreement's owner and co-signer cannot sign, by the field at fault, or null: each named
 * one is a participant of the session now, as they joined (name and side), and the co-signer is of
 * the other side than the owner's. `previous` is what the agreement held before this write: a
 * signer it keeps may have left or been renamed since (the name as signed stays).
 */
export function signerRefusal(
  participants: readonly Participant[],
  ownedBy: Signer | null,
  cosigner: Signer | null,
  previous: { readonly ownedBy: Signer | null; readonly cosigner: Signer | null } = {
    ownedBy: null,
    cosigner: null,
  },
): { field: 'ownedBy' | 'cosigner'; message: string } | null {
  const same = (a: Signer | null, b: Signer | null) =>
    a?.id === b?.id && a?.name === b?.name && a?.side === b?.side
  const unknown = (s: Signer | null, kept: Signer | null) => {
    if (!s || same(s, kept)) return null
    const p = participants.find((x) => x.id === s.id)
    if (!p) return 'not a participant of this session'
    if (p.side !== s.side) return "not the participant's side"
    if (p.name !== s.name) return "not the participant's name"
    return null
  }
  const owner = unknown(ownedBy, previous.ownedBy)
  if (owner) return { field: 'ownedBy', message: owner }
  const co = unknown(cosigner, previous.cosigner) ?? cosignerProblem(ownedBy, cosigner)
  return co ? { field: 'cosigner', message: co } : null
}
