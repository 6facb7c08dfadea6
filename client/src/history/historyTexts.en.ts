/** English text of a board's history (merged into en.ts under `history`). */
export const historyEn = {
  open: 'History',
  openTitle: 'Earlier versions of this board',
  title: 'History of this board',
  intro:
    'The board is kept at every phase change and every few minutes of work. Pick a version to bring the board back to it for everyone.',
  loading: 'Loading the history…',
  empty: 'No versions yet: one is kept at each phase change and after a few minutes of work.',
  loadFailed: 'The history could not be loaded: {{error}}',
  reason: {
    phase: 'Phase ended: {{phase}}',
    activity: 'While working on: {{phase}}',
    restore: 'Before a restore',
  },
  /** What a version taken before the facilitator first changed the phase is called. */
  beforeAgenda: 'Before the agenda started',
  notes_one: '{{count}} note',
  notes_other: '{{count}} notes',
  restore: 'Restore this version…',
  confirmTitle: 'Restore this version?',
  confirm:
    'Everyone on this board will see it as it was at {{time}} ({{notes}}); what changed since is undone. The board as it is now is kept first, so you can go back to it.',
  confirmYes: 'Restore for everyone',
  cancel: 'Cancel',
  restoring: 'Restoring…',
  restored: 'The board is back as it was at {{time}}.',
  restoreFailed: 'The version could not be restored: {{error}}',
  close: 'Close',
}
