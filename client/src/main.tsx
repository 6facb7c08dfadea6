// The app's own styles first, in the page's head, as before the split: the pages' and panels' CSS,
// which comes with their chunks, follows them and wins where they compete.
import './styles.css'
import './phone/narrow.css'
import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/700.css'
import { BOARD_FONT_FAMILY } from '@sparboard/board-scene'
import { loadLanguage } from './i18n/loadLanguage.js'
import { startLanguage } from './locale/startLanguage.js'
import { loadPage } from './pages/loadPage.js'
import { parseRoute } from './route.js'
import { prefetch, workshopApiPath } from './prefetch.js'

// Everything the first screen needs, fetched at once and none waiting for another (issue 19): the
// page's code (a board's with Konva and Yjs), the language (texts and hyphenation patterns), the
// board font, the workshop's data and the app's own code (React, i18next). Konva measures text when it draws: with the
// font there first, notes wrap as in exports. A failure to load shows where it matters: the page
// as it renders, text in a fallback font.
const route = parseRoute(location.pathname, location.hash)
// The workshop too: a workshop or board page asks for it first thing once rendered.
if ((route.page === 'workshop' || route.page === 'board') && route.token)
  prefetch(workshopApiPath(route.workshopId), route.token)
const ready = Promise.all([
  loadPage(route),
  loadLanguage(startLanguage()),
  ...['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "${BOARD_FONT_FAMILY}"`)),
]).catch(() => undefined)
const { start } = await import('./App.js')
await start(ready)
