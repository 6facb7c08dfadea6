import { useMemo } from 'react'
import type { NoteId, Side } from '@sparboard/board-model'
import { blindVoting, phaseRules, Role } from '@sparboard/protocol'
import type { Camera } from '../canvas/useCamera.js'
import { useSession } from '../session/useSession.js'
import type { BoardView } from '../sync/useBoardView.js'
import { blindView } from './blindView.js'
import { useBlindBallot } from './useBlindBallot.js'
import { useFollowView } from './useFollowView.js'
import { usePlenary } from './usePlenary.js'
import { usePresenceBoard } from './usePresenceBoard.js'
import { useShareView } from './useShareView.js'

/**
 * What the cockpit's rules add to a board page, in one place so the page stays small: the
 * facilitator's view shared while everyone is called here ([C32]) and plenary mode ([C37]);
 * for others, following that view; for everyone, this page's board in the presence counts
 * ([C34]); and in a blind round ([C33]) the participant's own dots, cast through the server.
 */
export function useBoardCockpit(options: {
  token: string
  boardId: string
  role: Role | null
  camera: Camera
  view: BoardView
  participantId: string | null
  side: Side
}) {
  const { token, boardId, role, camera, view, participantId, side } = options
  const { state } = useSession(token)
  const facilitator = role === Role.facilitator
  const gathered = state?.gathering?.boardId === boardId
  useShareView(token, boardId, camera, facilitator && gathered)
  const follow = useFollowView(token, boardId, camera, !facilitator && role !== null)
  const plenary = usePlenary(camera, facilitator)
  usePresenceBoard(token, boardId, participantId)
  const blind = blindVoting(state)
  const voter = role === Role.participant && participantId !== null
  const ballot = useBlindBallot(token, boardId, blind && voter)
  const shown = useMemo(
    () => (blind ? blindView(view, ballot.mine, side) : view),
    [blind, view, ballot.mine, side],
  )
  const inVoting = state !== null && state.agendaStarted && phaseRules[state.phase].voting
  return {
    view: shown,
    cast: blind && voter ? (id: NoteId, delta: 1 | -1) => ballot.cast(id, delta, side) : undefined,
    plenary: facilitator ? plenary : null,
    follow: { ...follow, called: !facilitator && gathered },
    // the blind notice speaks to voters; the facilitator's cockpit says it already
    vote: !inVoting
      ? null
      : blind
        ? facilitator
          ? null
          : ('blind' as const)
        : state.voteRound.closed
          ? ('closed' as const)
          : null,
  }
}
