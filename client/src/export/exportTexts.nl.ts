import type { exportEn } from './exportTexts.en.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Dutch texts of the export menus (keys under `export.*`). */
export const exportNl: Texts<typeof exportEn> = {
  menu: 'Exporteren',
  board: 'Dit bord',
  png: 'PNG {{scale}}x',
  svg: 'SVG (tekst blijft tekst)',
  frame: 'Kop en legenda',
  frameZip: 'Kop en legenda op de bordafbeeldingen',
  selection: 'Selectie',
  selectionPng: 'Geselecteerde notities als PNG 2x',
  selectionSvg: 'Geselecteerde notities als SVG',
  noSelection: 'Selecteer notities om alleen die te exporteren.',
  preparing: '{{what}} voorbereiden…',
  steps: { fonts: 'Lettertypen laden', drawing: 'Tekenen', encoding: 'Bestand schrijven' },
  downsized: 'Het bord is te groot voor {{wanted}}x; geëxporteerd op {{used}}x.',
  failed: 'Exporteren mislukt: {{error}}',
  workshop: 'Workshop exporteren',
  workshopHint: 'Alle borden tegelijk, als afbeeldingen, verslag of gegevens.',
  zip: 'Alle borden als PNG (zip)',
  pdf: 'Verslag (PDF)',
  xlsx: 'Spreadsheet (Excel)',
  csv: 'Notities als gegevens (CSV)',
  includeNames: 'Namen van deelnemers opnemen in de spreadsheet',
  review: 'Evaluatie van afspraken (CSV)',
  markdown: 'Samenvatting (Markdown)',
  downloading: '{{what}} downloaden… {{size}}',
}
