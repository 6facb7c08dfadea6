import type { Command } from './Command.js'
import { Icons } from './icons.js'

const ZOOM_STEP = 1.25

export const zoomIn: Command = {
  id: 'zoomIn',
  label: { en: 'Zoom in', nl: 'Inzoomen' },
  keys: [{ key: '+' }, { key: '=', alias: true }],
  icon: Icons.zoomIn,
  compact: true,
  available: () => true,
  run: (ctx) => ctx.camera.zoomBy(ZOOM_STEP),
}

export const zoomOut: Command = {
  id: 'zoomOut',
  label: { en: 'Zoom out', nl: 'Uitzoomen' },
  keys: [{ key: '-' }],
  icon: Icons.zoomOut,
  compact: true,
  available: () => true,
  run: (ctx) => ctx.camera.zoomBy(1 / ZOOM_STEP),
}

export const zoomToFit: Command = {
  id: 'zoomToFit',
  label: { en: 'Zoom to fit', nl: 'Alles in beeld' },
  keys: [{ key: '0' }, { key: '!', shift: true, alias: true }],
  icon: Icons.fit,
  compact: true,
  available: () => true,
  run: (ctx) => ctx.camera.fit(),
}

/** While Space is held, a drag pans the board instead of selecting. */
export const pan: Command<boolean> = {
  id: 'pan',
  label: { en: 'Pan', nl: 'Schuiven' },
  hint: {
    en: 'Pan (also: drag with the middle button, the wheel, two fingers)',
    nl: 'Schuiven (ook: slepen met de middelste knop, scrollwiel, twee vingers)',
  },
  keys: [{ key: ' ', hold: true }],
  available: () => true,
  run(ctx, held) {
    ctx.camera.panKey.current = held ?? false
  },
}
