import type { recurringEn } from './recurringTexts.en.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Dutch text of the recurring frictions panel (merged into nl.ts under `recurring`). */
export const recurringNl: Texts<typeof recurringEn> = {
  title: 'Terugkerende schuurpunten',
  hint: 'Vergelijkbare schuurpunten uit de groepen en de sessies van deze reeks, gegroepeerd op deze server. Voeg samen wat bij elkaar hoort; haal een notitie eruit als die er niet bij hoort.',
  loading: 'De schuurpunten worden gegroepeerd…',
  failed: 'De schuurpunten konden niet worden gegroepeerd: {{error}}',
  none: 'Nog geen schuurpunt kwam in meer dan één groep of sessie terug.',
  refresh: 'Opnieuw groeperen',
  groups_one: 'kwam terug in {{groups}} van {{count}} groep',
  groups_other: 'kwam terug in {{groups}} van {{count}} groepen',
  sessions_one: ' en in {{count}} sessie',
  sessions_other: ' en in {{count}} sessies',
  notes_one: 'De notitie erachter',
  notes_other: 'De {{count}} notities erachter',
  where: 'sessie {{session}} · {{case}} · groep {{group}}',
  agreements: 'Afspraken op die borden',
  notReviewed: 'Nog niet geëvalueerd',
  select: 'Kiezen om samen te voegen',
  merge_one: 'Gekozen samenvoegen ({{count}})',
  merge_other: 'Gekozen samenvoegen ({{count}})',
  split: 'Eruit halen',
  splitLabel: '“{{text}}” uit dit schuurpunt halen',
  truncated: 'Alleen de nieuwste schuurpunten zijn vergeleken.',
  decisions_one: '{{count}} samenvoeging of splitsing van jou is bewaard.',
  decisions_other: '{{count}} samenvoegingen en splitsingen van jou zijn bewaard.',
}
