import { readAgreements, type AgreementSnapshot } from '@sparboard/board-model'
import type { AgreementTerms } from '@sparboard/protocol'
import { readBoardDoc, type LiveDoc } from '../hub/loadBoardSnapshot.js'
import type { Store } from '../store/Store.js'

/** The agreements on a board as it is now: from the hub's live document when it is open. */
export const boardAgreements = (
  store: Store,
  boardId: string,
  liveDoc?: LiveDoc,
): Promise<readonly AgreementSnapshot[]> => readBoardDoc(store, liveDoc, boardId, readAgreements)

/** What an agreement on a board commits to, as a review and the series history carry it. */
export const agreementTerms = (a: AgreementSnapshot): AgreementTerms => ({
  text: a.text,
  owner: a.owner,
  ownedBy: a.ownedBy,
  cosigner: a.cosigner,
  criterion: a.criterion,
  due: a.due,
  reviewOn: a.reviewOn,
})
