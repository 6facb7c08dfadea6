import type { historyEn } from './historyTexts.en.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Dutch text of a board's history, in the glossary's words (merged into nl.ts under `history`). */
export const historyNl: Texts<typeof historyEn> = {
  open: 'Geschiedenis',
  openTitle: 'Eerdere versies van dit bord',
  title: 'Geschiedenis van dit bord',
  intro:
    'Het bord wordt bewaard bij elke faseovergang en om de paar minuten werk. Kies een versie om het bord voor iedereen daarnaar terug te zetten.',
  loading: 'Geschiedenis laden…',
  empty:
    'Nog geen versies: er wordt er een bewaard bij elke faseovergang en na een paar minuten werk.',
  loadFailed: 'De geschiedenis kon niet worden geladen: {{error}}',
  reason: {
    phase: 'Fase afgesloten: {{phase}}',
    activity: 'Tijdens de fase: {{phase}}',
    restore: 'Vóór een terugzetting',
  },
  beforeAgenda: 'Voordat de agenda begon',
  notes_one: '{{count}} notitie',
  notes_other: '{{count}} notities',
  restore: 'Deze versie terugzetten…',
  confirmTitle: 'Deze versie terugzetten?',
  confirm:
    'Iedereen op dit bord ziet het dan zoals het was om {{time}} ({{notes}}); wat sindsdien veranderde, wordt teruggedraaid. Het bord zoals het nu is, wordt eerst bewaard, zodat je ernaar terug kunt.',
  confirmYes: 'Terugzetten voor iedereen',
  cancel: 'Annuleren',
  restoring: 'Bezig met terugzetten…',
  restored: 'Het bord is terug zoals het was om {{time}}.',
  restoreFailed: 'De versie kon niet worden teruggezet: {{error}}',
  close: 'Sluiten',
}
