import { asClusterId, groupNotes, renameCluster, ungroupNotes } from '@sparboard/board-model'
import type { BoardAuthor, ClusterNaming, Command } from './Command.js'
import { newId } from './newId.js'

/** Asks for a name, then groups the selected notes into a new cluster (see nameCluster). */
export const group: Command = {
  id: 'group',
  label: { en: 'Group', nl: 'Clusteren' },
  hint: {
    en: 'Group the selected notes into a cluster',
    nl: 'De gekozen notities samen in een cluster zetten',
  },
  keys: [{ key: 'g', shift: false }],
  available: (ctx) => ctx.canWrite && ctx.selection.length > 0,
  run: (ctx) => ctx.ui.nameCluster({ kind: 'group', ids: ctx.selection.map((n) => n.id) }),
}

export const ungroup: Command = {
  id: 'ungroup',
  label: { en: 'Ungroup', nl: 'Uit cluster halen' },
  hint: {
    en: 'Take the selected notes out of their cluster',
    nl: 'De gekozen notities uit hun cluster halen',
  },
  keys: [{ key: 'g', shift: true }],
  available: (ctx) => ctx.canWrite && ctx.selection.some((n) => ctx.view.clusterByNote.has(n.id)),
  run(ctx) {
    const { author } = ctx
    if (author) ungroupNotes(author.doc, [...ctx.selected], author.origin)
  },
}

/** What the cluster name dialog writes when done: a new cluster, its notes pulled together ([L5]), or a new name. */
export function nameCluster(author: BoardAuthor, naming: ClusterNaming, name: string): void {
  if (naming.kind === 'rename') renameCluster(author.doc, naming.id, name, author.origin)
  else if (naming.ids.length > 0)
    groupNotes(author.doc, asClusterId(newId()), naming.ids, name, author.origin, { gather: true })
}
