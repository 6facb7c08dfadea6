import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/i18n.js'
import './styles.css'
import { App } from './App.js'
import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/700.css'
import { BOARD_FONT_FAMILY } from '@sparboard/board-scene'

// Konva measures text when it draws: load the board font first so notes wrap as in exports.
await Promise.all(
  ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "${BOARD_FONT_FAMILY}"`)),
).catch(() => undefined)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
