import type { ControlCommand } from '@sparboard/protocol'
import type { CommandHandler } from './CommandHandler.js'
import { gather, lockBoards, spotlight } from './boardCommands.js'
import { myFallback, revealFallbacks, writeFallback } from './fallbackCommands.js'
import { privateCount, reveal, setPhase } from './phaseCommands.js'
import { proposeReview, setReview } from './reviewCommands.js'
import {
  assign,
  broadcast,
  clockSync,
  join,
  keepGroups,
  removeParticipant,
  setGrouping,
  setVoteBudget,
} from './sessionCommands.js'
import { castBallot, closeVotes, myBallot, setBlind } from './voteCommands.js'
import { timerAddTime, timerPause, timerStart } from './timerCommands.js'

/** The handler of every control command (the type makes sure none is missing). */
export const commandHandlers: { readonly [C in ControlCommand]: CommandHandler<C> } = {
  'clock:sync': clockSync,
  'session:join': join,
  'phase:set': setPhase,
  'phase:reveal': reveal,
  'timer:start': timerStart,
  'timer:pause': timerPause,
  'timer:addTime': timerAddTime,
  'votes:setBudget': setVoteBudget,
  'message:broadcast': broadcast,
  'board:lock': lockBoards,
  'board:spotlight': spotlight,
  'board:gather': gather,
  'votes:setBlind': setBlind,
  'votes:close': closeVotes,
  'votes:cast': castBallot,
  'votes:mine': myBallot,
  'participant:assign': assign,
  'participant:remove': removeParticipant,
  'session:setGrouping': setGrouping,
  'review:set': setReview,
  'review:propose': proposeReview,
  'session:keepGroups': keepGroups,
  'private:count': privateCount,
  'fallback:write': writeFallback,
  'fallback:mine': myFallback,
  'fallback:reveal': revealFallbacks,
}
