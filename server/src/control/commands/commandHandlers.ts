import type { ControlCommand } from '@sparboard/protocol'
import type { CommandHandler } from './CommandHandler.js'
import { gather, lockBoards, spotlight } from './boardCommands.js'
import { privateCount, reveal, setPhase } from './phaseCommands.js'
import { setReview } from './reviewCommands.js'
import {
  assign,
  broadcast,
  clockSync,
  join,
  removeParticipant,
  setGrouping,
  setVoteBudget,
} from './sessionCommands.js'
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
  'participant:assign': assign,
  'participant:remove': removeParticipant,
  'session:setGrouping': setGrouping,
  'review:set': setReview,
  'private:count': privateCount,
}
