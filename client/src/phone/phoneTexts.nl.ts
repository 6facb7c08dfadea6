import type { phoneTextsEn } from './phoneTexts.en.js'

/** Dutch text of the narrow (phone and tablet) layout, merged into nl.ts under `phone`. */
export const phoneTextsNl: Record<keyof typeof phoneTextsEn, string> = {
  menu: 'Menu',
  menuTitle: 'Bordmenu',
  sheet: 'Notities & doelen',
  sheetTitle: 'Notities en doelen',
  close: 'Sluiten',
  zones: 'Vakken',
  zoomTo: 'Zoom in op {{zone}}',
  addTo: 'Nieuwe notitie in {{zone}}',
  emptyHint: 'Tik op + naast een vak om een notitie toe te voegen',
}
