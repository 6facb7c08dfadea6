/** English text of the narrow (phone and tablet) layout, merged into en.ts under `phone`. */
export const phoneTextsEn = {
  menu: 'Menu',
  menuTitle: 'Board menu',
  sheet: 'Notes & goals',
  sheetTitle: 'Notes and goals',
  close: 'Close',
  zones: 'Zones',
  zoomTo: 'Zoom to {{zone}}',
  addTo: 'New note in {{zone}}',
  emptyHint: 'Tap + beside a zone to add a note',
}
