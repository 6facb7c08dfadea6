import { strokeIcon } from './strokeIcon.js'

/** The commands' icons: drawn lines, or glyphs every font has. */
export const Icons = {
  add: '+',
  undo: '↶',
  redo: '↷',
  zoomIn: '+',
  zoomOut: '−',
  fit: strokeIcon('M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4'),
  help: '?',
  vote: '●',
  agreement: '✓',
  edit: '✎',
  duplicate: strokeIcon('M5 5h8v8H5z M3 11V3h8'),
  delete: strokeIcon('M3 4h10 M6 4V2.5h4V4 M4.5 4l.7 9.5h5.6l.7-9.5'),
} as const
