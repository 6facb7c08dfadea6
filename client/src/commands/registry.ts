import { addNote } from './addNote.js'
import { makeAgreement, showAgreement } from './agreements.js'
import { pan, zoomIn, zoomOut, zoomToFit } from './camera.js'
import { copySelection, duplicateSelection, paste } from './clipboard.js'
import { group, ungroup } from './clusters.js'
import type { AnyCommand } from './Command.js'
import { deleteSelection } from './deleteSelection.js'
import { editNote } from './editNote.js'
import { help } from './help.js'
import { redo, undo } from './history.js'
import { askWhy, linkInterests, markAsPosition, unmarkPosition } from './method.js'
import { moveSelection } from './moveSelection.js'
import { openMenu } from './openMenu.js'
import { clearSelection, selectAll } from './selection.js'
import { tidyBoard, tidyZone } from './tidy.js'
import { takeBackVote, vote } from './votes.js'

/**
 * Every command of the board, in the order the help sheet lists them. A key runs the first
 * command in this list that it is bound to and that applies now.
 */
export const COMMANDS: readonly AnyCommand[] = [
  addNote,
  editNote,
  selectAll,
  clearSelection,
  deleteSelection,
  moveSelection,
  duplicateSelection,
  copySelection,
  paste,
  openMenu,
  undo,
  redo,
  group,
  ungroup,
  tidyZone,
  tidyBoard,
  vote,
  takeBackVote,
  makeAgreement,
  showAgreement,
  linkInterests,
  markAsPosition,
  unmarkPosition,
  askWhy,
  pan,
  zoomIn,
  zoomOut,
  zoomToFit,
  help,
]

/** The floating toolbar under the canvas: editing, then the camera, then help. */
export const TOOLBAR = {
  edit: [addNote, undo, redo],
  camera: [zoomOut, zoomIn, zoomToFit],
  end: [help],
} as const satisfies Record<string, readonly AnyCommand[]>

/** The tools just above the selected notes. */
export const SELECTION_TOOLS: readonly AnyCommand[] = [
  vote,
  group,
  ungroup,
  showAgreement,
  makeAgreement,
  linkInterests,
  askWhy,
  duplicateSelection,
  deleteSelection,
]

/** The context menu of a note or the selection (right-click, long press, Shift+F10). */
export const CONTEXT_MENU: readonly AnyCommand[] = [
  editNote,
  vote,
  takeBackVote,
  group,
  ungroup,
  showAgreement,
  makeAgreement,
  linkInterests,
  markAsPosition,
  unmarkPosition,
  askWhy,
  duplicateSelection,
  copySelection,
  deleteSelection,
]
