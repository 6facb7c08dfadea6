import type { ReactNode, RefObject } from 'react'
import type * as Y from 'yjs'
import type {
  AgreementId,
  BoardOrigin,
  ClusterId,
  NoteId,
  NoteSnapshot,
  ParticipantId,
  Side,
} from '@sparboard/board-model'
import type { WorkshopMethod } from '@sparboard/protocol'
import type { BoardView } from '../sync/useBoardView.js'
import type { Undo } from '../sync/useUndo.js'

/** A text in both of the app's languages. */
export interface Bilingual {
  readonly en: string
  readonly nl: string
}

/**
 * A key that runs a command: `key` as `KeyboardEvent.key` gives it (letters in lower case),
 * `mod` for Ctrl (Cmd on a Mac). `shift` left out accepts either; keys such as `?` need Shift
 * on one keyboard and not on another.
 */
export interface KeyBinding<A = undefined> {
  readonly key: string
  readonly mod?: boolean
  readonly shift?: boolean
  /** What the command gets when run by this key (e.g. the direction of an arrow). */
  readonly arg?: A
  /** Runs on press with `true` and on release with `false` (a key held down, as Space to pan). */
  readonly hold?: boolean
  /** Works, but the help sheet and titles name only the other keys. */
  readonly alias?: boolean
  /** The browser's own action for the key still happens (copying selected text, say). */
  readonly keepDefault?: boolean
}

/** Who writes, and into which document: the person on this page. */
export interface BoardAuthor {
  readonly doc: Y.Doc
  /** The origin of every write of this page: what this person's undo tracks. */
  readonly origin: BoardOrigin
  readonly name: string
  readonly side: Side
}

/** Whether votes count now ([C14]) and how many this person has left. */
export interface Voting {
  /** Votes may be cast now, by this person (a participant or the facilitator). */
  readonly open: boolean
  readonly participant: ParticipantId | null
  /**
   * [C33] In a blind round, where a dot goes instead of the board: the server's ballot. Absent,
   * dots are written on the board.
   */
  readonly cast?: (noteId: NoteId, delta: 1 | -1) => void
  readonly budget: number
  readonly left: number
}

/** Naming a cluster: a new one for these notes, or an existing one. */
export type ClusterNaming =
  | { readonly kind: 'group'; readonly ids: readonly NoteId[] }
  | { readonly kind: 'rename'; readonly id: ClusterId }

/** What the page does when a command asks: selection, editor, dialogs and panels. */
export interface BoardUi {
  select(ids: Iterable<NoteId>): void
  edit(id: NoteId): void
  nameCluster(naming: ClusterNaming): void
  draftAgreement(solution: NoteSnapshot): void
  showAgreement(id: AgreementId): void
  toggleHelp(): void
  /** Opens the context menu at a point of the window. */
  openMenu(at: { readonly x: number; readonly y: number }): void
  /** [G1] Opens the list of interests a solution serves, to link or unlink them. */
  linkInterests(id: NoteId): void
  /** [G3] Opens a position's "why does this matter to you?". */
  askWhy(id: NoteId): void
}

/** Everything a command may read or use, as it is now. */
export interface CommandContext {
  readonly view: BoardView
  /** The workshop's method options ([G1], [G2], [G3]). */
  readonly method: WorkshopMethod
  readonly selected: ReadonlySet<NoteId>
  /** The selected notes that are on the board. */
  readonly selection: readonly NoteSnapshot[]
  /** Null until the board's document is open. */
  readonly author: BoardAuthor | null
  /** This person may change the board (not an observer, and the board is not locked). */
  readonly canWrite: boolean
  /** The note whose editor is open: its keys are the editor's. */
  readonly editing: NoteId | null
  readonly voting: Voting
  readonly undo: Undo
  readonly camera: CommandCamera
  readonly ui: BoardUi
}

/** What commands move of the camera; the canvas' `Camera` has all of it. */
export interface CommandCamera {
  /** Zooms by a factor about the middle of the screen. */
  zoomBy(factor: number): void
  /** Shows the template and every note. */
  fit(): void
  /** The board point in the middle of the screen. */
  centre(): { readonly x: number; readonly y: number }
  /** Moves the view as little as brings a rectangle on screen (what was just moved or added). */
  follow(rect: {
    readonly x: number
    readonly y: number
    readonly width: number
    readonly height: number
  }): void
  /** Where a board point is in the window. */
  toClient(x: number, y: number): { readonly x: number; readonly y: number }
  /** Space is held down: a drag pans rather than selects. */
  readonly panKey: RefObject<boolean>
}

/**
 * One thing a person can do on a board, declared once: what the toolbar, the selection's tools,
 * the context menu, the keyboard and the help sheet all read.
 */
export interface Command<A = undefined> {
  readonly id: string
  /** Short: a button or a menu item. */
  readonly label: Bilingual
  /** Longer, where there is room: a button's tip and the help sheet. */
  readonly hint?: Bilingual
  readonly keys?: readonly KeyBinding<A>[]
  readonly icon?: ReactNode
  /** Buttons show the icon alone (its label is then the button's accessible name). */
  readonly compact?: boolean
  /** The page's main action, drawn as such. */
  readonly primary?: boolean
  /** Whether it applies now: tools and menus offer it, its keys work. */
  available(ctx: CommandContext, arg?: A): boolean
  /** Offered but greyed out when false. Left out: always, when available. */
  enabled?(ctx: CommandContext, arg?: A): boolean
  /** Says why it is greyed out. */
  readonly disabledHint?: Bilingual
  run(ctx: CommandContext, arg?: A): void
}

/** A command of any argument, as lists of them hold it. */
export type AnyCommand = Command<unknown>
